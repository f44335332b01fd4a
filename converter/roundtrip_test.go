package converter_test

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/internal/fhirtest"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
	"github.com/tddui/tddui/templates/generate"
)

// A template written by the generator, in either language and either
// format, is read back by the reader: every sheet and header recognised.
func TestGeneratedTemplatesReadBack(t *testing.T) {
	for _, key := range templates.Keys() {
		tpl, _ := templates.Get(key)
		for _, lang := range []string{"fr", "en"} {
			dir := t.TempDir()
			xlsx := filepath.Join(dir, "modele.xlsx")
			if err := generate.WriteXLSX(tpl, xlsx, lang); err != nil {
				t.Fatal(err)
			}
			csvDir := filepath.Join(dir, "csv")
			if err := generate.WriteCSV(tpl, csvDir, lang); err != nil {
				t.Fatal(err)
			}
			for _, in := range []string{xlsx, csvDir} {
				rep, err := converter.Convert(converter.Options{Input: in, OutDir: filepath.Join(dir, "o"), Case: key})
				if err != nil {
					t.Fatalf("%s %s %s: %v", key, lang, in, err)
				}
				if len(rep.Issues) != 0 {
					t.Errorf("%s %s %s: an empty template must read back cleanly, got %+v", key, lang, filepath.Base(in), rep.Issues)
				}
				if len(rep.Sheets) != 1 || rep.Sheets[0].Read != 3 { // the three pre-filled settings
					t.Errorf("%s %s: want only the Paramètres rows, got %+v", key, lang, rep.Sheets)
				}
			}
		}
	}
}

// A Documents row embeds its file in base64 and the événement points to it
// through tddui-attachment; a missing file is an error at its cell.
func TestDocumentEmbedded(t *testing.T) {
	d := twoUsagers()
	pdf := []byte("%PDF-1.4 compte rendu de visite")
	d.Sheets[templates.SheetDocuments] = []samples.Row{{"ref": "D1", "usager": "U2", "identifiant": "EVN-E2-cr", "fichier": "docs/cr.pdf",
		"titre": "Compte rendu", "auteur_professionnel": "CM01"}}
	setCell(d, templates.SheetEvenements, "E2", "documents", "D1")
	dir := t.TempDir()
	in := filepath.Join(dir, "c.xlsx")
	if err := d.WriteXLSX(in); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "cr.pdf"), pdf, 0o644)
	out := filepath.Join(dir, "o")
	rep, err := converter.Convert(converter.Options{Input: in, OutDir: out})
	if err != nil || rep.Errors() != 0 {
		t.Fatalf("%v %+v", err, rep.Issues)
	}
	entries, _ := fhirtest.ReadBundle(filepath.Join(out, "ssiad-U2.json"))
	var docURL string
	for _, e := range entries {
		if e.Resource["resourceType"] == "DocumentReference" {
			docURL = e.FullURL
			att := e.Resource["content"].([]any)[0].(map[string]any)["attachment"].(map[string]any)
			if att["data"] != base64.StdEncoding.EncodeToString(pdf) || att["contentType"] != "application/pdf" || att["title"] != "Compte rendu" {
				t.Fatalf("attachment %v", att)
			}
			if mi := e.Resource["masterIdentifier"].(map[string]any)["value"]; mi != "3480787529/U2-EVN-E2-cr" {
				t.Fatalf("masterIdentifier %v", mi)
			}
		}
	}
	if docURL == "" || !attached(entries, docURL) {
		t.Fatalf("événement must reference the document %s", docURL)
	}
	os.Remove(filepath.Join(dir, "docs", "cr.pdf"))
	rep, _ = converter.Convert(converter.Options{Input: in, OutDir: out + "2"})
	if !hasIssue(rep, "Documents!D2", "fichier introuvable") {
		t.Fatalf("missing file not reported at Documents!D2: %+v", rep.Issues)
	}
}

// attached says whether an Encounter carries a tddui-attachment to url.
func attached(entries []fhirtest.Entry, url string) bool {
	for _, e := range entries {
		exts, _ := e.Resource["extension"].([]any)
		for _, x := range exts {
			m := x.(map[string]any)
			if ref, ok := m["valueReference"].(map[string]any); ok && strings.HasSuffix(m["url"].(string), "tddui-attachment") && ref["reference"] == url {
				return e.Resource["resourceType"] == "Encounter"
			}
		}
	}
	return false
}

func hasIssue(rep *report.Report, cell, msg string) bool {
	for _, is := range rep.Issues {
		if is.Cell == cell && strings.Contains(is.Message, msg) {
			return true
		}
	}
	return false
}

// --annoter: the copy has the bad cell filled and commented.
func TestAnnotatedWorkbook(t *testing.T) {
	d := twoUsagers()
	setCell(d, templates.SheetSejours, "S2", "date_entree", "31/02/2023")
	dir := t.TempDir()
	in := filepath.Join(dir, "c.xlsx")
	d.WriteXLSX(in)
	rep, err := converter.Convert(converter.Options{Input: in, OutDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	name, err := sinkAnnotate(in, dir, rep.Issues)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cell := strings.Split(cellOf(d, templates.SheetSejours, "date_entree", "S2"), "!")[1]
	comments, _ := f.GetComments("Séjours")
	found := false
	for _, c := range comments {
		if c.Cell == cell && strings.Contains(c.Text, "valeur invalide") && strings.Contains(c.Text, "JJ/MM/AAAA") {
			found = true
		}
	}
	style, _ := f.GetCellStyle("Séjours", cell)
	st, _ := f.GetStyle(style)
	if !found || st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
		t.Fatalf("cell %s not annotated: comments %+v, style %+v", cell, comments, st)
	}
}

// A cancelled événement carries its reason on _status as the IG's
// extension wants it (a CodeableConcept), and the bundle validates; a code
// outside the embedded (incomplete) list is a warning at its cell.
func TestCancelReason(t *testing.T) {
	d := twoUsagers()
	setCell(d, templates.SheetEvenements, "E2", "statut", "cancelled")
	setCell(d, templates.SheetEvenements, "E2", "motif_annulation", "ORG-999")
	rep, out := convertData(t, d)
	if !bundleFor(rep, "U2") || rep.Errors() != 0 {
		t.Fatalf("U2 must convert: %+v", rep.Issues)
	}
	if !hasIssue(rep, cellOf(d, templates.SheetEvenements, "motif_annulation", "E2"), "liste embarquée") {
		t.Fatalf("the unknown code must be a warning at its cell: %+v", rep.Issues)
	}
	entries, _ := fhirtest.ReadBundle(filepath.Join(out, "ssiad-U2.json"))
	for _, e := range entries {
		if e.Resource["status"] != "cancelled" {
			continue
		}
		ext := e.Resource["_status"].(map[string]any)["extension"].([]any)[0].(map[string]any)
		coding := ext["valueCodeableConcept"].(map[string]any)["coding"].([]any)[0].(map[string]any)
		if coding["code"] != "ORG-999" || coding["system"] != "https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cisis" {
			t.Fatalf("cancel reason %v", ext)
		}
		return
	}
	t.Fatal("no cancelled événement in U2's bundle")
}
