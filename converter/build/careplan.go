package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() { registerPP(templates.SheetProjets, buildCarePlan) }

// buildCarePlan builds tddui-careplan-projet-personnalise. Its accords are
// rows of the Accords sheet naming it: each becomes a supportingInfo with
// the discriminator of its type; accordStructure is 1..*.
func buildCarePlan(c *Context, r *record.Record) []Entry {
	p := fhir.CarePlan{
		Meta:        profileMeta("tddui-careplan-projet-personnalise"),
		Extension:   c.attachments(r),
		Identifier:  ppIdentifier(c, r),
		Intent:      fhir.CarePlanIntentPlan,
		Title:       fhirx.Str(r.Str("titre")),
		Description: fhirx.Str(r.Str("description")),
		Period:      period(r, "debut", "fin"),
	}
	setStatus(r, &p.Status)
	if t, ok := r.Code("type"); ok {
		p.Category = []fhir.CodeableConcept{fhirx.CC(t)}
	}
	if s := c.RefTo(r, "usager"); s != nil {
		p.Subject = *s
	}
	structure := false
	for _, a := range c.referrers(templates.SheetAccords, "projet", r) {
		kind, _ := a.Code("type")
		structure = structure || kind.Code == "accordStructure"
		ref := *c.Ref(a) // a copy: Ref's may be shared
		ref.Extension = discriminator(kind.Code)
		p.SupportingInfo = append(p.SupportingInfo, ref)
	}
	if !structure {
		r.Reject(c.Rep, r.Sheet.KeyColumn().Key, r.Key, "une ligne de l'onglet Accords de type accordStructure pour ce projet",
			"aucun accord de la structure : il en faut au moins un (CarePlan.supportingInfo:accordStructure 1..*)")
	}
	if m := r.Str("modalite_communication"); m != "" {
		p.Note = []fhir.Annotation{{Text: m}}
	}
	return []Entry{c.entry(r, "CarePlan", "tddui-careplan-projet-personnalise",
		fhirx.With{Resource: p, Extra: c.statusAuthor(r, "_status")})}
}

// referrers are the rows of a sheet whose Ref column col names target, in
// reading order (the index is built once per sheet and column).
func (c *Context) referrers(sheet, col string, target *record.Record) []*record.Record {
	key := sheet + "\x00" + col
	c.backMu.Lock()
	defer c.backMu.Unlock()
	if c.back == nil {
		c.back = map[string]map[*record.Record][]*record.Record{}
	}
	idx, ok := c.back[key]
	if !ok {
		idx = map[*record.Record][]*record.Record{}
		for _, r := range c.Set.Sheets[sheet] {
			for _, t := range r.LinksOf(col) {
				idx[t] = append(idx[t], r)
			}
		}
		c.back[key] = idx
	}
	return idx[target]
}
