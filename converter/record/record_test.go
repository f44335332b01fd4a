package record

import (
	"io"
	"strings"
	"testing"

	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/source"
	"github.com/tddui/tddui/templates"
)

type named struct{ file, name string }

func (n named) Name() string                   { return n.name }
func (n named) File() string                   { return n.file }
func (n named) Header() ([]string, int, error) { return nil, 0, io.EOF }
func (n named) Next() (source.Row, error)      { return source.Row{}, io.EOF }
func (n named) Close() error                   { return nil }

// typer types rows of the SSIAD Événements sheet whose header is the
// given labels, in that order.
func typer(t *testing.T, labels ...string) (*Typer, *report.Report) {
	t.Helper()
	sh := templates.SSIAD.Sheet(templates.SheetEvenements)
	rep := &report.Report{}
	return NewTyper(sh, named{"evenements.csv", "Événements"}, labels, 1, rep), rep
}

// The packed cells give back every column's value, multi-valued ones
// included, and nothing for columns left empty; the raw row is not kept.
func TestPackedCells(t *testing.T) {
	ty, rep := typer(t, "Début", "N° d'événement", "Usager", "Statut", "Fin", "Commentaire",
		"Type d'événement SSIAD", "Libellé", "Usager présent")
	long := strings.Repeat("é", 200) // a length over one varint byte
	cells := []string{"14/04/2023 10:30", " 12548 ", "194704032", "finished", "14/04/2023 11:15",
		"premier | second", "", long, "oui"}
	r := ty.Record(source.Row{File: "evenements.csv", Sheet: "Événements", Line: 7, Cells: cells})
	if rep.Errors() > 0 {
		t.Fatalf("unexpected errors: %+v", rep.Issues)
	}
	cells[1] = "changed" // the record must not share the source row's memory
	checks := map[string]string{
		"ref": "12548", "usager": "194704032", "statut": "finished", "libelle": long,
		"type_ssiad": "", "locaux": "", "debut": "2023-04-14T10:30:00+02:00",
	}
	for k, want := range checks {
		got := r.Str(k)
		if k == "debut" {
			got = r.Date(k)
		}
		if got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if r.Key != "12548" {
		t.Errorf("Key = %q", r.Key)
	}
	if got := r.Strs("commentaire"); len(got) != 2 || got[0] != "premier" || got[1] != "second" {
		t.Errorf("commentaire = %q", got)
	}
	if r.Len("commentaire") != 2 || r.Len("locaux") != 0 || r.Len("ref") != 1 || r.Has("locaux") || !r.Has("ref") {
		t.Errorf("Len/Has: commentaire %d, locaux %d, ref %d", r.Len("commentaire"), r.Len("locaux"), r.Len("ref"))
	}
	if b, ok := r.Bool("usager_present"); !ok || !b {
		t.Errorf("usager_present = %v, %v", b, ok)
	}
	if c, ok := r.Code("classe"); !ok || c.Code != "HH" { // the column's default
		t.Errorf("classe = %+v, %v", c, ok)
	}
	if got := r.Cell("libelle"); got != "Événements!H7" {
		t.Errorf("Cell(libelle) = %q", got)
	}
	if got := r.Cell("locaux"); got != "Événements!7" { // column absent from the file
		t.Errorf("Cell(locaux) = %q", got)
	}
}

// A required cell left empty is reported at its cell and marks the row.
func TestRequiredEmpty(t *testing.T) {
	ty, rep := typer(t, "N° d'événement", "Usager", "Statut", "Début", "Fin")
	r := ty.Record(source.Row{Line: 3, Cells: []string{"1", "2", "", "14/04/2023 10:30", "14/04/2023 11:15"}})
	if !r.Bad || rep.Errors() != 1 || rep.Issues[0].Cell != "Événements!C3" {
		t.Fatalf("Bad=%v issues=%+v", r.Bad, rep.Issues)
	}
}

// Links keep column order whatever the order they are added in, and a
// column's targets keep the order they were added in.
func TestLinks(t *testing.T) {
	ty, _ := typer(t, "N° d'événement")
	rec := func(key string) *Record {
		return ty.Record(source.Row{Line: 2, Cells: []string{key}})
	}
	r, u, s, p1, p2, p3 := rec("e"), rec("u"), rec("s"), rec("p1"), rec("p2"), rec("p3")
	r.AddLink("professionnels", p1)
	r.AddLink("usager", u)
	r.AddLink("professionnels", p2, p3)
	r.AddLink("sejour", s)
	var got []string
	r.EachLink(func(key string, to []*Record) {
		var ks []string
		for _, t := range to {
			ks = append(ks, t.Key)
		}
		got = append(got, key+"="+strings.Join(ks, ","))
	})
	if want := "usager=u sejour=s professionnels=p1,p2,p3"; strings.Join(got, " ") != want {
		t.Fatalf("EachLink: %q, want %q", strings.Join(got, " "), want)
	}
	if l := r.Link("sejour"); l != s {
		t.Fatalf("Link(sejour) = %v", l)
	}
	if l := r.LinksOf("lieu"); l != nil {
		t.Fatalf("LinksOf(lieu) = %v", l)
	}
	ps := r.LinksOf("professionnels")
	_ = append(ps, u) // a caller's append must not overwrite the record's links
	if r.Link("usager") != u || len(r.LinksOf("professionnels")) != 3 {
		t.Fatal("append to LinksOf changed the record")
	}
}

// Every accepted way of typing a date or date-time, and what is refused.
func TestParseDate(t *testing.T) {
	sh := templates.SSIAD.Sheet(templates.SheetEvenements)
	dt := sh.Column("debut")
	d := *dt
	d.Kind = templates.Date
	cases := []struct {
		col  *templates.Column
		in   string
		want string // FHIR form, or "" when refused
	}{
		{&d, "14/04/2023", "2023-04-14"},
		{&d, "4/1/2023", "2023-01-04"},
		{&d, "2023-04-14", "2023-04-14"},
		{&d, "45030", "2023-04-14"},
		{&d, "14/04/2023 10:30", ""}, // a date column takes no time
		{dt, "14/04/2023 10:30", "2023-04-14T10:30:00+02:00"},
		{dt, "14/04/2023 10:30:15", "2023-04-14T10:30:15+02:00"},
		{dt, "4/1/2023 10:30", "2023-01-04T10:30:00+01:00"},
		{dt, "2023-04-14 10:30", "2023-04-14T10:30:00+02:00"},
		{dt, "2023-04-14 10:30:15", "2023-04-14T10:30:15+02:00"},
		{dt, "2023-04-14T10:30", "2023-04-14T10:30:00+02:00"},
		{dt, "2023-04-14T10:30:15", "2023-04-14T10:30:15+02:00"},
		{dt, "2023-04-14T08:30:00Z", "2023-04-14T10:30:00+02:00"},
		{dt, "2023-04-14T10:30:00+02:00", "2023-04-14T10:30:00+02:00"},
		{dt, "45030.4375", "2023-04-14T10:30:00+02:00"},
		{dt, "14/04/2023", "2023-04-14"},
		{dt, "31/02/2023", ""},
		{dt, "hier", ""},
		{dt, "2023-04-14T25:00", ""},
	}
	for _, c := range cases {
		v, expected := parseDate(c.col, c.in)
		got := ""
		if expected == "" {
			got = v.FHIRDate()
		}
		if got != c.want {
			t.Errorf("%s %q: %q (%s), want %q", c.col.Kind, c.in, got, expected, c.want)
		}
	}
}

// Dates are kept compactly and read back as they were typed, before 1970
// and across a change of summer time alike; Str of a date is its FHIR form.
func TestKeptDates(t *testing.T) {
	sh := templates.SSIAD.Sheet(templates.SheetUsagers)
	ty := NewTyper(sh, named{"usagers.csv", "Usagers"}, []string{"Date de naissance"}, 1, &report.Report{})
	for in, want := range map[string]string{"03/04/1947": "1947-04-03", "31/12/1899": "1899-12-31", "26/03/2023": "2023-03-26"} {
		r := ty.Record(source.Row{Line: 2, Cells: []string{in}})
		if got := r.Date("date_naissance"); got != want {
			t.Errorf("%s: Date %q, want %q", in, got, want)
		}
		if got := r.Str("date_naissance"); got != want {
			t.Errorf("%s: Str %q, want %q", in, got, want)
		}
		if tm, ok := r.Time("date_naissance"); !ok || tm.Format("2006-01-02 15:04") != want+" 00:00" || tm.Location() != Paris {
			t.Errorf("%s: Time %v", in, tm)
		}
	}
	ev, _ := typer(t, "Début")
	for in, want := range map[string]string{
		"26/03/2023 01:59": "2023-03-26T01:59:00+01:00", "26/03/2023 03:00": "2023-03-26T03:00:00+02:00",
		"2023-10-29T02:30:00+02:00": "2023-10-29T02:30:00+02:00", "2023-10-29T02:30:00+01:00": "2023-10-29T02:30:00+01:00",
	} {
		r := ev.Record(source.Row{Line: 2, Cells: []string{in}})
		if got := r.Date("debut"); got != want {
			t.Errorf("%s: Date %q, want %q", in, got, want)
		}
	}
}
