package converter_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// The evaluation an objectif, an action and a prestation of P2 cite is the
// QuestionnaireResponse the bundle carries (literal references, checked in
// TestPPLinks). Like the usager's contacts and documents, its evaluations
// hang on no projet: each projet's bundle carries them, cited or not, as
// the PA example carries its AGGIR PA evaluation that nothing cites.
func TestPPEvaluationsInProjetBundles(t *testing.T) {
	rep, out := convertPP(t, twoProjets())
	if rep.Errors() != 0 || rep.Window != "" {
		t.Fatalf("want no error and no send window (a projet is sent whole): window %q, %+v", rep.Window, rep.Issues)
	}
	for _, name := range []string{"pp-123456789-1234.json", "pp-123456789-P2.json"} {
		res := resources(t, filepath.Join(out, name))
		var qrs []string
		for _, r := range res {
			if r["resourceType"] == "QuestionnaireResponse" {
				qrs = append(qrs, idOf(r)+" "+r["questionnaire"].(string))
			}
		}
		if len(qrs) != 2 || !containsSuffix(qrs, "-EVAL-1234 "+templates.EvaluationGrids[0].Questionnaire) ||
			!containsSuffix(qrs, "-EVAL-77 "+templates.EvaluationGrids[3].Questionnaire) {
			t.Errorf("%s: want the AGGIR PA 1234 and situation 77 evaluations, got %v", name, qrs)
		}
	}
}

func containsSuffix(l []string, suffix string) bool {
	for _, s := range l {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// A projet's row may only cite an evaluation of the projet's usager: one
// of another usager is an error at the cell, and only P2 is withheld.
func TestPPEvaluationOfAnotherUsager(t *testing.T) {
	d := twoProjets()
	d.Sheets[templates.SheetUsagers] = append(d.Sheets[templates.SheetUsagers],
		samples.Row{"ref": "987654321", "nom_naissance": "M.", "premier_prenom": "Paul"})
	d.Sheets[templates.SheetEvalAggirPA] = append(d.Sheets[templates.SheetEvalAggirPA],
		samples.Row{"ref": "88", "usager": "987654321", "statut": "APPROUVE", "resultat-eval": "MED-342"})
	setCell(d, templates.SheetObjectifs, "2001", "evaluations", "77|88")
	rep, _ := convertPP(t, d)
	assertErrorAt(t, rep, cellOf(d, templates.SheetObjectifs, "evaluations", "2001"), "appartient à l'usager 987654321")
	if files := bundleFiles(rep); files != "pp-123456789-1234.json" {
		t.Fatalf("only P2 must be withheld, bundles: %s", files)
	}
}

// An evaluation's number names it whatever its grid: the same number on
// two evaluation sheets is an error at the second one's key cell. The
// evaluation belongs to the usager, not to a projet: every projet of the
// usager is withheld.
func TestPPEvaluationNumberUniqueAcrossSheets(t *testing.T) {
	d := twoProjets()
	d.Sheets[templates.SheetEvalAggirPH] = append(d.Sheets[templates.SheetEvalAggirPH],
		samples.Row{"ref": "77", "usager": "123456789", "statut": "APPROUVE", "resultat-eval": "MED-342"})
	rep, _ := convertPP(t, d)
	at := cellOf(d, templates.SheetEvalSituation, "ref", "77")
	assertErrorAt(t, rep, at, "clé déjà utilisée onglet « Évaluations AGGIR PH » ligne 2")
	if files := bundleFiles(rep); files != "" {
		t.Fatalf("the usager's bundles must be withheld, got: %s", files)
	}
}

func assertErrorAt(t *testing.T, rep *report.Report, cell, msg string) {
	t.Helper()
	for _, is := range rep.Issues {
		if is.Cell == cell && is.Severity == report.Error && strings.Contains(is.Message, msg) {
			return
		}
	}
	t.Fatalf("want an error %q at %s, got %+v", msg, cell, rep.Issues)
}

// The evaluation sheets are in both templates, so they do not tell the use
// case; a workbook of evaluations alone is still converted, as the SSIAD's
// it was before the projet template had them.
func TestEvaluationsAloneAreSSIAD(t *testing.T) {
	src := samples.SSIADEvaluationsExempleIG.Sheets
	d := samples.Data{Template: templates.SSIAD, Sheets: map[string][]samples.Row{
		templates.SheetParametres: src[templates.SheetParametres],
		templates.SheetStructure:  src[templates.SheetStructure],
		templates.SheetUsagers:    src[templates.SheetUsagers][1:],
		templates.SheetEvalAggirPA: {
			{"ref": "1234", "usager": "123456789", "statut": "APPROUVE", "resultat-eval": "MED-341"},
		},
	}}
	dir := t.TempDir()
	if err := d.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	rep, err := converter.Convert(converter.Options{Input: dir, OutDir: filepath.Join(dir, "sortie")})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors() != 0 || bundleFiles(rep) != "ssiad-123456789.json" {
		t.Fatalf("want the SSIAD bundle of the usager, got %s, %+v", bundleFiles(rep), rep.Issues)
	}
}
