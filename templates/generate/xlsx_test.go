package generate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tddui/tddui/templates"
	"github.com/xuri/excelize/v2"
)

// Generating a workbook takes about a second (5000 formatted rows per date
// column), so each registered template is generated once per language and
// every test opens its own copy of the file.
var (
	cacheDir string
	cacheMu  sync.Mutex
	cached   = map[string]string{}
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "generate-test")
	if err != nil {
		panic(err)
	}
	cacheDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// openWorkbook generates the workbook of tpl and reopens it as a user's
// spreadsheet program would. Registered templates come from the cache.
func openWorkbook(t *testing.T, tpl *templates.Template, lang string) *excelize.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "modele.xlsx")
	if r, err := templates.Get(tpl.Key); err == nil && r == tpl {
		path = cachedWorkbook(t, tpl, lang)
	} else if err := WriteXLSX(tpl, path, lang); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cachedWorkbook(t *testing.T, tpl *templates.Template, lang string) string {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	key := tpl.Key + "-" + lang + ".xlsx"
	if p, ok := cached[key]; ok {
		return p
	}
	p := filepath.Join(cacheDir, key)
	if err := WriteXLSX(tpl, p, lang); err != nil {
		t.Fatal(err)
	}
	cached[key] = p
	return p
}

func cellName(t *testing.T, col, row int) string {
	t.Helper()
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestXLSXSheetOrder(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"fr", "en"} {
		f := openWorkbook(t, templates.SSIAD, lang)
		want := []string{ReadmeSheetName(lang)}
		for _, s := range templates.SSIAD.Sheets {
			want = append(want, sheetName(s, lang))
		}
		want = append(want, ListsSheetName(lang))
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("%s: sheets %q, want %q", lang, got, want)
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("%s: the workbook must open on the Read me sheet", lang)
		}
		if visible, err := f.GetSheetVisible(ListsSheetName(lang)); err != nil || visible {
			t.Errorf("%s: lists sheet visible=%v err=%v", lang, visible, err)
		}
	}
	if ReadmeSheetName("fr") != "Lisez-moi" || ReadmeSheetName("en") != "Read me" || ListsSheetName("fr") != "Listes" {
		t.Error("tab names of the generated sheets changed")
	}
}

func TestXLSXHeadersAndComments(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"fr", "en"} {
		f := openWorkbook(t, templates.SSIAD, lang)
		for _, s := range templates.SSIAD.Sheets {
			name := sheetName(s, lang)
			rows, err := f.GetRows(name)
			if err != nil || len(rows) == 0 {
				t.Fatalf("%s/%s: rows %v, %v", lang, name, rows, err)
			}
			comments := commentsByCell(t, f, name)
			for i, c := range s.Columns {
				if i >= len(rows[0]) || rows[0][i] != c.Header(lang) {
					t.Errorf("%s/%s: header %d = %q, want %q", lang, name, i+1, at(rows[0], i), c.Header(lang))
				}
				checkComment(t, comments[cellName(t, i+1, 1)], &c, lang)
			}
			if len(rows[0]) != len(s.Columns) {
				t.Errorf("%s/%s: %d headers, want %d", lang, name, len(rows[0]), len(s.Columns))
			}
		}
	}
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func commentsByCell(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	list, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range list {
		text := c.Text
		for _, r := range c.Paragraph {
			text += r.Text
		}
		out[c.Cell] = text
	}
	return out
}

// checkComment: the comment names the column and carries its facts.
func checkComment(t *testing.T, text string, c *templates.Column, lang string) {
	t.Helper()
	want := []string{c.Header(lang), kindName(c.Kind, lang), c.Help, c.Example}
	if c.Required {
		want = append(want, strings.ToLower(txtRequired.in(lang)))
	} else {
		want = append(want, strings.ToLower(txtOptional.in(lang)))
	}
	if vs := c.ValueSetData(); vs != nil {
		want = append(want, vs.Title)
	}
	switch c.Kind {
	case templates.Date:
		want = append(want, fmtDate.in(lang))
	case templates.DateTime:
		want = append(want, fmtDateTime.in(lang))
	}
	if c.Multi {
		want = append(want, templates.Separator)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: comment of %q lacks %q:\n%s", lang, c.Key, w, text)
		}
	}
}

func TestXLSXHeaderStyles(t *testing.T) {
	t.Parallel()
	f := openWorkbook(t, templates.SSIAD, "fr")
	s := templates.SSIAD.Sheet(templates.SheetUsagers)
	req, opt := styleOf(t, f, s.Name, "A1"), styleOf(t, f, s.Name, "B1") // ref *, structure
	if !s.Columns[0].Required || s.Columns[1].Required {
		t.Fatal("test assumes Usagers: required first column, optional second")
	}
	if req.Font == nil || !req.Font.Bold || opt.Font == nil || !opt.Font.Bold {
		t.Error("headers must be bold")
	}
	if !slices.Contains(req.Fill.Color, requiredFill) {
		t.Errorf("required header fill %v, want %s", req.Fill.Color, requiredFill)
	}
	if len(opt.Fill.Color) != 0 {
		t.Errorf("optional header is filled: %v", opt.Fill.Color)
	}
}

func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestXLSXPanesAndWidths(t *testing.T) {
	t.Parallel()
	f := openWorkbook(t, templates.SSIAD, "fr")
	for _, s := range templates.SSIAD.Sheets {
		p, err := f.GetPanes(s.Name)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, %v: want the header row frozen", s.Name, p, err)
		}
		for i, c := range s.Columns {
			col, _ := excelize.ColumnNumberToName(i + 1)
			w, err := f.GetColWidth(s.Name, col)
			if err != nil || w < 12 || w > 45 || w < float64(min(len([]rune(c.Header("fr")))+2, 45)) {
				t.Errorf("%s/%s: width %v, %v", s.Name, c.Key, w, err)
			}
		}
	}
}

// Date columns carry their format as a column style (every row, the last
// data row and beyond alike); text cells keep leading zeros (format @, on
// every row); numbers stay general.
func TestXLSXCellFormats(t *testing.T) {
	t.Parallel()
	f := openWorkbook(t, templates.SSIAD, "fr")
	checked := map[templates.Kind]bool{}
	for _, s := range templates.SSIAD.Sheets {
		for i, c := range s.Columns {
			for _, row := range []int{2, DataRows, DataRows + 1} {
				st := styleOf(t, f, s.Name, cellName(t, i+1, row))
				fmtStr := ""
				if st.CustomNumFmt != nil {
					fmtStr = *st.CustomNumFmt
				}
				ok := true
				switch c.Kind {
				case templates.Date:
					ok = fmtStr == "dd/mm/yyyy"
				case templates.DateTime:
					ok = fmtStr == "dd/mm/yyyy hh:mm"
				case templates.Text, templates.Code, templates.Ref:
					ok = st.NumFmt == 49 // "@"
				case templates.Integer, templates.Decimal:
					ok = fmtStr == "" && st.NumFmt == 0
				}
				if !ok {
					t.Errorf("%s/%s row %d: numFmt %d %q for kind %s", s.Name, c.Key, row, st.NumFmt, fmtStr, c.Kind)
				}
				checked[c.Kind] = true
			}
		}
	}
	if !checked[templates.Date] || !checked[templates.DateTime] {
		t.Fatal("SSIAD has date and date-time columns; none checked")
	}
}

func TestXLSXDropdowns(t *testing.T) {
	t.Parallel()
	f := openWorkbook(t, templates.SSIAD, "fr")
	sawEventType := false
	for _, s := range templates.SSIAD.Sheets {
		dvs := validationsByColumn(t, f, s.Name)
		for i, c := range s.Columns {
			col, _ := excelize.ColumnNumberToName(i + 1)
			dv := dvs[col]
			vs := c.ValueSetData()
			if vs == nil || len(vs.Concepts) == 0 {
				if dv != nil {
					t.Errorf("%s/%s: validation without a list", s.Name, c.Key)
				}
				continue
			}
			if dv == nil {
				t.Errorf("%s/%s: coded column without dropdown", s.Name, c.Key)
				continue
			}
			if want := fmt2(col, DataRows); dv.Sqref != want {
				t.Errorf("%s/%s: validation on %s, want %s", s.Name, c.Key, dv.Sqref, want)
			}
			entries := listEntries(t, f, dv.Formula1)
			for _, concept := range vs.Concepts {
				if !slices.Contains(entries, ListEntry(concept)) {
					t.Errorf("%s/%s: list lacks %q", s.Name, c.Key, ListEntry(concept))
				}
			}
			if len(entries) != len(vs.Concepts) {
				t.Errorf("%s/%s: %d entries, %d codes", s.Name, c.Key, len(entries), len(vs.Concepts))
			}
			checkErrorStyle(t, dv, &c, vs.Partial)
			if c.Key == "type_ssiad" {
				sawEventType = slices.Contains(entries, "MED-1298 - Intervention d'un infirmer salarié")
			}
		}
	}
	if !sawEventType {
		t.Error("event-type dropdown lacks MED-1298")
	}
}

func fmt2(col string, last int) string {
	c, _ := excelize.CoordinatesToCellName(1, last)
	return col + "2:" + col + strings.TrimPrefix(c, "A")
}

func validationsByColumn(t *testing.T, f *excelize.File, sheet string) map[string]*excelize.DataValidation {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		col, _, err := excelize.SplitCellName(strings.Split(dv.Sqref, ":")[0])
		if err != nil {
			t.Fatal(err)
		}
		out[col] = dv
	}
	return out
}

// listEntries reads the cells a list validation points at; the reference
// must be to the lists sheet, never an inline list.
func listEntries(t *testing.T, f *excelize.File, formula string) []string {
	t.Helper()
	sheet, rng, ok := strings.Cut(formula, "!")
	if !ok || strings.Trim(sheet, "'") != ListsSheetName("fr") {
		t.Fatalf("validation %q does not point at the lists sheet", formula)
	}
	from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || c1 != c2 || r1 != 2 {
		t.Fatalf("bad list range %q", formula)
	}
	var out []string
	for r := r1; r <= r2; r++ {
		v, err := f.GetCellValue(ListsSheetName("fr"), cellName(t, c1, r))
		if err != nil || v == "" {
			t.Fatalf("list cell %d,%d: %q %v", c1, r, v, err)
		}
		out = append(out, v)
	}
	return out
}

func checkErrorStyle(t *testing.T, dv *excelize.DataValidation, c *templates.Column, partial bool) {
	t.Helper()
	style := ""
	if dv.ErrorStyle != nil {
		style = *dv.ErrorStyle
	}
	want := "stop"
	switch {
	case c.Multi:
		want = "information"
	case partial:
		want = "warning"
	}
	if style != want || !dv.ShowErrorMessage {
		t.Errorf("%s: error style %q (shown %v), want %q", c.Key, style, dv.ShowErrorMessage, want)
	}
}

func TestXLSXParametresPrefilled(t *testing.T) {
	t.Parallel()
	f := openWorkbook(t, templates.SSIAD, "en")
	rows, err := f.GetRows(sheetName(templates.SSIAD.Sheet(templates.SheetParametres), "en"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Setting *", "Value *"},
		{templates.ParamTestData, "non"},
		{templates.ParamCleUsager, "local"},
		{templates.ParamCas, "ssiad"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %q, want %q", rows, want)
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, rows[i], want[i])
		}
	}
}

func TestXLSXReadme(t *testing.T) {
	t.Parallel()
	for lang, words := range map[string][]string{
		"fr": {"JJ/MM/AAAA HH:MM", "« | »", "première colonne", "MME - Madame", "Prérempli : ssiad"},
		"en": {"DD/MM/YYYY HH:MM", "\"|\"", "first column", "MME - Madame", "Pre-filled: ssiad"},
	} {
		f := openWorkbook(t, templates.SSIAD, lang)
		rows, err := f.GetRows(ReadmeSheetName(lang))
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		cells := map[string]bool{}
		for _, r := range rows {
			for _, c := range r {
				all.WriteString(c + "\n")
				cells[c] = true
			}
		}
		text := all.String()
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("%s: read me lacks %q", lang, w)
			}
		}
		if strings.Contains(text, "{") || strings.Contains(text, "%!") {
			t.Errorf("%s: unfilled placeholder in read me", lang)
		}
		for _, s := range templates.SSIAD.Sheets {
			if !cells[sheetTitle(s, lang)] {
				t.Errorf("%s: no section for sheet %s", lang, s.Key)
			}
			for _, c := range s.Columns {
				if !cells[c.Header(lang)] || (c.Target != "" && !cells[c.Target]) {
					t.Errorf("%s: read me lacks column %s/%s", lang, s.Key, c.Key)
				}
			}
		}
	}
}

func sheetTitle(s *templates.Sheet, lang string) string {
	return strings.Replace(txtSheet.in(lang), "%s", sheetName(s, lang), 1)
}

// A template defined later (here a made-up one) needs no code: its coded
// columns get dropdowns, a list we only know in part only warns, a list
// with no known code gets none, and no Paramètres sheet means no settings.
func TestXLSXAnyTemplate(t *testing.T) {
	t.Parallel()
	ev := templates.SSIAD.Sheet(templates.SheetEvenements)
	tpl := &templates.Template{Key: "essai", Title: "Essai", Sheets: []*templates.Sheet{{
		Key: "visites", Name: "Visites", NameEN: "Visits",
		Columns: []templates.Column{
			{Key: "ref", Label: "Référence", LabelEN: "Key", Kind: templates.Text, Required: true},
			*ev.Column("ressource_type"), *ev.Column("type_serafin"), *ev.Column("debut"),
		},
	}}}
	f := openWorkbook(t, tpl, "fr")
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Lisez-moi", "Visites", "Listes"}) {
		t.Fatalf("sheets %q", got)
	}
	dvs := validationsByColumn(t, f, "Visites")
	if len(dvs) != 1 || dvs["B"] == nil || *dvs["B"].ErrorStyle != "warning" {
		t.Fatalf("want one warning dropdown on B, got %v", dvs)
	}
	if st := styleOf(t, f, "Visites", "D2"); st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy hh:mm" {
		t.Error("date-time format missing")
	}
}

// The output appears whole or not at all: no temp file left behind, an
// existing file replaced, nothing created when the folder is missing.
func TestXLSXAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "modele.xlsx")
	if err := os.WriteFile(path, []byte("ancien"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(templates.SSIAD, path, "fr"); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "modele.xlsx" {
		t.Errorf("folder holds %v, want only modele.xlsx", entries)
	}
	if f, err := excelize.OpenFile(path); err != nil {
		t.Errorf("replaced file unreadable: %v", err)
	} else {
		f.Close()
	}
	missing := filepath.Join(dir, "absent", "modele.xlsx")
	if err := WriteXLSX(templates.SSIAD, missing, "fr"); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing folder: err %v, want one naming %s", err, missing)
	}
}

// Every registered template (pp and any later one) generates, with one tab
// per sheet and a dropdown on every coded column that has known codes.
func TestEveryTemplate(t *testing.T) {
	t.Parallel()
	for _, key := range templates.Keys() {
		tpl, err := templates.Get(key)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"fr", "en"} {
			f := openWorkbook(t, tpl, lang)
			if got := len(f.GetSheetList()); got != len(tpl.Sheets)+2 {
				t.Errorf("%s/%s: %d tabs for %d sheets", key, lang, got, len(tpl.Sheets))
			}
			for _, s := range tpl.Sheets {
				dvs := validationsByColumn(t, f, sheetName(s, lang))
				for i, c := range s.Columns {
					col, _ := excelize.ColumnNumberToName(i + 1)
					vs := c.ValueSetData()
					if coded := vs != nil && len(vs.Concepts) > 0; coded != (dvs[col] != nil) {
						t.Errorf("%s/%s/%s: coded %v, dropdown %v", key, s.Key, c.Key, coded, dvs[col] != nil)
					}
				}
			}
			if err := WriteCSV(tpl, t.TempDir(), lang); err != nil {
				t.Error(err)
			}
		}
	}
}
