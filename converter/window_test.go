package converter_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// history gives U2 one event a week for ten weeks, the last on 13/04/2023
// (the IG usager's event is on 14/04/2023), and a transport on the oldest.
func history() samples.Data {
	d := twoUsagers()
	last := time.Date(2023, 4, 13, 9, 0, 0, 0, time.UTC)
	for w := 1; w < 10; w++ {
		day := last.AddDate(0, 0, -7*w)
		d.Sheets[templates.SheetEvenements] = append(d.Sheets[templates.SheetEvenements], samples.Row{
			"ref": fmt.Sprintf("E2-%d", w), "usager": "U2", "sejour": "S2", "statut": "finished",
			"debut": day.Format("02/01/2006 15:04"), "fin": day.Add(30 * time.Minute).Format("02/01/2006 15:04")})
	}
	d.Sheets[templates.SheetTransports] = append(d.Sheets[templates.SheetTransports], samples.Row{
		"ref": "T-old", "type": "usager", "evenement": "E2-9", "statut": "completed", "mode": "ORG-156",
		"debut": "09/02/2023 08:30", "fin": "09/02/2023 09:00"})
	return d
}

func convertWith(t *testing.T, d samples.Data, opt converter.Options) *report.Report {
	t.Helper()
	dir := t.TempDir()
	opt.Input = filepath.Join(dir, "c.xlsx")
	if err := d.WriteXLSX(opt.Input); err != nil {
		t.Fatal(err)
	}
	opt.OutDir = filepath.Join(dir, "o")
	rep, err := converter.Convert(opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func outcomes(rep *report.Report, sheet string) map[report.Outcome]int {
	for _, s := range rep.Sheets {
		if s.Sheet == sheet {
			return s.Outcomes
		}
	}
	return nil
}

// Default: the five weeks up to the newest event; older rows are counted
// as out of window, never dropped silently.
func TestDefaultWindowIsLastFiveWeeks(t *testing.T) {
	rep := convertWith(t, history(), converter.Options{})
	if rep.Window != "2023-03-11_2023-04-14" {
		t.Fatalf("window %q", rep.Window)
	}
	ev := outcomes(rep, "Événements")
	// in window: IG event (14/04), E2 (13/04), E2-1..E2-4 (06/04 … 16/03); out: E2-5..E2-9
	if ev[report.Converted] != 6 || ev[report.OutOfWindow] != 5 {
		t.Fatalf("événements %v", ev)
	}
	if tr := outcomes(rep, "Transports"); tr[report.OutOfWindow] != 1 || tr[report.Converted] != 2 {
		t.Fatalf("the old event's transport follows it: %v", tr)
	}
}

// --du/--au pick the window; more than five weeks is refused.
func TestExplicitWindow(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	from := time.Date(2023, 2, 9, 0, 0, 0, 0, paris)
	rep := convertWith(t, history(), converter.Options{From: from, To: from.AddDate(0, 0, 13)})
	if ev := outcomes(rep, "Événements"); ev[report.Converted] != 2 || ev[report.OutOfWindow] != 9 {
		t.Fatalf("two weeks from 09/02: %v", ev)
	}
	if bundleFor(rep, "194704032") != true {
		t.Fatal("a usager without event in the window still gets its bundle (séjour, identity)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "c.xlsx")
	history().WriteXLSX(in)
	for _, span := range []int{35, 3} { // 36 days, 4 days
		_, err := converter.Convert(converter.Options{Input: in, OutDir: dir, From: from, To: from.AddDate(0, 0, span)})
		if err == nil || !strings.Contains(err.Error(), "semaine") {
			t.Fatalf("span %d: want a window error, got %v", span, err)
		}
	}
}

// --decouper: the whole history in consecutive 5-week windows, one bundle
// each, every event in exactly one.
func TestSplitHistory(t *testing.T) {
	rep := convertWith(t, history(), converter.Options{Split: true})
	var u2 []string
	for _, b := range rep.Bundles {
		if b.Usager == "U2" {
			u2 = append(u2, b.From+"_"+b.To)
		}
	}
	// windows end on the newest day (14/04) and go back 35 days at a time;
	// U2's events span 09/02 … 13/04: two windows, the IG usager's one.
	if strings.Join(u2, " ") != "2023-02-04_2023-03-10 2023-03-11_2023-04-14" || len(rep.Bundles) != 3 {
		t.Fatalf("U2 windows %v, bundles %+v", u2, rep.Bundles)
	}
	if ev := outcomes(rep, "Événements"); ev[report.Converted] != 11 || ev[report.OutOfWindow] != 0 {
		t.Fatalf("every event in one bundle: %v", ev)
	}
}
