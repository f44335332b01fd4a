package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetBesoins, buildServiceRequest) }

// buildServiceRequest builds tddui-service-request-besoin: the need is
// code.text (1..1), tied to its projet by basedOn (1..1).
func buildServiceRequest(c *Context, r *record.Record) []Entry {
	s := fhir.ServiceRequest{
		Meta:       profileMeta("tddui-service-request-besoin"),
		Extension:  c.attachments(r),
		Identifier: ppIdentifier(c, r),
		Intent:     fhir.RequestIntentPlan,
		Code:       &fhir.CodeableConcept{Text: fhirx.Str(r.Str("description"))},
		Subject:    c.subject(r),
	}
	if p := c.projetRef(r); p != nil {
		s.BasedOn = []fhir.Reference{*p}
	}
	setStatus(r, &s.Status)
	if k, ok := r.Code("categorie"); ok {
		s.Category = []fhir.CodeableConcept{fhirx.CC(k)}
	}
	if a := r.Str("analyse"); a != "" {
		s.OrderDetail = []fhir.CodeableConcept{{Text: fhirx.Str(a)}}
	}
	if n := r.Str("commentaire"); n != "" {
		s.Note = []fhir.Annotation{{Text: n}}
	}
	c.checkSameProjet(r)
	return []Entry{c.entry(r, "ServiceRequest", "tddui-service-request-besoin", s)}
}
