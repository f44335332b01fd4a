package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetAttentes, buildGoalAttente) }

// attenteNotes: the note slices of tddui-goal-attente, in profile order
// (origineAttente 1..1, commentaireAttente 0..*).
var attenteNotes = []struct{ col, code string }{
	{"origine", "origineAttente"},
	{"commentaires", "commentaireAttente"},
}

func buildGoalAttente(c *Context, r *record.Record) []Entry {
	g := fhir.Goal{
		Meta:        profileMeta("tddui-goal-attente"),
		Extension:   append(c.careplanReference(r), c.attachments(r)...),
		Identifier:  ppIdentifier(c, r),
		Description: fhir.CodeableConcept{Text: fhirx.Str(r.Str("description"))},
		Subject:     c.subject(r),
		Note:        notes(r, attenteNotes),
	}
	setStatus(r, &g.LifecycleStatus)
	c.checkSameProjet(r)
	return []Entry{c.entry(r, "Goal", "tddui-goal-attente", g)}
}

// careplanReference is the Goal's link to its projet (tddui-careplan-reference).
func (c *Context) careplanReference(r *record.Record) []fhir.Extension {
	if p := r.Link("projet"); p != nil {
		return []fhir.Extension{fhirx.ExtRef(fhirx.SD+"tddui-careplan-reference", c.URL(p))}
	}
	return nil
}
