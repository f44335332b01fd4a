package converter_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// twoUsagers is the IG sample plus a second, independent usager (U2) with
// its own séjour and événement: bad input is planted in U2's rows, and the
// IG usager must still convert.
func twoUsagers() samples.Data {
	d := samples.SSIADExempleIG.Clone()
	add := func(sheet string, r samples.Row) { d.Sheets[sheet] = append(d.Sheets[sheet], r) }
	add(templates.SheetUsagers, samples.Row{"ref": "U2", "nom_naissance": "MARTIN", "premier_prenom": "Louise", "sexe": "female",
		"date_naissance": "12/05/1938", "rang_naissance": 2})
	add(templates.SheetSejours, samples.Row{"ref": "S2", "usager": "U2", "statut": "in-progress", "date_entree": "01/04/2023"})
	add(templates.SheetEvenements, samples.Row{"ref": "E2", "usager": "U2", "sejour": "S2", "statut": "planned",
		"debut": "13/04/2023 09:00", "fin": "13/04/2023 09:30", "type_ssiad": "MED-1296", "professionnels": "CM01"})
	return d
}

// rowOf finds the row (1-based, header = 1) of the row with this key.
func rowOf(d samples.Data, sheet, key string) int {
	for i, r := range d.Sheets[sheet] {
		if r["ref"] == key {
			return i + 2
		}
	}
	return -1
}

// cellOf is the Sheet!A1 name of a column of a row.
func cellOf(d samples.Data, sheet, col, key string) string {
	sh := d.Template.Sheet(sheet)
	for i, c := range sh.Columns {
		if c.Key == col {
			name, _ := excelize.CoordinatesToCellName(i+1, rowOf(d, sheet, key))
			return sh.Name + "!" + name
		}
	}
	return "?"
}

func setCell(d samples.Data, sheet, key, col string, v any) {
	for _, r := range d.Sheets[sheet] {
		if r["ref"] == key {
			if v == nil {
				delete(r, col)
			} else {
				r[col] = v
			}
		}
	}
}

func convertData(t *testing.T, d samples.Data) (*report.Report, string) {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "classeur.xlsx")
	if err := d.WriteXLSX(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "sortie")
	rep, err := converter.Convert(converter.Options{Input: in, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	return rep, out
}

func bundleFor(rep *report.Report, usager string) bool {
	for _, b := range rep.Bundles {
		if b.Usager == usager {
			return true
		}
	}
	return false
}

func TestTwoUsagersConvert(t *testing.T) {
	rep, out := convertData(t, twoUsagers())
	if rep.Errors() != 0 || !bundleFor(rep, "194704032") || !bundleFor(rep, "U2") {
		t.Fatalf("both usagers must convert: %+v %+v", rep.Bundles, rep.Issues)
	}
	b, _ := os.ReadFile(filepath.Join(out, "ssiad-U2.json"))
	if strings.Contains(string(b), "194704032") || strings.Contains(string(b), "147720425367411") {
		t.Fatal("U2's bundle must not carry the other usager's data")
	}
}

// Every class of bad input is reported at its cell; U2's bundle is not
// written, its other rows are counted as not sent, the IG usager converts.
func TestBadInputRejectsOnlyThatUsager(t *testing.T) {
	cases := []struct {
		name            string
		sheet, key, col string
		value           any // nil: empty the cell
		wantMsg         string
		wantCell        func(d samples.Data) string
	}{
		{"wrong date", templates.SheetSejours, "S2", "date_entree", "31/02/2023", "valeur invalide", nil},
		{"unknown code", templates.SheetEvenements, "E2", "type_ssiad", "MED-9999", "valeur invalide", nil},
		{"missing required cell", templates.SheetSejours, "S2", "statut", nil, "cellule obligatoire vide", nil},
		{"missing official name", templates.SheetUsagers, "U2", "nom_naissance", nil, "cellule obligatoire vide", nil},
		{"reference to a missing row", templates.SheetEvenements, "E2", "sejour", "S404", "référence à une ligne absente", nil},
		{"NIR too short", templates.SheetUsagers, "U2", "ins", "1380575", "matricule INS invalide", nil},
		{"NIR bad key", templates.SheetUsagers, "U2", "ins", "238057512345678", "clé de contrôle incorrecte", nil},
		{"no birth rank without INS", templates.SheetUsagers, "U2", "rang_naissance", nil, "rang de naissance est obligatoire", nil},
		{"end before start", templates.SheetEvenements, "E2", "fin", "13/04/2023 08:00", "la fin précède le début", nil},
		{"material detail without ORG-206", templates.SheetEvenements, "E2", "materiel_detail", "ORG-208", "détail sans type de ressource", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := twoUsagers()
			setCell(d, c.sheet, c.key, c.col, c.value)
			if c.name == "NIR bad key" {
				realIdentities(d)
			}
			rep, _ := convertData(t, d)
			want := cellOf(d, c.sheet, c.col, c.key)
			found := false
			for _, is := range rep.Issues {
				if is.Cell == want && is.Severity == report.Error && strings.Contains(is.Message+is.Expected, c.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Fatalf("want an error %q at %s, got %+v", c.wantMsg, want, rep.Issues)
			}
			if bundleFor(rep, "U2") || !bundleFor(rep, "194704032") {
				t.Fatalf("only U2 must be rejected: %+v", rep.Bundles)
			}
			if rep.Rejected() < 2 {
				t.Fatalf("the bad row and U2's other rows must be counted: %+v", rep.Sheets)
			}
		})
	}
}

// A key used twice: the second row is rejected and names the first.
func TestDuplicateKey(t *testing.T) {
	d := twoUsagers()
	d.Sheets[templates.SheetEvenements] = append(d.Sheets[templates.SheetEvenements], samples.Row{"ref": "E2", "usager": "U2",
		"statut": "planned", "debut": "14/04/2023 09:00", "fin": "14/04/2023 09:30"})
	rep, _ := convertData(t, d)
	want := templates.SSIAD.Sheet(templates.SheetEvenements).Name + "!A4"
	for _, is := range rep.Issues {
		if is.Cell == want && strings.Contains(is.Message, "clé déjà utilisée ligne 3") {
			if bundleFor(rep, "U2") {
				t.Fatal("U2 must not be sent with a duplicate row")
			}
			return
		}
	}
	t.Fatalf("duplicate key not reported at %s: %+v", want, rep.Issues)
}

// A FINESS of the wrong shape is on a row every usager needs: nobody is sent.
func TestBadFINESSRejectsEveryone(t *testing.T) {
	d := twoUsagers()
	d.Sheets[templates.SheetStructure][0]["finess"] = "48078752"
	rep, _ := convertData(t, d)
	if len(rep.Bundles) != 0 {
		t.Fatalf("no bundle may be written: %+v", rep.Bundles)
	}
	for _, is := range rep.Issues {
		if is.Cell == "Structure!A2" && strings.Contains(is.Message, "FINESS invalide") {
			return
		}
	}
	t.Fatalf("FINESS error not at Structure!A2: %+v", rep.Issues)
}

// Test identities: a wrong INS key is a warning only for test data.
func TestTestDataTurnsKeyErrorsIntoWarnings(t *testing.T) {
	d := twoUsagers()
	setCell(d, templates.SheetUsagers, "U2", "ins", "238057512345678")
	rep, _ := convertData(t, d) // the sample is marked as test data
	if !bundleFor(rep, "U2") {
		t.Fatalf("test data: U2 must convert, issues %+v", rep.Issues)
	}
	for _, is := range rep.Issues {
		if is.Cell == cellOf(d, templates.SheetUsagers, "ins", "U2") && is.Severity == report.Warning {
			return
		}
	}
	t.Fatal("the key error must stay visible as a warning")
}

// realIdentities unmarks the workbook as test data and gives the IG
// usager a NIR with a valid key (the IG's own fails it).
func realIdentities(d samples.Data) {
	d.Sheets[templates.SheetParametres][0]["valeur"] = "non"
	setCell(d, templates.SheetUsagers, "194704032", "ins", "255081416802538")
}

// Corsica: 2A/2B NIR with their key (19/18 rule) are valid.
func TestCorsicaNIR(t *testing.T) {
	d := twoUsagers()
	realIdentities(d)
	setCell(d, templates.SheetUsagers, "194704032", "ins", "185022A01234531")
	rep, _ := convertData(t, d)
	if rep.Errors() != 0 || len(rep.Bundles) != 2 {
		t.Fatalf("a valid Corsican NIR must pass: %+v", rep.Issues)
	}
}

// --strict: one error and nothing is written.
func TestStrict(t *testing.T) {
	d := twoUsagers()
	setCell(d, templates.SheetSejours, "S2", "date_entree", "pas une date")
	dir := t.TempDir()
	in := filepath.Join(dir, "c.xlsx")
	if err := d.WriteXLSX(in); err != nil {
		t.Fatal(err)
	}
	rep, err := converter.Convert(converter.Options{Input: in, OutDir: filepath.Join(dir, "o"), Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Bundles) != 0 {
		t.Fatalf("--strict wrote %v", rep.Bundles)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "o", "ssiad-*.json"))
	if len(files) != 0 {
		t.Fatalf("--strict left files %v", files)
	}
}

// A NIR typed with spaces, as it is printed on a carte Vitale, is read
// without them.
func TestSpacedNIR(t *testing.T) {
	d := twoUsagers()
	realIdentities(d)
	setCell(d, templates.SheetUsagers, "U2", "ins", "2 38 05 75 123 456 95")
	rep, out := convertData(t, d)
	if rep.Errors() != 0 || !bundleFor(rep, "U2") {
		t.Fatalf("%+v", rep.Issues)
	}
	b, _ := os.ReadFile(filepath.Join(out, "ssiad-U2.json"))
	if !strings.Contains(string(b), `"value":"238057512345695"`) {
		t.Fatal("the INS must be sent without its spaces")
	}
}

// Two usagers with the same INS: the second is rejected at its cell.
func TestDuplicateINS(t *testing.T) {
	d := twoUsagers()
	setCell(d, templates.SheetUsagers, "U2", "ins", "147720425367411")
	rep, _ := convertData(t, d)
	if !hasIssue(rep, cellOf(d, templates.SheetUsagers, "ins", "U2"), "INS déjà donné à l'usager 194704032") {
		t.Fatalf("%+v", rep.Issues)
	}
	if bundleFor(rep, "U2") || !bundleFor(rep, "194704032") {
		t.Fatalf("only U2 is rejected: %+v", rep.Bundles)
	}
}
