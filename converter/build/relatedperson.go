package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetContacts, builder{
		key:   func(c *Context, r *record.Record) string { return "contact|" + c.ownerID(r) + "|" + r.Key },
		build: buildRelatedPerson,
	})
}

func buildRelatedPerson(c *Context, r *record.Record) []Entry {
	p := fhir.RelatedPerson{Meta: profileMeta("tddui-related-person-contact"), Patient: *c.RefTo(r, "usager")}
	if d := r.Str("description"); d != "" {
		p.Extension = []fhir.Extension{fhirx.ExtString(fhirx.SD+"tddui-related-person-contact-description", d)}
	}
	if id := r.Str("identifiant"); id != "" {
		p.Identifier = []fhir.Identifier{{Value: fhirx.Str(id)}}
	}
	for _, con := range append(append(r.Codes("role"), r.Codes("relation")...), r.Codes("protection")...) {
		p.Relationship = append(p.Relationship, fhirx.CC(con))
	}
	if r.Has("nom") || r.Has("prenom") {
		p.Name = []fhir.HumanName{{Family: fhirx.Str(r.Str("nom")), Given: list(r.Str("prenom")), Prefix: list(r.Str("civilite"))}}
	}
	for _, t := range []struct {
		col string
		sys fhir.ContactPointSystem
	}{{"telephone", fhir.ContactPointSystemPhone}, {"email", fhir.ContactPointSystemEmail}} {
		if v := r.Str(t.col); v != "" {
			sys := t.sys
			p.Telecom = append(p.Telecom, fhir.ContactPoint{System: &sys, Value: fhirx.Str(v)})
		}
	}
	return []Entry{c.entry(r, "RelatedPerson", "tddui-related-person-contact", p)}
}
