package converter_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/internal/fhirtest"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// evalWorkbook writes the evaluations sample with its evaluation sheets
// replaced by the given rows (other sheets as in the sample) and returns
// the workbook's path.
func evalWorkbook(t *testing.T, rows map[string][]samples.Row) string {
	t.Helper()
	d := samples.Data{Template: templates.SSIAD, Sheets: map[string][]samples.Row{}}
	for k, v := range samples.SSIADEvaluationsExempleIG.Sheets {
		if templates.SSIAD.Sheet(k).Questionnaire == "" {
			d.Sheets[k] = v
		}
	}
	for k, v := range rows {
		d.Sheets[k] = v
	}
	path := filepath.Join(t.TempDir(), "classeur.xlsx")
	if err := d.WriteXLSX(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// evalRow is an evaluation of Jean Dupont (usager 194704032) plus cells.
func evalRow(cells samples.Row) samples.Row {
	r := samples.Row{"ref": "E1", "usager": "194704032", "statut": "APPROUVE - Approuvé", "date": "06/04/2023"}
	for k, v := range cells {
		r[k] = v
	}
	return r
}

// evalCell names the cell of a column on a line, as the report does.
func evalCell(t *testing.T, sheet, col string, line int) string {
	t.Helper()
	s := templates.SSIAD.Sheet(sheet)
	for i, c := range s.Columns {
		if c.Key == col {
			name, _ := excelize.CoordinatesToCellName(i+1, line)
			return s.Name + "!" + name
		}
	}
	t.Fatalf("%s has no column %s", sheet, col)
	return ""
}

func convertEval(t *testing.T, input string) (*report.Report, string) {
	t.Helper()
	out := t.TempDir()
	rep, err := converter.Convert(converter.Options{Input: input, OutDir: out, RequestURL: bundle.ByProfile})
	if err != nil {
		t.Fatal(err)
	}
	return rep, out
}

// evalIssuesAt are the issues of a severity reported at a cell.
func evalIssuesAt(rep *report.Report, sev report.Severity, cell string) []report.Issue {
	var out []report.Issue
	for _, i := range rep.Issues {
		if i.Severity == sev && i.Cell == cell {
			out = append(out, i)
		}
	}
	return out
}

// evalBundle is the normalised bundle of a usager, nil if none written.
func evalBundle(t *testing.T, rep *report.Report, out, usager string) map[string]any {
	t.Helper()
	for _, b := range rep.Bundles {
		if b.Usager == usager {
			entries, err := fhirtest.ReadBundle(filepath.Join(out, b.File))
			if err != nil {
				t.Fatal(err)
			}
			norm, err := fhirtest.Normalize(entries)
			if err != nil {
				t.Fatal(err)
			}
			return norm
		}
	}
	return nil
}

// Each answer problem is one error, at the cell of its item's column, in
// the grid's terms; the row is rejected and its usager's bundle not
// written. No IG grid has a required item (ErrRequired is covered by the
// engine's synthetic grid): the answer a grid makes due is the question
// whose sub-questions are filled, reported at the question's cell.
func TestEvaluationAnswerErrorsAtTheirCell(t *testing.T) {
	for _, tc := range []struct {
		name, sheet, col string
		cells            samples.Row
		inMsg            string
	}{
		{"réponse hors options", templates.SheetEvalAggirPA, "resultat-eval", samples.Row{"resultat-eval": "GIR-7"}, "MED-339 (GIR-1)"},
		{"entier attendu", templates.SheetEvalSerafin, "besoin-loco-mot", samples.Row{"besoin-loco-mot": "beaucoup"}, "nombre entier"},
		{"oui/non attendu", templates.SheetEvalSituation, "obesite", samples.Row{"obesite": "peut-être"}, "oui ou non"},
		{"question due vide", templates.SheetEvalAggirPA, "fonction-pensee",
			samples.Row{"resultat-eval": "MED-340", "pensee-spont": "oui"}, "renseignez-la"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, out := convertEval(t, evalWorkbook(t, map[string][]samples.Row{tc.sheet: {evalRow(tc.cells)}}))
			at := evalIssuesAt(rep, report.Error, evalCell(t, tc.sheet, tc.col, 2))
			if len(at) != 1 || !strings.Contains(at[0].Message, tc.inMsg) || !strings.Contains(at[0].Message, tc.col) {
				t.Fatalf("want one error at %s naming %s and %q, got %+v (all: %+v)", evalCell(t, tc.sheet, tc.col, 2), tc.col, tc.inMsg, at, rep.Issues)
			}
			if evalBundle(t, rep, out, "194704032") != nil {
				t.Error("the usager's bundle was written despite the rejected evaluation")
			}
		})
	}
}

// The cells every evaluation needs: its status, and an answer or a
// document. Missing, they are errors at the status cell and at the key.
func TestEvaluationRequiredCells(t *testing.T) {
	noStatus := evalRow(samples.Row{"besoin-loco-mot": 3})
	delete(noStatus, "statut")
	rows := []samples.Row{noStatus, evalRow(samples.Row{"ref": "E2"})}
	rep, _ := convertEval(t, evalWorkbook(t, map[string][]samples.Row{templates.SheetEvalSerafin: rows}))
	if len(evalIssuesAt(rep, report.Error, evalCell(t, templates.SheetEvalSerafin, "statut", 2))) != 1 {
		t.Errorf("empty status: want an error at its cell, got %+v", rep.Issues)
	}
	at := evalIssuesAt(rep, report.Error, evalCell(t, templates.SheetEvalSerafin, "ref", 3))
	if len(at) != 1 || !strings.Contains(at[0].Message, "item 1..*") {
		t.Errorf("no answer, no document: want an error at the key, got %+v", rep.Issues)
	}
}

// A header the grid does not have is reported at the header cell, not
// dropped silently; the row's other answers still make the response.
func TestEvaluationUnknownItemColumn(t *testing.T) {
	path := evalWorkbook(t, map[string][]samples.Row{
		templates.SheetEvalSerafin: {evalRow(samples.Row{"besoin-loco-mot": 31})},
	})
	sheet := templates.SSIAD.Sheet(templates.SheetEvalSerafin)
	header, _ := excelize.CoordinatesToCellName(len(sheet.Columns)+1, 1)
	value, _ := excelize.CoordinatesToCellName(len(sheet.Columns)+1, 2)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(sheet.Name, header, "besoin-inexistant")
	f.SetCellValue(sheet.Name, value, 2)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	rep, out := convertEval(t, path)
	at := evalIssuesAt(rep, report.Warning, sheet.Name+"!"+header)
	if len(at) != 1 || at[0].Value != "besoin-inexistant" || !strings.Contains(at[0].Message, "grille") {
		t.Fatalf("want a warning at %s!%s naming the grid, got %+v", sheet.Name, header, rep.Issues)
	}
	qr := evalResource(t, evalBundle(t, rep, out, "194704032"), "QuestionnaireResponse", "EVAL-E1")
	items := qr["item"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["linkId"] != "besoin-loco-mot" {
		t.Errorf("items %v, want besoin-loco-mot alone", items)
	}
}

// evalResource is the entry of a type whose identity ends with suffix.
func evalResource(t *testing.T, norm map[string]any, typ, suffix string) map[string]any {
	t.Helper()
	for id, r := range norm {
		if strings.HasPrefix(id, typ+" ") && strings.HasSuffix(id, suffix) {
			return r.(map[string]any)
		}
	}
	t.Fatalf("no %s …%s in %d entries", typ, suffix, len(norm))
	return nil
}

// unstructuredWorkbook: a scanned grid in Documents, an AGGIR PA row that
// only points to it (E1), and a structured one that names it too (E2).
func unstructuredWorkbook(t *testing.T, unstructured samples.Row) string {
	t.Helper()
	path := evalWorkbook(t, map[string][]samples.Row{
		templates.SheetDocuments: {{"ref": "DOC-1", "usager": "194704032", "identifiant": "EVAL-SCAN-1",
			"fichier": "grille.pdf", "titre": "Grille AGGIR scannée"}},
		templates.SheetEvalAggirPA: {evalRow(unstructured),
			evalRow(samples.Row{"ref": "E2", "resultat-eval": "MED-340", "documents": "DOC-1", "evenement": "12548"})},
	})
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "grille.pdf"), []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// An evaluation without answers cannot be a QuestionnaireResponse (item
// 1..*): its document goes, attached to its événement; what it cannot carry
// is a warning. The documents of a structured evaluation go the same way,
// once: tddui-attachment is not allowed on a QuestionnaireResponse.
func TestUnstructuredEvaluation(t *testing.T) {
	rep, out := convertEval(t, unstructuredWorkbook(t, samples.Row{"documents": "DOC-1", "evenement": "12548"}))
	if rep.Errors() != 0 {
		t.Fatalf("issues %+v", rep.Issues)
	}
	norm := evalBundle(t, rep, out, "194704032")
	for id := range norm {
		if strings.HasSuffix(id, "-EVAL-E1") {
			t.Errorf("unstructured evaluation became %s", id)
		}
	}
	doc := "→ " + fhirtest.Identity(evalResource(t, norm, "DocumentReference", "EVAL-SCAN-1"))
	if got := evalAttachments(evalResource(t, norm, "Encounter", "EVN-12548")); len(got) != 1 || got[0] != doc {
		t.Errorf("événement attachments %v, want [%s]", got, doc)
	}
	if got := evalAttachments(evalResource(t, norm, "QuestionnaireResponse", "EVAL-E2")); len(got) != 0 {
		t.Errorf("structured evaluation attachments %v, want none", got)
	}
	at := evalIssuesAt(rep, report.Warning, evalCell(t, templates.SheetEvalAggirPA, "date", 2))
	if len(at) != 1 || !strings.Contains(at[0].Message, "non transmis") {
		t.Errorf("want a warning that the date is not sent, got %+v", rep.Issues)
	}
}

// Without an événement, an evaluation's documents have nowhere to go.
func TestEvaluationDocumentsNeedEvenement(t *testing.T) {
	rep, _ := convertEval(t, unstructuredWorkbook(t, samples.Row{"documents": "DOC-1"}))
	if len(evalIssuesAt(rep, report.Error, evalCell(t, templates.SheetEvalAggirPA, "evenement", 2))) != 1 {
		t.Errorf("want an error at the événement cell, got %+v", rep.Issues)
	}
}

// evalAttachments are the references of a resource's tddui-attachment
// extensions, normalised.
func evalAttachments(r map[string]any) []string {
	var out []string
	ext, _ := r["extension"].([]any)
	for _, e := range ext {
		m := e.(map[string]any)
		if m["url"] == "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-attachment" {
			out = append(out, m["valueReference"].(map[string]any)["reference"].(string))
		}
	}
	return out
}
