// Package build turns resolved records into FHIR resources, one small file
// per IG profile. Builders report the problems they find at the record's
// cells and keep going; a record with an error is marked Bad, so that its
// usager's bundle is not written.
package build

import (
	"sync"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

// Options of the build stage.
type Options struct {
	TestData  bool   // NIR/INS key errors become warnings (test identities)
	UsagerKey string // "local" (default) or "ins": the usager part of business identifiers
	BaseDir   string // folder that Documents' file paths are relative to
}

// Entry is one resource with what the bundle needs to carry it.
type Entry struct {
	FullURL  string
	Type     string // resource type
	Profile  string // profile id (tddui-patient-ins…)
	Resource any
	Record   *record.Record
	// JSON is the encoded resource, when it was encoded ahead (the shared
	// resources every bundle of a run carries are encoded once).
	JSON []byte
}

// Context is shared by the builders of one conversion.
type Context struct {
	Opt Options
	Rep *report.Report
	Set *link.Set

	back   map[string]map[*record.Record][]*record.Record // reverse links, built on demand (referrers)
	backMu sync.Mutex                                     // builders run on several goroutines

	prepare sync.Once // the builders' prepare functions, run once before any build

	// urls memoises the fullUrls and references of the rows owned by no
	// usager, of the usagers and of the rows whose children refer to them
	// (memoised): every événement and transport references them, and a
	// fullUrl is a SHA-1 (UUID v5). Other rows are referenced a few times.
	urls sync.Map // *record.Record → *memo

	// usagerIDs memoises UsagerID: every row a usager owns starts its
	// business identifier (and the key of its fullUrl) with it.
	usagerIDs sync.Map // *record.Record → string
}

// memo is a row's fullUrl and the reference to it, shared by the
// resources that refer to it.
type memo struct {
	url string
	ref fhir.Reference
}

// manyRefs are the sheets owned by a usager whose rows are referenced by
// many rows of their usager: an événement by séjour and lieu, the rows of a
// projet personnalisé by their projet.
var manyRefs = map[string]bool{templates.SheetSejours: true, templates.SheetLieux: true, templates.SheetProjets: true}

func memoised(r *record.Record) bool { return len(r.Sheet.Owner) == 0 || manyRefs[r.Sheet.Key] }

// memoOf is the memo of a memoised row, made on first use.
func (c *Context) memoOf(r *record.Record) *memo {
	if m, ok := c.urls.Load(r); ok {
		return m.(*memo)
	}
	m := &memo{url: c.fullURL(r)}
	m.ref.Reference = &m.url
	actual, _ := c.urls.LoadOrStore(r, m)
	return actual.(*memo)
}

func (c *Context) fullURL(r *record.Record) string {
	b := builders[r.Sheet.Key]
	if b.url != nil {
		return b.url(c, r)
	}
	return identifiant.FullURL(b.key(c, r))
}

// builder builds one sheet's rows: key gives the stable identity the
// fullUrl derives from (before anything is built, so that references can
// be written in any order); build gives the resources.
type builder struct {
	key func(c *Context, r *record.Record) string
	// url, set instead of key, gives the fullUrl itself: a business
	// identifier hashed in parts is two strings fewer than its key.
	url   func(c *Context, r *record.Record) string
	build func(c *Context, r *record.Record) []Entry
	// prepare, when set, runs on every row of the sheet before any row is
	// built: a row may hang links on another's (an unstructured evaluation
	// gives its documents to its événement, which carries them).
	prepare func(c *Context, r *record.Record)
}

var builders = map[string]builder{}

func register(sheet string, b builder) { builders[sheet] = b }

// Build builds the resources of one record (none for sheets that are not
// resources, such as Paramètres).
func (c *Context) Build(r *record.Record) []Entry {
	c.Prepare()
	b, ok := builders[r.Sheet.Key]
	if !ok {
		return nil
	}
	return b.build(c, r)
}

// Prepare runs the builders' prepare functions (once). Build calls it;
// call it before building on several goroutines: prepare mutates rows.
func (c *Context) Prepare() { c.prepare.Do(c.prepareRows) }

func (c *Context) prepareRows() {
	for _, sh := range c.Set.Template.Sheets {
		if p := builders[sh.Key].prepare; p != nil {
			for _, r := range c.Set.Sheets[sh.Key] {
				p(c, r)
			}
		}
	}
}

// URL is the fullUrl of a record's main resource.
func (c *Context) URL(r *record.Record) string {
	if memoised(r) {
		return c.memoOf(r).url
	}
	return c.fullURL(r)
}

// Ref is a reference to a record's main resource. It may be shared by
// every resource that refers to the record: read only (copy it to add a
// display or an extension).
func (c *Context) Ref(r *record.Record) *fhirRef {
	if memoised(r) {
		return &c.memoOf(r).ref
	}
	return fhirx.Ref(c.URL(r))
}

// RefTo is a reference to the record a Ref column names, or nil; read
// only, as Ref's.
func (c *Context) RefTo(r *record.Record, col string) *fhirRef {
	if t := r.Link(col); t != nil {
		return c.Ref(t)
	}
	return nil
}

// UsagerID is the usager part of every business identifier:
// 3 + FINESS / local id (or INS, as the structure chose).
func (c *Context) UsagerID(u *record.Record) string {
	if id, ok := c.usagerIDs.Load(u); ok {
		return id.(string)
	}
	id := c.usagerID(u)
	c.usagerIDs.Store(u, id)
	return id
}

func (c *Context) usagerID(u *record.Record) string {
	finess := ""
	if s := u.Link("structure"); s != nil {
		finess = s.Str("finess")
	}
	local := u.Key
	if c.Opt.UsagerKey == "ins" && u.Str("ins") != "" {
		local = u.Str("ins")
	}
	return identifiant.Usager(finess, local)
}

// Owner is the usager a record belongs to (it may be nil when the link is
// broken; the record is then already rejected).
func (c *Context) ownerID(r *record.Record) string {
	if u := link.Owner(r); u != nil {
		return c.UsagerID(u)
	}
	return "?"
}

// entry makes an Entry for a record's main resource.
func (c *Context) entry(r *record.Record, typ, profile string, res any) Entry {
	return Entry{FullURL: c.URL(r), Type: typ, Profile: profile, Resource: res, Record: r}
}

// metas are the Meta of each TDDUI profile, made on first use and shared
// by every resource that claims the profile: read only (a resource that
// adds lastUpdated copies it).
var metas sync.Map // profile id → *fhir.Meta

// profileMeta is the shared Meta of a TDDUI profile id.
func profileMeta(profile string) *fhir.Meta {
	if m, ok := metas.Load(profile); ok {
		return m.(*fhir.Meta)
	}
	m, _ := metas.LoadOrStore(profile, fhirx.Meta(fhirx.SD+profile))
	return m.(*fhir.Meta)
}

// with is the resource to encode: res wrapped with its extra members, or
// res itself when there are none (the encoder treats both alike; the With
// would be one more allocation).
func with(res any, extra []fhirx.Member) any {
	if len(extra) == 0 {
		return res
	}
	return fhirx.With{Resource: res, Extra: extra}
}

// profileNames are the names the IG examples use as request.url.
var profileNames = map[string]string{
	"tddui-patient": "TDDUIPatient", "tddui-patient-ins": "TDDUIPatientINS",
	"tddui-organization": "TDDUIOrganization", "tddui-practitioner": "TDDUIPractitioner",
	"tddui-practitioner-role": "TDDUIPractitionerRole", "tddui-related-person-contact": "TDDUIRelatedPersonContact",
	"tddui-encounter-sejour": "TDDUIEncounterSejour", "tddui-encounter-evenement": "TDDUIEncounterEvenement",
	"tddui-task-transport-professionnel": "TDDUITaskTransportProfessionnel",
	"tddui-task-transport-usager":        "TDDUITaskTransportUsager",
	"tddui-document-reference":           "TDDUIDocumentReference",
	"tddui-questionnaire-response":       "TDDUIQuestionnaireResponse",
	"tddui-careplan-projet-personnalise": "TDDUICarePlanProjetPersonnalise",
	"tddui-consent-accord":               "TDDUIConsentAccord",
	"tddui-goal-attente":                 "TDDUIGoalAttente",
	"tddui-goal-objectif":                "TDDUIGoalObjectif",
	"tddui-service-request-besoin":       "TDDUIServiceRequestBesoin",
	"tddui-task-action":                  "TDDUITaskAction",
	"tddui-task-moyen-ressource":         "TDDUITaskMoyenRessource",
	"tddui-task-prestation":              "TDDUITaskPrestation",
	"tddui-task-bilan":                   "TDDUITaskBilan",
}

// ProfileName is the IG name of a profile id ("" when it has none).
func ProfileName(profile string) string { return profileNames[profile] }

type fhirRef = fhir.Reference

// appendCodes appends a CodeableConcept per code of a column. A single code
// is read without the slice record.Codes makes (the same concept: both
// parse the column's first value).
func appendCodes(out []fhir.CodeableConcept, r *record.Record, col string) []fhir.CodeableConcept {
	switch r.Len(col) {
	case 0:
		return out
	case 1:
		con, _ := r.Code(col)
		return append(out, fhirx.CC(con))
	}
	for _, con := range r.Codes(col) {
		out = append(out, fhirx.CC(con))
	}
	return out
}
