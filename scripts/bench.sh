#!/usr/bin/env bash
# bench.sh: throughput and memory of `tddui convert` on generated SSIAD
# data sets, as xlsx and as CSV, with excelize's bare streaming read of the
# same workbook as the floor, and the time of writing the CSV run's bundles
# alone (scripts/writefloor). It prints figures; it asserts nothing.
#
#   scripts/bench.sh            # 10k and 100k rows
#   scripts/bench.sh 10k 100k 1M
#   TDDUI_BENCH_CAS="ssiad pp" scripts/bench.sh 100k   # the use cases to run (default: ssiad)
#
# Sizes map to --usagers: SSIAD at 5 weeks of agenda (~48 rows a usager),
# projets personnalisés at ~26 rows a usager; the actual row counts are
# printed. TDDUI_BENCH_DIR keeps the files (default: a temporary folder,
# removed at the end).
set -u
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10k 100k)
read -ra cases <<<"${TDDUI_BENCH_CAS:-ssiad}"
declare -A usagers=([ssiad/10k]=205 [ssiad/100k]=2050 [ssiad/1M]=20500 [pp/10k]=390 [pp/100k]=3900 [pp/1M]=39000)
declare -A genflags=([ssiad]="--semaines 5" [pp]="")

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time (apt)…"
	(apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null 2>&1) || { echo "no /usr/bin/time"; exit 2; }
fi

work=${TDDUI_BENCH_DIR:-$(mktemp -d)}
[ -z "${TDDUI_BENCH_DIR:-}" ] && trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
go build -o "$work/tddui" ./cmd/tddui || exit 2
go build -o "$work/xlsxfloor" ./scripts/xlsxfloor || exit 2
go build -o "$work/writefloor" ./scripts/writefloor || exit 2

# timed CMD…: runs it under GNU time; sets secs, rss_mb and code.
timed() {
	/usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1
	code=$?
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
	rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.txt")
}

mb() { du -sb "$1" | awk '{printf "%.1f", $1/1e6}'; }
rate() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", a/b; else print "-" }'; }
rateMB() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a/b; else print "-" }'; }

declare -A took # case/size/fmt → seconds, for the ratios printed at the end
printf '%-5s %-6s %-5s %9s %8s %9s %10s %8s %9s %5s\n' case size fmt rows MB seconds rows/s MB/s RSS_MB exit
for cas in "${cases[@]}"; do
for size in "${sizes[@]}"; do
	n=${usagers[$cas/$size]:-}
	[ -z "$n" ] && { echo "unknown case or size $cas $size (ssiad, pp; 10k, 100k, 1M)"; continue; }
	for fmt in csv xlsx; do
		in="$work/$cas-$size"
		[ "$fmt" = xlsx ] && in="$in.xlsx"
		# shellcheck disable=SC2086 # genflags holds several words
		timed "$work/tddui" samples "$cas" --usagers "$n" ${genflags[$cas]} --graine 1 -o "$in"
		rows=$(awk '/Total/ {print $2}' "$work/out.txt")
		gen_secs=$secs gen_rss=$rss_mb
		timed "$work/tddui" convert "$in" -o "$work/out-$size-$fmt"
		took[$cas/$size/$fmt]=$secs
		printf '%-5s %-6s %-5s %9s %8s %9s %10s %8s %9s %5s   (generated in %ss, %s MB RSS)\n' "$cas" "$size" "$fmt" "$rows" "$(mb "$in")" \
			"$secs" "$(rate "$rows" "$secs")" "$(rateMB "$(mb "$in")" "$secs")" "$rss_mb" "$code" "$gen_secs" "$gen_rss"
		if [ "$fmt" = csv ]; then
			# the same bundles written again from memory, as convert writes them
			"$work/writefloor" "$work/out-$size-$fmt" >"$work/floor.txt" 2>&1
			wsecs=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' "$work/floor.txt")
			took[$cas/$size/write]=$wsecs
			printf '%-5s %-6s %-5s %9s %8s %9s %10s %8s %9s %5s   (writing the output alone, from memory: the write floor)\n' "$cas" "$size" write "" \
				"$(mb "$work/out-$size-$fmt")" "$wsecs" "" "$(rateMB "$(mb "$work/out-$size-$fmt")" "$wsecs")" "" ""
		fi
		rm -rf "$work/out-$size-$fmt"
		if [ "$fmt" = xlsx ]; then
			timed "$work/xlsxfloor" "$in"
			took[$cas/$size/floor]=$secs
			printf '%-5s %-6s %-5s %9s %8s %9s %10s %8s %9s %5s   (excelize bare streaming read: the floor)\n' "$cas" "$size" floor "$rows" \
				"$(mb "$in")" "$secs" "$(rate "$rows" "$secs")" "$(rateMB "$(mb "$in")" "$secs")" "$rss_mb" "$code"
		fi
		rm -rf "$in"
	done
done
done

# The issue's targets as ratios: xlsx against the floor, the write floor's
# share, and what ten times the rows cost.
echo
ratio() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f, a/b }'; }
for cas in "${cases[@]}"; do
	for size in "${sizes[@]}"; do
		k=$cas/$size
		[ -n "${took[$k/xlsx]:-}" ] && [ -n "${took[$k/floor]:-}" ] &&
			printf '%-5s xlsx/floor %-5s %s\n' "$cas" "$size" "$(ratio "${took[$k/xlsx]}" "${took[$k/floor]}" %.2fx)"
		[ -n "${took[$k/csv]:-}" ] && [ -n "${took[$k/write]:-}" ] &&
			printf '%-5s write floor/csv %-5s %s of the conversion time\n' "$cas" "$size" "$(ratio "${took[$k/write]}" "${took[$k/csv]}" %.2f | awk '{printf "%.0f%%", 100*$1}')"
	done
	for pair in 10k:100k 100k:1M; do
		a=$cas/${pair%:*} b=$cas/${pair#*:}
		for fmt in csv xlsx; do
			[ -n "${took[$a/$fmt]:-}" ] && [ -n "${took[$b/$fmt]:-}" ] &&
				printf '%-5s %s→%s %-4s 10x rows: %s the time\n' "$cas" "${pair%:*}" "${pair#*:}" "$fmt" "$(ratio "${took[$b/$fmt]}" "${took[$a/$fmt]}" %.1fx)"
		done
	done
done
