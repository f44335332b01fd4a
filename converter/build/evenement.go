package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/internal/terminology"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetEvenements, builder{
		url: func(c *Context, r *record.Record) string {
			return identifiant.SuffixedURL(identifiant.SysEvenement, c.ownerID(r), "EVN", r.Key)
		},
		build: buildEvenement,
	})
}

func evenementID(c *Context, r *record.Record) string {
	return identifiant.Suffixed(c.ownerID(r), "EVN", r.Key)
}

// Simple extensions of the événement, in the IG example's order.
var evenementStrings = []struct{ col, url string }{
	{"compte_rendu", fhirx.SD + "tddui-event-report"},
	{"commentaire", fhirx.SD + "tddui-comment"},
	{"libelle", fhirx.SD + "tddui-event-label"},
	{"motif", fhirx.SD + "tddui-event-reason"},
}

var evenementBools = []struct{ col, url string }{
	{"hors_prestation", fhirx.SD + "tddui-outside-service"},
	{"usager_present", fhirx.SD + "tddui-patient-present"},
	{"repas", fhirx.SD + "tddui-meal"},
}

// Values identical in every événement, made once and shared: the encoder
// only reads them.
var (
	evenementMeta   = profileMeta("tddui-encounter-evenement")
	evenementIDType = &fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.FRCoreCS + "fr-core-cs-identifier-type"), Code: fhirx.Str("VN")}}}
	evenementSystem = fhirx.Str(identifiant.SysEvenement)
	partType        = []fhir.CodeableConcept{fhirx.CC(terminology.Concept{System: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", Code: "PART"})}
	autType         = []fhir.CodeableConcept{fhirx.CC(terminology.Concept{System: fhirx.CS + "tddui-encounter-participant", Code: "AUT"})}
)

func buildEvenement(c *Context, r *record.Record) []Entry {
	x := &fhirx.Encounter{Encounter: fhir.Encounter{
		Meta:       evenementMeta,
		Identifier: []fhir.Identifier{{Type: evenementIDType, System: evenementSystem, Value: fhirx.Str(evenementID(c, r))}},
		Status:     encounterStatus(r),
		Class:      class(r),
		Type:       evenementTypes(r),
		Subject:    c.RefTo(r, "usager"),
		Period:     &fhir.Period{Start: fhirx.Str(r.Date("debut")), End: fhirx.Str(r.Date("fin"))},
		PartOf:     c.RefTo(r, "sejour"),
	}}
	e := &x.Encounter
	if lu := r.Date("derniere_modification"); lu != "" {
		m := *evenementMeta // the shared Meta is never written
		m.LastUpdated = &lu
		e.Meta = &m
	}
	x.Extension = c.evenementExtensions(r)
	e.Participant = c.participants(r)
	if l := c.RefTo(r, "lieu"); l != nil {
		e.Location = []fhir.EncounterLocation{{Location: *l}}
	}
	if u := r.Link("usager"); u != nil {
		e.ServiceProvider = c.RefTo(u, "structure")
	}
	c.checkPeriod(r, "debut", "fin")
	var extra []fhirx.Member
	if m, ok := r.Code("motif_annulation"); ok { // the extension takes a CodeableConcept
		extra = append(extra, fhirx.Member{Name: "_status", Value: fhirx.Element{
			Extension: []fhir.Extension{fhirx.ExtCC(fhirx.SD+"tddui-event-cancel-reason", m)}}})
	}
	return []Entry{c.entry(r, "Encounter", "tddui-encounter-evenement", with(x, extra))}
}

// evenementTypes: the SSIAD codes, the SERAFIN codes, then the free text
// (a data-absent-reason coding with the text, as the profile's slice says).
func evenementTypes(r *record.Record) []fhir.CodeableConcept {
	t := r.Str("type_libre")
	n := r.Len("type_ssiad") + r.Len("type_serafin")
	if n == 0 && t == "" {
		return nil
	}
	out := make([]fhir.CodeableConcept, 0, n+1)
	for _, col := range []string{"type_ssiad", "type_serafin"} {
		out = appendCodes(out, r, col)
	}
	if t != "" {
		out = append(out, fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.DataAbsent),
			Code: fhirx.Str("not-permitted"), Display: fhirx.Str("Not Permitted")}}, Text: fhirx.Str(t)})
	}
	return out
}

func (c *Context) evenementExtensions(r *record.Record) []fhirx.Ext {
	// sized exactly rather than regrown (as samply Extensions, ~0.5 KB
	// each, they were a third of what builders allocated)
	ru, hasRU := c.ressourcesUsed(r)
	n := len(r.LinksOf("documents"))
	if hasRU {
		n++
	}
	for _, x := range evenementStrings {
		n += r.Len(x.col)
	}
	for _, x := range evenementBools {
		n += r.Len(x.col)
	}
	ext := make([]fhirx.Ext, 0, n)
	if hasRU {
		ext = append(ext, ru)
	}
	for _, x := range evenementStrings {
		ext = appendXStrings(ext, r, x.col, x.url)
	}
	for _, x := range evenementBools {
		if b, ok := r.Bool(x.col); ok {
			ext = append(ext, fhirx.XBool(x.url, b))
		}
	}
	for _, d := range r.LinksOf("documents") {
		ext = append(ext, fhirx.XRef(fhirx.SD+"tddui-attachment", c.URL(d)))
	}
	return ext
}

// ressourcesUsed builds tddui-ressources-used and enforces the IG's
// invariants MatDetailOnlyIfTypeOrg206 and FacilityOnlyIfTypeOrg207.
func (c *Context) ressourcesUsed(r *record.Record) (fhirx.Ext, bool) {
	t, ok := r.Code("ressource_type")
	if !ok {
		for _, col := range []string{"materiel_detail", "locaux"} {
			if r.Has(col) {
				r.Reject(c.Rep, col, r.Str(col), "un type de ressource utilisée", "détail sans type de ressource")
			}
		}
		return fhirx.Ext{}, false
	}
	ext := fhirx.Ext{Url: fhirx.SD + "tddui-ressources-used",
		Extension: []fhirx.Ext{fhirx.XCC("TDDUIRessourceType", t)}}
	if m, ok := r.Code("materiel_detail"); ok {
		if t.Code != "ORG-206" {
			r.Reject(c.Rep, "materiel_detail", m.Code, "type de ressource ORG-206", "détail du matériel seulement pour le matériel spécialisé (MatDetailOnlyIfTypeOrg206)")
		}
		ext.Extension = append(ext.Extension, fhirx.XCC("TDDUIMaterialDetail", m))
	}
	if l := r.Str("locaux"); l != "" {
		if t.Code != "ORG-207" {
			r.Reject(c.Rep, "locaux", l, "type de ressource ORG-207", "locaux seulement pour ce type de ressource (FacilityOnlyIfTypeOrg207)")
		}
		ext.Extension = append(ext.Extension, fhirx.Ext{Url: "TDDUIFacilityResource", ValueCodeableConcept: &fhir.CodeableConcept{Text: fhirx.Str(l)}})
	}
	return ext, true
}

// participants: the professionals (PART), then the status author (AUT).
func (c *Context) participants(r *record.Record) []fhir.EncounterParticipant {
	pros, a := r.LinksOf("professionnels"), r.Link("auteur_statut")
	n := len(pros)
	if a != nil {
		n++
	}
	if n == 0 {
		return nil
	}
	out := make([]fhir.EncounterParticipant, 0, n)
	for _, p := range pros {
		out = append(out, fhir.EncounterParticipant{Type: partType, Individual: c.Ref(p)})
	}
	if a != nil {
		out = append(out, fhir.EncounterParticipant{Type: autType, Individual: c.Ref(a)})
	}
	return out
}

// appendXStrings appends a valueString extension per value of a column,
// a single value without the slice record.Strs makes (Str is its text).
func appendXStrings(ext []fhirx.Ext, r *record.Record, col, url string) []fhirx.Ext {
	switch r.Len(col) {
	case 0:
		return ext
	case 1:
		return append(ext, fhirx.XString(url, r.Str(col)))
	}
	for _, v := range r.Strs(col) {
		ext = append(ext, fhirx.XString(url, v))
	}
	return ext
}
