package generate

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tddui/tddui/templates"
)

func TestCSV(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"fr", "en"} {
		dir := filepath.Join(t.TempDir(), "modele") // created by WriteCSV
		if err := WriteCSV(templates.SSIAD, dir, lang); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, s := range templates.SSIAD.Sheets {
			want = append(want, s.Key+".csv")
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		slices.Sort(want)
		if !slices.Equal(got, want) { // no Lisez-moi, no Listes, no temp file
			t.Fatalf("%s: files %q, want %q", lang, got, want)
		}
		for _, s := range templates.SSIAD.Sheets {
			checkCSV(t, filepath.Join(dir, s.Key+".csv"), s, lang)
		}
	}
}

func checkCSV(t *testing.T, path string, s *templates.Sheet, lang string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if !ok {
		t.Errorf("%s: no UTF-8 BOM", path)
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	var header []string
	for _, c := range s.Columns {
		header = append(header, c.Header(lang))
	}
	want := [][]string{header}
	if s.Key == templates.SheetParametres {
		want = append(want, []string{templates.ParamTestData, "non"},
			[]string{templates.ParamCleUsager, "local"}, []string{templates.ParamCas, "ssiad"})
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("%s: rows %q, want %q", path, rows, want)
	}
}

// headers must be the template's own, with the required mark, per language.
func TestCSVHeadersLanguage(t *testing.T) {
	t.Parallel()
	s := templates.SSIAD.Sheet(templates.SheetEvenements)
	fr, en := headers(s, "fr"), headers(s, "en")
	if fr[0] != "N° d'événement *" || en[0] != "Event number *" || fr[2] != "Séjour" {
		t.Errorf("headers fr %q en %q", fr[:3], en[:3])
	}
}
