package converter_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// soffice finds LibreOffice. scripts/test.sh installs it (Debian's
// libreoffice-calc-nogui); without it this test fails rather than skip, so
// that CI cannot pass without checking what users actually do.
func soffice(t *testing.T) string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("LibreOffice absent : lancez scripts/test.sh, qui installe libreoffice-calc-nogui")
	return ""
}

// libreoffice runs a headless conversion with its own profile folder, so
// that parallel runs and a user's open LibreOffice do not interfere.
func libreoffice(t *testing.T, in, outDir, filter string) {
	t.Helper()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	cmd := exec.Command(soffice(t), "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", filter, "--outdir", outDir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

// Users fill templates in Excel or LibreOffice, not excelize: the sample
// re-saved by LibreOffice, as xlsx and as CSV files (every sheet, ';'),
// converts to the same bundle bytes.
func TestLibreOfficeResavedSample(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "classeur.xlsx")
	data, err := os.ReadFile(filepath.Join("..", "samples", "ssiad-exemple-ig.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, data, 0o644)
	_, want := convertOne(t, in)

	xlsxDir := filepath.Join(dir, "lo-xlsx")
	libreoffice(t, in, xlsxDir, "xlsx:Calc MS Excel 2007 XML")
	_, got := convertOne(t, filepath.Join(xlsxDir, "classeur.xlsx"))
	if string(got) != string(want) {
		t.Error("LibreOffice-saved xlsx gives a different bundle")
	}

	csvDir := filepath.Join(dir, "lo-csv")
	// 59 = ';', 34 = '"', 76 = UTF-8, 9th token true = cells as shown
	// (JJ/MM/AAAA, LibreOffice's default), -1 = every sheet in its own file
	libreoffice(t, in, csvDir, "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1")
	files, _ := filepath.Glob(filepath.Join(csvDir, "*.csv"))
	if len(files) < 5 {
		t.Fatalf("LibreOffice wrote %v", files)
	}
	_, got = convertOne(t, csvDir)
	if string(got) != string(want) {
		t.Error("LibreOffice-saved CSV files give a different bundle")
	}
}
