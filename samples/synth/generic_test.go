package synth

import (
	"testing"

	"github.com/tddui/tddui/templates"
)

// A sheet the generator was never told about gets rows from its column
// definitions: one or two per parent row, linked to rows of the same
// projet, every required cell filled.
func TestUnknownSheetIsGeneratedFromItsColumns(t *testing.T) {
	pp, err := templates.Get("pp")
	if err != nil {
		t.Skip("no pp template")
	}
	revue := &templates.Sheet{Key: "revues", Name: "Revues", Owner: []string{"action", "projet", "usager"}, Columns: []templates.Column{
		{Key: "ref", Kind: templates.Text, Required: true},
		{Key: "action", Kind: templates.Ref, Ref: templates.SheetActions, Required: true},
		{Key: "objectif", Kind: templates.Ref, Ref: templates.SheetObjectifs, Required: true},
		{Key: "statut", Kind: templates.Code, ValueSet: templates.VSStatutAction, Required: true},
		{Key: "date", Kind: templates.Date, Required: true},
		{Key: "note", Kind: templates.Text},
	}}
	tpl := &templates.Template{Key: "pp", Sheets: append(append([]*templates.Sheet{}, pp.Sheets...), revue)}
	g, err := New(Options{Template: tpl, Usagers: 10, Weeks: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	projetOf := map[string]map[string]string{} // sheet → key → projet
	for _, sh := range []string{templates.SheetActions, templates.SheetObjectifs} {
		projetOf[sh] = map[string]string{}
		for _, r := range rows(t, g, sh) {
			projetOf[sh][r["ref"].(string)] = r["projet"].(string)
		}
	}
	got := rows(t, g, "revues")
	if len(got) < len(projetOf[templates.SheetActions]) {
		t.Fatalf("%d revues for %d actions", len(got), len(projetOf[templates.SheetActions]))
	}
	for _, r := range got {
		a, o := r["action"].(string), r["objectif"].(string)
		if projetOf[templates.SheetActions][a] == "" || projetOf[templates.SheetActions][a] != projetOf[templates.SheetObjectifs][o] {
			t.Errorf("%v: action and objectif of different projets", r)
		}
		if r["statut"] == nil || r["date"] == nil || r["note"] != nil {
			t.Errorf("%v: required cells empty or optional cell filled", r)
		}
	}
}
