package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetStructure, builder{
		key:   func(_ *Context, r *record.Record) string { return identifiant.SysIdNatS + "|" + idNatStruct(r) },
		build: buildOrganization,
	})
}

// idNatStruct is the structure's idNat_Struct: the cell, or 3 + FINESS.
func idNatStruct(r *record.Record) string {
	if v := r.Str("id_nat_struct"); v != "" {
		return v
	}
	return "3" + r.Str("finess")
}

func buildOrganization(c *Context, r *record.Record) []Entry {
	if err := identifiant.CheckFINESS(r.Str("finess")); err != nil {
		r.Reject(c.Rep, "finess", r.Str("finess"), "un N° FINESS de 9 caractères", "FINESS invalide : "+err.Error())
	}
	if v := r.Str("id_nat_struct"); v != "" {
		if err := identifiant.CheckIdNatStruct(v); err != nil {
			r.Reject(c.Rep, "id_nat_struct", v, "préfixe 1, 3, 4 ou 5 suivi du numéro", "identifiant national de structure invalide : "+err.Error())
		}
	}
	o := fhir.Organization{
		Meta: profileMeta("tddui-organization"),
		Identifier: []fhir.Identifier{{
			Type:   &fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.FRCoreCS + "fr-core-cs-v2-0203"), Code: fhirx.Str("IDNST")}}},
			System: fhirx.Str(identifiant.SysIdNatS), Value: fhirx.Str(idNatStruct(r)),
		}},
		Name: fhirx.Str(r.Str("raison_sociale")),
	}
	return []Entry{c.entry(r, "Organization", "tddui-organization", o)}
}
