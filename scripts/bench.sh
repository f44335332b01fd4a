#!/usr/bin/env bash
# bench.sh: throughput and memory of `tddui convert` on generated SSIAD
# data sets, as xlsx and as CSV, with excelize's bare streaming read of the
# same workbook as the floor, and the time of writing the CSV run's bundles
# alone (scripts/writefloor). It prints figures; it asserts nothing.
#
#   scripts/bench.sh            # 10k and 100k rows
#   scripts/bench.sh 10k 100k 1M
#
# Sizes map to --usagers at 5 weeks of agenda (~48 rows a usager); the
# actual row counts are printed. TDDUI_BENCH_DIR keeps the files (default:
# a temporary folder, removed at the end).
set -u
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10k 100k)
declare -A usagers=([10k]=205 [100k]=2050 [1M]=20500)

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

declare -A took # size/fmt → seconds, for the ratios printed at the end
printf '%-6s %-5s %9s %8s %9s %10s %8s %9s %5s\n' size fmt rows MB seconds rows/s MB/s RSS_MB exit
for size in "${sizes[@]}"; do
	n=${usagers[$size]:-}
	[ -z "$n" ] && { echo "unknown size $size (10k, 100k, 1M)"; continue; }
	for fmt in csv xlsx; do
		in="$work/ssiad-$size"
		[ "$fmt" = xlsx ] && in="$in.xlsx"
		timed "$work/tddui" samples ssiad --usagers "$n" --semaines 5 --graine 1 -o "$in"
		rows=$(awk '/Total/ {print $2}' "$work/out.txt")
		gen_secs=$secs gen_rss=$rss_mb
		timed "$work/tddui" convert "$in" -o "$work/out-$size-$fmt"
		took[$size/$fmt]=$secs
		printf '%-6s %-5s %9s %8s %9s %10s %8s %9s %5s   (generated in %ss, %s MB RSS)\n' "$size" "$fmt" "$rows" "$(mb "$in")" \
			"$secs" "$(rate "$rows" "$secs")" "$(rateMB "$(mb "$in")" "$secs")" "$rss_mb" "$code" "$gen_secs" "$gen_rss"
		if [ "$fmt" = csv ]; then
			# the same bundles written again from memory, as convert writes them
			"$work/writefloor" "$work/out-$size-$fmt" >"$work/floor.txt" 2>&1
			wsecs=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' "$work/floor.txt")
			took[$size/write]=$wsecs
			printf '%-6s %-5s %9s %8s %9s %10s %8s %9s %5s   (writing the output alone, from memory: the write floor)\n' "$size" write "" \
				"$(mb "$work/out-$size-$fmt")" "$wsecs" "" "$(rateMB "$(mb "$work/out-$size-$fmt")" "$wsecs")" "" ""
		fi
		rm -rf "$work/out-$size-$fmt"
		if [ "$fmt" = xlsx ]; then
			timed "$work/xlsxfloor" "$in"
			took[$size/floor]=$secs
			printf '%-6s %-5s %9s %8s %9s %10s %8s %9s %5s   (excelize bare streaming read: the floor)\n' "$size" floor "$rows" \
				"$(mb "$in")" "$secs" "$(rate "$rows" "$secs")" "$(rateMB "$(mb "$in")" "$secs")" "$rss_mb" "$code"
		fi
		rm -rf "$in"
	done
done

# The issue's targets as ratios: xlsx against the floor, and what ten
# times the rows cost.
echo
for size in "${sizes[@]}"; do
	[ -n "${took[$size/xlsx]:-}" ] && [ -n "${took[$size/floor]:-}" ] &&
		printf 'xlsx/floor %-5s %s\n' "$size" "$(awk -v a="${took[$size/xlsx]}" -v b="${took[$size/floor]}" 'BEGIN { printf "%.2fx", a/b }')"
done
for size in "${sizes[@]}"; do
	[ -n "${took[$size/csv]:-}" ] && [ -n "${took[$size/write]:-}" ] &&
		printf 'write floor/csv %-5s %s of the conversion time\n' "$size" "$(awk -v a="${took[$size/write]}" -v b="${took[$size/csv]}" 'BEGIN { printf "%.0f%%", 100*a/b }')"
done
for pair in 10k:100k 100k:1M; do
	a=${pair%:*} b=${pair#*:}
	for fmt in csv xlsx; do
		[ -n "${took[$a/$fmt]:-}" ] && [ -n "${took[$b/$fmt]:-}" ] &&
			printf '%s→%s %-4s 10x rows: %s the time\n' "$a" "$b" "$fmt" "$(awk -v a="${took[$b/$fmt]}" -v b="${took[$a/$fmt]}" 'BEGIN { printf "%.1fx", a/b }')"
	done
done
