package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/internal/questionnaire"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

func generator(t testing.TB, key string, usagers, weeks int, seed uint64) *Generator {
	t.Helper()
	tpl, err := templates.Get(key)
	if err != nil {
		t.Skipf("template %s not registered", key)
	}
	g, err := New(Options{Template: tpl, Usagers: usagers, Weeks: weeks, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Every generated row converts: no error, nothing rejected, nothing out
// of the window, every usager (or projet) in a valid bundle (Convert
// validates each one).
func TestGeneratedSetsConvertCleanly(t *testing.T) {
	for _, key := range []string{"ssiad", "pp"} {
		for _, out := range []string{"set.xlsx", "set-csv"} {
			t.Run(key+"/"+out, func(t *testing.T) {
				g := generator(t, key, 12, 5, 42)
				dir := t.TempDir()
				counts, err := Write(g, filepath.Join(dir, out))
				if err != nil {
					t.Fatal(err)
				}
				rep, err := converter.Convert(converter.Options{Input: filepath.Join(dir, out), OutDir: filepath.Join(dir, "bundles")})
				if err != nil {
					t.Fatal(err)
				}
				checkClean(t, rep, counts)
			})
		}
	}
}

func checkClean(t *testing.T, rep *report.Report, counts []SheetCount) {
	t.Helper()
	if rep.Errors() > 0 || rep.Rejected() > 0 {
		t.Fatalf("%d errors, %d rows rejected; first: %+v", rep.Errors(), rep.Rejected(), rep.Issues[0])
	}
	written, converted := 0, 0
	for _, c := range counts {
		written += c.Rows
	}
	for _, s := range rep.Sheets {
		converted += s.Outcomes[report.Converted]
		if s.Read != s.Outcomes[report.Converted] {
			t.Errorf("%s: %d rows read, outcomes %v", s.Sheet, s.Read, s.Outcomes)
		}
	}
	if converted != written || len(rep.Bundles) < 12 {
		t.Errorf("%d rows written, %d converted, %d bundles", written, converted, len(rep.Bundles))
	}
}

// The same seed gives the same bytes (excelize's document dates are
// pinned); another seed gives other data.
func TestSameSeedSameBytes(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, seed uint64) []byte {
		p := filepath.Join(dir, name)
		if _, err := Write(generator(t, "ssiad", 5, 2, seed), p); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b, c := write("a.xlsx", 3), write("b.xlsx", 3), write("c.xlsx", 4)
	if !bytes.Equal(a, b) {
		t.Error("two runs with seed 3 differ")
	}
	if bytes.Equal(a, c) {
		t.Error("seeds 3 and 4 give the same workbook")
	}
	for _, d := range []string{"c1", "c2"} {
		if _, err := Write(generator(t, "ssiad", 5, 2, 3), filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"usagers.csv", "evenements.csv", "transports.csv"} {
		x, _ := os.ReadFile(filepath.Join(dir, "c1", f))
		y, _ := os.ReadFile(filepath.Join(dir, "c2", f))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s: empty or differs between two runs", f)
		}
	}
}

// rows collects a sheet's generated rows.
func rows(t *testing.T, g *Generator, sheet string) []samples.Row {
	t.Helper()
	var out []samples.Row
	if err := g.Rows(g.opt.Template.Sheet(sheet), func(r samples.Row) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// No filler writes a column its sheet lacks: the writers would drop it
// without a word.
func TestFillersWriteTemplateColumns(t *testing.T) {
	for _, key := range templates.Keys() {
		g := generator(t, key, 8, 2, 1)
		for _, sh := range g.opt.Template.Sheets {
			for _, row := range rows(t, g, sh.Key) {
				for col := range row {
					if sh.Column(col) == nil {
						t.Errorf("%s/%s: no column %q", key, sh.Key, col)
					}
				}
			}
		}
	}
}

// No two usagers of a data set share an INS, even at 20,500 usagers where
// the draws alone gave two alike (the converter refuses a repeated INS).
func TestUniqueINS(t *testing.T) {
	g, err := New(Options{Template: templates.SSIAD, Usagers: 20500, Weeks: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.birthOrders) == 0 {
		t.Fatal("seed 1 at 20,500 usagers drew a repeated NIR: the test should see it mended")
	}
	seen := map[string]int{}
	for i := range 20500 {
		p := g.usager(i).person
		if p.ins == "" {
			continue
		}
		if j, dup := seen[p.ins]; dup {
			t.Fatalf("usagers %d and %d share INS %s", j, i, p.ins)
		}
		if err := identifiant.CheckNIR(p.ins); err != nil {
			t.Fatalf("usager %d: %s: %v", i, p.ins, err)
		}
		seen[p.ins] = i
	}
}

// Every evaluation grid gets rows, which convert without an error, and
// the AGGIR answers hang together: the four sub-questions of an activity
// done alone (qf0) are all "oui", of one not done (qf4) all "non", and
// the GIR is given.
func TestEvaluationsCoverEveryGrid(t *testing.T) {
	g := generator(t, "ssiad", 150, 2, 7)
	dir := t.TempDir()
	counts, err := Write(g, filepath.Join(dir, "set"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := converter.Convert(converter.Options{Input: filepath.Join(dir, "set"), OutDir: filepath.Join(dir, "bundles")})
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, rep, counts)
	for _, grid := range templates.EvaluationGrids {
		n := 0
		for _, c := range counts {
			if c.Sheet == grid.Name {
				n = c.Rows
			}
		}
		if n == 0 {
			t.Errorf("%s: no row", grid.Name)
		}
	}
	for _, key := range []string{templates.SheetEvalAggirPA, templates.SheetEvalAggirPH} {
		sh := g.opt.Template.Sheet(key)
		q, err := questionnaire.ByURL(sh.Questionnaire)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows(t, g, key) {
			if row["resultat-eval"] == nil {
				t.Errorf("%s %v: no GIR", key, row["ref"])
			}
			for _, c := range sh.Columns {
				answer, ok := row[c.Key].(string)
				if !ok || (answer != "qf0" && answer != "qf4") {
					continue
				}
				want := map[string]string{"qf0": "oui", "qf4": "non"}[answer]
				for _, sub := range sh.Columns {
					if it := q.Item(sub.Key); it != nil && it.Parent != nil && it.Parent.LinkID == c.Key && row[sub.Key] != want {
						t.Errorf("%s %v: %s is %s, %s is %v", key, row["ref"], c.Key, answer, sub.Key, row[sub.Key])
					}
				}
			}
		}
	}
}
