package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetObjectifs, buildGoalObjectif) }

// objectifNotes: the note slices of tddui-goal-objectif, in profile order.
var objectifNotes = []struct{ col, code string }{
	{"titre", "titreObjectif"},
	{"avis_usager", "avisUsagerObjectif"},
	{"strategie", "strategieMiseEnOeuvreObjectif"},
}

// buildGoalObjectif builds tddui-goal-objectif: extensions in the
// profile's order (projet, evaluations, attachments), the besoins it
// addresses, the référent who expressed it.
func buildGoalObjectif(c *Context, r *record.Record) []Entry {
	g := fhir.Goal{
		Meta:        profileMeta("tddui-goal-objectif"),
		Extension:   c.careplanReference(r),
		Identifier:  ppIdentifier(c, r),
		Description: fhir.CodeableConcept{Text: fhirx.Str(r.Str("description"))},
		Subject:     c.subject(r),
		StartDate:   fhirx.Str(r.Date("debut")),
		ExpressedBy: c.RefTo(r, "referent"),
		Note:        notes(r, objectifNotes),
	}
	for _, e := range c.evaluationRefs(r) {
		g.Extension = append(g.Extension, fhir.Extension{Url: fhirx.SD + "tddui-evaluation-reference", ValueReference: e})
	}
	g.Extension = append(g.Extension, c.attachments(r)...)
	setStatus(r, &g.LifecycleStatus)
	if d := r.Str("domaine"); d != "" {
		g.Category = []fhir.CodeableConcept{{Text: fhirx.Str(d)}}
	}
	if r.Has("resultat_attendu") || r.Has("echeance") {
		g.Target = []fhir.GoalTarget{{DetailString: fhirx.Str(r.Str("resultat_attendu")), DueDate: fhirx.Str(r.Date("echeance"))}}
	}
	for _, b := range r.LinksOf("besoins") {
		g.Addresses = append(g.Addresses, *c.Ref(b))
	}
	c.checkSameProjet(r)
	return []Entry{c.entry(r, "Goal", "tddui-goal-objectif",
		fhirx.With{Resource: g, Extra: c.statusAuthor(r, "_lifecycleStatus")})}
}
