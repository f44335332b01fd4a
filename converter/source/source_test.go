package source

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func readAll(t *testing.T, src Source, sheet string) ([]string, []Row) {
	t.Helper()
	sh, err := src.Open(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	h, _, err := sh.Header()
	if err != nil {
		t.Fatal(err)
	}
	var rows []Row
	for {
		r, err := sh.Next()
		if err == io.EOF {
			return h, rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
}

func TestXLSXStreamsRawValuesWithRowNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Usagers")
	f.SetSheetRow("Usagers", "A1", &[]any{"Nom *", "Date de naissance"})
	f.SetSheetRow("Usagers", "A2", &[]any{"DUPONT", 17260}) // 1947-04-03 as a serial
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Usagers", "B2", "B2", style)
	f.SetSheetRow("Usagers", "A5", &[]any{"MARTIN", "x"}) // rows 3-4 empty
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	src, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	h, rows := readAll(t, src, "Usagers")
	if !reflect.DeepEqual(h, []string{"Nom *", "Date de naissance"}) {
		t.Fatalf("header %q", h)
	}
	if len(rows) != 2 || rows[0].Line != 2 || rows[1].Line != 5 {
		t.Fatalf("rows %+v", rows)
	}
	if rows[0].Cells[1] != "17260" {
		t.Fatalf("date cell must come raw, got %q", rows[0].Cells[1])
	}
}

func TestCSVDialects(t *testing.T) {
	want := [][]string{{"Nom", "Prénom"}, {"DUPONT", "Jérôme"}, {"L;A", "multi\nligne"}}
	cases := map[string][]byte{
		"comma-utf8":   []byte("Nom,Prénom\nDUPONT,Jérôme\n\"L;A\",\"multi\nligne\"\n"),
		"semicolon":    []byte("Nom;Prénom\r\nDUPONT;Jérôme\r\n\"L;A\";\"multi\nligne\"\r\n"),
		"bom":          append([]byte("\xEF\xBB\xBF"), []byte("Nom;Prénom\nDUPONT;Jérôme\n\"L;A\";\"multi\nligne\"\n")...),
		"windows-1252": mustCP1252(t, "Nom;Prénom\r\nDUPONT;Jérôme\r\n\"L;A\";\"multi\nligne\"\r\n"),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "usagers.csv"), data, 0o644); err != nil {
				t.Fatal(err)
			}
			src, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			h, rows := readAll(t, src, "usagers")
			got := [][]string{h}
			for _, r := range rows {
				got = append(got, r.Cells)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("got %q", got)
			}
			if rows[0].Line != 2 || rows[1].Line != 3 {
				t.Fatalf("lines %d %d", rows[0].Line, rows[1].Line)
			}
		})
	}
}

func TestCSVForcedEncoding(t *testing.T) {
	dir := t.TempDir()
	// "Ã©" is valid UTF-8 but means "é" in Windows-1252 read as UTF-8; forcing
	// windows-1252 must decode the bytes as they are.
	os.WriteFile(filepath.Join(dir, "s.csv"), mustCP1252(t, "a\nÃ©\n"), 0o644)
	src, _ := Open(dir, Options{Encoding: "windows-1252"})
	_, rows := readAll(t, src, "s")
	if rows[0].Cells[0] != "Ã©" {
		t.Fatalf("got %q", rows[0].Cells[0])
	}
	if _, err := (&csvSource{files: map[string]string{"s": filepath.Join(dir, "s.csv")}, opt: Options{Encoding: "ebcdic"}}).Open("s"); err == nil {
		t.Fatal("unknown encoding accepted")
	}
}

func TestOpenRejectsUnknownFormat(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.ods")
	os.WriteFile(p, []byte("x"), 0o644)
	if _, err := Open(p, Options{}); err == nil {
		t.Fatal("an .ods file must be refused with a message")
	}
}

func mustCP1252(t *testing.T, s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLibreOfficeSheetFileNames(t *testing.T) {
	cases := []struct {
		names []string
		want  string
	}{
		{[]string{"modele-ssiad-Usagers", "modele-ssiad-Séjours", "modele-ssiad-Lisez-moi"}, "modele-ssiad-"},
		{[]string{"usagers", "sejours"}, ""},
		{[]string{"classeur-Usagers"}, ""}, // one file: its name is the sheet's
		{[]string{"x-Usagers", "x-Structure"}, "x-"},
	}
	for _, c := range cases {
		if got := workbookPrefix(c.names); got != c.want {
			t.Errorf("%v: got %q want %q", c.names, got, c.want)
		}
	}
}
