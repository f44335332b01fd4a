package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetMoyens, buildTaskMoyen) }

// moyenInputs: tddui-task-input-moyen-ressource, in the code system's order.
var moyenInputs = []taskInput{
	{"titre", stringsIn("titre")},
	{"evaluation", evaluationsIn},
	{"pieceJointe", refsIn("documents")},
}

// buildTaskMoyen builds tddui-task-moyen-ressource, part of an action.
func buildTaskMoyen(c *Context, r *record.Record) []Entry {
	t := c.projetTask(r, "tddui-task-moyen-ressource")
	if k := r.Str("type"); k != "" {
		t.Code = &fhir.CodeableConcept{Text: fhirx.Str(k)}
	}
	in := c.parameters(r, "tddui-task-input-moyen-ressource", moyenInputs)
	return []Entry{c.entry(r, "Task", "tddui-task-moyen-ressource", fhirx.With{Resource: t, Extra: c.taskMembers(r, in, nil)})}
}
