package build

import (
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetPrestations, buildTaskPrestation) }

// prestationInputs: tddui-task-input-prestation, in the code system's order.
var prestationInputs = []taskInput{
	{"titre", stringsIn("titre")},
	{"typePrestation", codesIn("types")},
	{"evaluation", evaluationsIn},
	{"pieceJointe", refsIn("documents")},
}

// buildTaskPrestation builds tddui-task-prestation, part of an action.
func buildTaskPrestation(c *Context, r *record.Record) []Entry {
	t := c.projetTask(r, "tddui-task-prestation")
	in := c.parameters(r, "tddui-task-input-prestation", prestationInputs)
	return []Entry{c.entry(r, "Task", "tddui-task-prestation", fhirx.With{Resource: t, Extra: c.taskMembers(r, in, nil)})}
}
