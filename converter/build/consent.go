package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetAccords, builder{
		// An accord has no business identifier in the IG: its identity is
		// its projet's and its own key.
		key: func(c *Context, r *record.Record) string {
			k := "accord|" + c.ownerID(r) + "|" + r.Key
			if p := r.Link("projet"); p != nil {
				k = "accord|" + ppID(c, p) + "|" + r.Key
			}
			return k
		},
		build: buildConsent,
	})
}

// Consent elements R4 requires and the profile leaves open: the values of
// the IG examples (Consent/tddui-pp-pa-consent-accord-example).
var (
	consentScope = fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str("http://terminology.hl7.org/CodeSystem/consentscope"),
		Code: fhirx.Str("patient-privacy"), Display: fhirx.Str("Privacy Consent")}}}
	consentCategory = fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str("http://loinc.org"), Code: fhirx.Str("59284-0")}}}
	consentPolicy   = fhir.ConsentPolicy{Authority: fhirx.Str("https://www.cnsa.fr/")}
)

// buildConsent builds tddui-consent-accord; its performer (1..1) is the one
// signatory the row names.
func buildConsent(c *Context, r *record.Record) []Entry {
	k := fhir.Consent{
		Meta:     profileMeta("tddui-consent-accord"),
		Status:   fhir.ConsentStateActive,
		Scope:    consentScope,
		Category: []fhir.CodeableConcept{consentCategory},
		DateTime: fhirx.Str(r.Date("date")),
		Policy:   []fhir.ConsentPolicy{consentPolicy},
	}
	if p := period(r, "debut_validite", "fin_validite"); p != nil {
		k.Extension = []fhir.Extension{{Url: fhirx.R5Ext + "extension-Consent.period", ValuePeriod: p}}
		c.checkPeriod(r, "debut_validite", "fin_validite")
	}
	k.Performer = c.signatories(r)
	if signatoryCells(r) != 1 {
		r.Reject(c.Rep, "signataire_professionnel", r.Str("signataire_professionnel"),
			"un seul signataire : professionnel, contact ou usager", "l'accord doit avoir exactement un signataire (Consent.performer 1..1)")
	}
	c.checkSameProjet(r)
	return []Entry{c.entry(r, "Consent", "tddui-consent-accord", k)}
}

func (c *Context) signatories(r *record.Record) []fhir.Reference {
	var out []fhir.Reference
	for _, col := range []string{"signataire_professionnel", "signataire_contact"} {
		if ref := c.RefTo(r, col); ref != nil {
			out = append(out, *ref)
		}
	}
	if yes, _ := r.Bool("signataire_usager"); yes {
		if s := c.subject(r); s.Reference != nil {
			out = append(out, s)
		}
	}
	return out
}

// signatoryCells counts the signatories given, whether or not their
// references resolve (a broken one is reported by the link stage).
func signatoryCells(r *record.Record) int {
	n := 0
	for _, col := range []string{"signataire_professionnel", "signataire_contact"} {
		if r.Has(col) {
			n++
		}
	}
	if yes, _ := r.Bool("signataire_usager"); yes {
		n++
	}
	return n
}
