package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetBilans, buildTaskBilan) }

// bilanInputs: tddui-task-input-bilan, in the code system's order.
var bilanInputs = []taskInput{
	{"perimetre", stringsIn("perimetre")},
	{"problematique", stringsIn("problematique")},
	{"invite", stringsIn("invites")},
	{"pieceJointe", refsIn("documents")},
	{"dateProchainBilan", dateIn("date_prochain")},
	{"synthesePreparationBilan", synthesePreparation},
}

var bilanOutputs = []taskInput{{"syntheseBilan", stringsIn("synthese")}}

// buildTaskBilan builds tddui-task-bilan: executionPeriod.start (1..1) is
// the date of the bilan.
func buildTaskBilan(c *Context, r *record.Record) []Entry {
	t := c.projetTask(r, "tddui-task-bilan")
	t.ExecutionPeriod = &fhir.Period{Start: fhirx.Str(r.Date("date"))}
	if k, ok := r.Code("categorie"); ok {
		t.Code = fhirx.CCp(k)
	}
	in := c.parameters(r, "tddui-task-input-bilan", bilanInputs)
	out := c.parameters(r, "tddui-task-output-bilan", bilanOutputs)
	return []Entry{c.entry(r, "Task", "tddui-task-bilan", fhirx.With{Resource: t, Extra: c.taskMembers(r, in, out)})}
}

// synthesePreparation is an Annotation whose author is 1..1 in the profile.
func synthesePreparation(c *Context, r *record.Record) []fhirx.TaskParameter {
	text := r.Str("synthese_preparation")
	if text == "" {
		if r.Has("synthese_preparation_auteur") {
			r.Reject(c.Rep, "synthese_preparation", "", "le texte de la synthèse", "auteur de synthèse de préparation sans synthèse")
		}
		return nil
	}
	author := c.RefTo(r, "synthese_preparation_auteur")
	if !r.Has("synthese_preparation_auteur") {
		r.Reject(c.Rep, "synthese_preparation_auteur", "", "la référence du professionnel auteur",
			"la synthèse de préparation doit avoir un auteur (authorReference 1..1)")
	}
	return []fhirx.TaskParameter{{ValueAnnotation: &fhir.Annotation{AuthorReference: author, Text: text}}}
}
