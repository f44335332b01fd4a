package converter_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// Every class of bad input in projet P2 is reported at its cell, in French;
// P2's bundle is not written, projet 1234 of the same usager still is.
func TestPPBadInputRejectsOnlyThatProjet(t *testing.T) {
	cases := []struct {
		name                  string
		sheet, key, col       string
		value                 any // nil: empty the cell
		atSheet, atKey, atCol string
		wantMsg               string
	}{
		{"projet without accordStructure", templates.SheetAccords, "A2-S", "type", "accordUsager",
			templates.SheetProjets, "P2", "ref", "aucun accord de la structure"},
		{"objectif without titre", templates.SheetObjectifs, "2001", "titre", nil, "", "", "", "cellule obligatoire vide"},
		{"action without titre", templates.SheetActions, "2001", "titre", nil, "", "", "", "cellule obligatoire vide"},
		{"action → missing objectif", templates.SheetActions, "2001", "objectifs", "404", "", "", "", "référence à une ligne absente"},
		{"moyen → missing action", templates.SheetMoyens, "2001", "action", "404", "", "", "", "référence à une ligne absente"},
		{"objectif → missing besoin", templates.SheetObjectifs, "2001", "besoins", "404", "", "", "", "référence à une ligne absente"},
		{"objectif → missing evaluation", templates.SheetObjectifs, "2001", "evaluations", "404", "", "", "", "référence à une ligne absente"},
		{"action → missing evaluation", templates.SheetActions, "2001", "evaluations", "77|404", "", "", "", "référence à une ligne absente"},
		{"objectif → another projet's besoin", templates.SheetObjectifs, "2001", "besoins", "1234", "", "", "", "appartient au projet 1234"},
		{"accord with two signatories", templates.SheetAccords, "A2-S", "signataire_usager", "oui",
			templates.SheetAccords, "A2-S", "signataire_professionnel", "exactement un signataire"},
		{"accord without signatory", templates.SheetAccords, "A2-S", "signataire_professionnel", nil, "", "", "", "exactement un signataire"},
		{"status of another list", templates.SheetObjectifs, "2001", "statut", "ENCOURS", "", "", "", "valeur invalide"},
		{"synthèse without author", templates.SheetBilans, "2001", "synthese_preparation_auteur", nil, "", "", "", "doit avoir un auteur"},
		{"unknown besoin category", templates.SheetBesoins, "2001", "categorie", "9.9", "", "", "", "valeur invalide"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := twoProjets()
			setCell(d, c.sheet, c.key, c.col, c.value)
			rep, _ := convertPP(t, d)
			sheet, key, col := c.sheet, c.key, c.col
			if c.atSheet != "" {
				sheet, key, col = c.atSheet, c.atKey, c.atCol
			}
			want := cellOf(d, sheet, col, key)
			found := false
			for _, is := range rep.Issues {
				found = found || is.Cell == want && is.Severity == report.Error && strings.Contains(is.Message+is.Expected, c.wantMsg)
			}
			if !found {
				t.Fatalf("want an error %q at %s, got %+v", c.wantMsg, want, rep.Issues)
			}
			if files := bundleFiles(rep); files != "pp-123456789-1234.json" {
				t.Fatalf("only P2 must be rejected, bundles: %s", files)
			}
		})
	}
}

func bundleFiles(rep *report.Report) string {
	var out []string
	for _, b := range rep.Bundles {
		out = append(out, b.File)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// A workbook holding both use cases: each usager gets one bundle per use
// case it has rows in (the SSIAD usager also has a projet; the PA usager
// only a projet).
func TestWorkbookWithBothUseCases(t *testing.T) {
	var sheets []*templates.Sheet
	sheets = append(sheets, templates.SSIAD.Sheets...)
	for _, s := range templates.PP.Sheets {
		if templates.SSIAD.Sheet(s.Key) == nil {
			sheets = append(sheets, s)
		}
	}
	d := samples.Data{Template: &templates.Template{Key: "mix", Sheets: sheets}, Sheets: map[string][]samples.Row{}}
	for _, src := range []samples.Data{samples.SSIADExempleIG, samples.PPPAExempleIG} {
		for k, rows := range src.Sheets {
			if k == templates.SheetParametres || k == templates.SheetStructure && len(d.Sheets[k]) > 0 {
				continue
			}
			d.Sheets[k] = append(d.Sheets[k], rows...)
		}
	}
	d.Sheets[templates.SheetParametres] = samples.SSIADExempleIG.Sheets[templates.SheetParametres][:2]
	d.Sheets[templates.SheetProjets] = append(d.Sheets[templates.SheetProjets],
		samples.Row{"ref": "P9", "usager": "194704032", "statut": "ENCOURS", "titre": "Projet de M. Dupont"})
	d.Sheets[templates.SheetAccords] = append(d.Sheets[templates.SheetAccords],
		samples.Row{"ref": "A9", "projet": "P9", "type": "accordStructure", "date": "02/09/2024 10:00", "signataire_professionnel": "CM01"})
	dir := t.TempDir()
	if err := d.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	linkDocuments(t, dir)
	rep, err := converter.Convert(converter.Options{Input: dir, OutDir: filepath.Join(dir, "sortie")})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors() != 0 {
		t.Fatalf("%+v", rep.Issues)
	}
	if got, want := bundleFiles(rep), "pp-123456789-1234.json pp-194704032-P9.json ssiad-194704032.json"; got != want {
		t.Fatalf("want bundles %s, got %s", want, got)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sortie", "pp-194704032-P9.json"))
	if strings.Contains(string(b), "Encounter") || !strings.Contains(string(b), "CarePlan") {
		t.Fatal("the pp bundle must hold the projet and no SSIAD resource")
	}
	// the usager is in both use cases: its rows are built, and their
	// problems reported, once (the IG identity's INS key warning)
	n := 0
	for _, is := range rep.Issues {
		if strings.Contains(is.Message, "matricule INS") {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the INS warning must be reported once, got %d", n)
	}
}
