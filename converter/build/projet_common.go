package build

import (
	"strconv"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

// What the Projet personnalisé builders share: business identifiers, the
// French business statuses, the status author, the link to the projet, the
// discriminated notes and the references to evaluations.

// ppKinds: sheet → business identifier system and code (PROFILES.md §3).
var ppKinds = map[string]struct{ system, code string }{
	templates.SheetProjets:     {identifiant.SysProjet, "PPER"},
	templates.SheetAttentes:    {identifiant.SysAttente, "ATTE"},
	templates.SheetObjectifs:   {identifiant.SysObjectif, "OBJE"},
	templates.SheetBesoins:     {identifiant.SysBesoin, "BESO"},
	templates.SheetActions:     {identifiant.SysAction, "ACTI"},
	templates.SheetMoyens:      {identifiant.SysMoyen, "MORE"},
	templates.SheetPrestations: {identifiant.SysPrestation, "PRES"},
	templates.SheetBilans:      {identifiant.SysBilan, "BILA"},
}

// registerPP registers a sheet whose identity is its business identifier.
func registerPP(sheet string, build func(c *Context, r *record.Record) []Entry) {
	k := ppKinds[sheet]
	register(sheet, builder{
		url: func(c *Context, r *record.Record) string {
			return identifiant.SuffixedURL(k.system, c.ownerID(r), k.code, r.Key)
		},
		build: build,
	})
}

// ppID is the business identifier value: 3+FINESS/usager-CODE-n°.
func ppID(c *Context, r *record.Record) string {
	return identifiant.Suffixed(c.ownerID(r), ppKinds[r.Sheet.Key].code, r.Key)
}

// ppIdentifier is the identifier element (system and value only, as the
// profiles fix them).
func ppIdentifier(c *Context, r *record.Record) []fhir.Identifier {
	return []fhir.Identifier{{System: fhirx.Str(ppKinds[r.Sheet.Key].system), Value: fhirx.Str(ppID(c, r))}}
}

// ppStatuses maps the business statuses of each status list to the FHIR
// status of the profiles that use it (PROFILES.md, each profile's mapping;
// the besoin's list follows R4 request-status).
var ppStatuses = map[string]map[string]string{
	templates.VSStatutProjet:   {"ENPREPARATION": "draft", "ENCOURS": "active", "ENPAUSE": "on-hold", "TERMINE": "completed"},
	templates.VSStatutObjectif: {"ENPREPARATION": "planned", "ACTIF": "active", "TERMINE": "completed", "ANNULE": "cancelled"},
	templates.VSStatutBesoin:   {"ENPREPARATION": "draft", "ACTIF": "active", "ENPAUSE": "on-hold", "TERMINE": "completed", "ANNULE": "revoked"},
	templates.VSStatutAction:   {"ENPREPARATION": "draft", "ACTIF": "in-progress", "TERMINE": "completed", "ANNULE": "cancelled"},
}

// unmarshaler is a samply code type (RequestStatus, TaskStatus…).
type unmarshaler interface{ UnmarshalJSON([]byte) error }

// setStatus writes the row's status into a samply status field. The typer
// has checked the code against the list (a rejected cell leaves the row Bad
// and the field at its zero); the table covers every code of every list
// (TestStatusTablesCoverLists), so the unmarshal cannot fail.
func setStatus(r *record.Record, field unmarshaler) {
	s, ok := r.Code("statut")
	if !ok {
		return
	}
	code := ppStatuses[r.Sheet.Column("statut").ValueSet][s.Code]
	if err := field.UnmarshalJSON([]byte(strconv.Quote(code))); err != nil {
		panic("statut " + s.Code + " : " + err.Error())
	}
}

// statusAuthor is the "_status" (or "_lifecycleStatus") member carrying
// tddui-status-author, when the row names one.
func (c *Context) statusAuthor(r *record.Record, member string) []fhirx.Member {
	a := r.Link("auteur_statut")
	if a == nil {
		return nil
	}
	return []fhirx.Member{{Name: member, Value: fhirx.Element{
		Extension: []fhir.Extension{{Url: fhirx.SD + "tddui-status-author", ValueReference: c.Ref(a)}}}}}
}

// discriminated is an element sliced by tddui-discriminator (a CarePlan
// supportingInfo, a Goal note): its extension.
func discriminator(code string) []fhir.Extension {
	return []fhir.Extension{{Url: fhirx.SD + "tddui-discriminator", ValueCodeableConcept: &fhir.CodeableConcept{
		Coding: []fhir.Coding{{System: fhirx.Str(fhirx.CS + "tddui-discriminator"), Code: fhirx.Str(code)}}}}}
}

// notes are the row's discriminated notes, in the profile's slice order.
func notes(r *record.Record, slices []struct{ col, code string }) []fhir.Annotation {
	var out []fhir.Annotation
	for _, s := range slices {
		for _, v := range r.Strs(s.col) {
			out = append(out, fhir.Annotation{Extension: discriminator(s.code), Text: v})
		}
	}
	return out
}

// projetRef is the reference to the row's projet (CarePlan).
func (c *Context) projetRef(r *record.Record) *fhir.Reference { return c.RefTo(r, "projet") }

// subject is the projet's usager (Goal and ServiceRequest subject).
func (c *Context) subject(r *record.Record) fhir.Reference {
	if p := r.Link("projet"); p != nil {
		if ref := c.RefTo(p, "usager"); ref != nil {
			return *ref
		}
	}
	return fhir.Reference{}
}

// evaluationRefs are literal references to the evaluations the row names
// (the bundle carries them: Members follows the link). An evaluation
// without answers has no QuestionnaireResponse to point to (only its
// documents travel, on the SSIAD sheets): an error at the cell.
func (c *Context) evaluationRefs(r *record.Record) []*fhir.Reference {
	var out []*fhir.Reference
	for _, e := range r.LinksOf("evaluations") {
		if len(answers(e)) == 0 {
			r.Reject(c.Rep, "evaluations", e.Key, "une évaluation structurée (au moins une réponse)",
				"évaluation sans réponse : aucune QuestionnaireResponse à référencer")
			continue
		}
		out = append(out, c.Ref(e))
	}
	return out
}

// attachments are tddui-attachment extensions to the row's documents.
func (c *Context) attachments(r *record.Record) []fhir.Extension {
	var out []fhir.Extension
	for _, d := range r.LinksOf("documents") {
		out = append(out, fhirx.ExtRef(fhirx.SD+"tddui-attachment", c.URL(d)))
	}
	return out
}

// checkSameProjet rejects a link to a row of another projet (an objectif
// addressing another projet's besoin): each projet is sent in a bundle of
// its own, which must not carry another projet's rows.
func (c *Context) checkSameProjet(r *record.Record) {
	p := r.Link("projet")
	if p == nil {
		return
	}
	for _, col := range r.Sheet.Columns {
		for _, t := range r.LinksOf(col.Key) {
			if t.Sheet.Column("projet") == nil {
				continue
			}
			if tp := t.Link("projet"); tp != nil && tp != p {
				r.Reject(c.Rep, col.Key, t.Key, "une ligne du même projet ("+p.Key+")", "cette ligne appartient au projet "+tp.Key)
			}
		}
	}
}

// period is a Period of two date columns, nil when both are empty.
func period(r *record.Record, start, end string) *fhir.Period {
	if !r.Has(start) && !r.Has(end) {
		return nil
	}
	return &fhir.Period{Start: fhirx.Str(r.Date(start)), End: fhirx.Str(r.Date(end))}
}
