package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetActions, buildTaskAction) }

// actionInputs: tddui-task-input-action, in the code system's order; the
// objectif slice is what ties an action to its objectives.
var actionInputs = []taskInput{
	{"titre", stringsIn("titre")},
	{"evaluation", evaluationsIn},
	{"avisUsager", stringsIn("avis_usager")},
	{"resultatAttendu", stringsIn("resultat_attendu")},
	{"pieceJointe", refsIn("documents")},
	{"objectif", refsIn("objectifs")},
}

// buildTaskAction builds tddui-task-action; its référent (owner) is a
// professional of the Professionnels sheet, a free text, or both.
func buildTaskAction(c *Context, r *record.Record) []Entry {
	t := c.projetTask(r, "tddui-task-action")
	if ref, text := c.RefTo(r, "referent"), r.Str("referent_libelle"); ref != nil || text != "" {
		owner := fhir.Reference{}
		if ref != nil {
			owner = *ref // a copy: Ref's may be shared
		}
		owner.Display = fhirx.Str(text)
		t.Owner = &owner
	}
	in := c.parameters(r, "tddui-task-input-action", actionInputs)
	return []Entry{c.entry(r, "Task", "tddui-task-action", fhirx.With{Resource: t, Extra: c.taskMembers(r, in, nil)})}
}
