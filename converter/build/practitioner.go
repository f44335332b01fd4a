package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetProfessionnels, builder{key: practitionerKey, build: buildPractitioner})
}

// practitionerKey: the national id when given, else the structure's local key.
func practitionerKey(c *Context, r *record.Record) string {
	if id := r.Str("id_national"); id != "" {
		return identifiant.SysIdNatP + "|" + id
	}
	return "professionnel|" + structureKey(c, r) + "|" + r.Key
}

func structureKey(c *Context, r *record.Record) string {
	if s := r.Link("structure"); s != nil {
		return idNatStruct(s)
	}
	return ""
}

// buildPractitioner builds the Practitioner and its PractitionerRole in the
// structure (mode d'exercice, rôle, profession).
func buildPractitioner(c *Context, r *record.Record) []Entry {
	p := fhir.Practitioner{Meta: profileMeta("tddui-practitioner")}
	if id := r.Str("id_national"); id != "" {
		p.Identifier = []fhir.Identifier{{System: fhirx.Str(identifiant.SysIdNatP), Value: fhirx.Str(id)}}
	}
	p.Name = []fhir.HumanName{{Family: fhirx.Str(r.Str("nom")), Given: list(r.Str("prenom")), Prefix: list(r.Str("civilite"))}}
	for _, col := range []string{"diplome", "profession_sante"} {
		if q, ok := r.Code(col); ok {
			p.Qualification = append(p.Qualification, fhir.PractitionerQualification{Code: fhirx.CC(q)})
		}
	}
	pr := fhir.PractitionerRole{Meta: profileMeta("tddui-practitioner-role"), Practitioner: c.Ref(r),
		Organization: c.RefTo(r, "structure")}
	if m, ok := r.Code("mode_exercice"); ok {
		pr.Extension = []fhir.Extension{fhirx.ExtCC(fhirx.SD+"tddui-exercise-mode", m)}
	}
	role, hasRole := r.Code("role")
	prof, hasProf := r.Code("profession")
	if hasRole || hasProf {
		code := fhir.CodeableConcept{}
		if hasProf {
			code.Extension = []fhir.Extension{fhirx.ExtCC(fhirx.SD+"tddui-profession", prof)}
		}
		if hasRole {
			code.Coding = []fhir.Coding{fhirx.Coding(role)}
		}
		pr.Code = []fhir.CodeableConcept{code}
	}
	role0 := Entry{FullURL: identifiant.FullURL(practitionerKey(c, r) + "|role|" + structureKey(c, r)), Type: "PractitionerRole",
		Profile: "tddui-practitioner-role", Resource: pr, Record: r}
	return []Entry{c.entry(r, "Practitioner", "tddui-practitioner", p), role0}
}
