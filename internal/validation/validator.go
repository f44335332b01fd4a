package validation

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/valyala/fastjson"
)

// Options of a Validator.
type Options struct {
	// TestData downgrades a wrong NIR/INS key to a warning: the IG's own
	// example identities do not have valid keys.
	TestData bool
	// Lang is "fr" (default) or "en".
	Lang string
	// Encoded says that every document comes from encoding/json, or an
	// encoder giving its bytes (the converter's, see fhirx.AppendValue):
	// valid UTF-8 and JSON, each key once in an object, every number
	// finite. What such bytes cannot hold is then not looked for (see
	// reader.readEncoded); every check of the profiles still runs. Not for
	// documents from elsewhere (tddui validate).
	Encoded bool
}

// compiled is the embedded IG, compiled once per process and shared.
type compiled struct {
	profiles map[string]*profile
	core     map[string]*profile // the R4 base profiles, by resource type
	sets     *valueSets
}

var (
	once   sync.Once
	shared *compiled
	errC   error
)

func load() (*compiled, error) {
	once.Do(func() {
		sds, err := loadSDs()
		if err != nil {
			errC = err
			return
		}
		sets := newValueSets()
		ps, err := compileAll(sds, sets)
		if err != nil {
			errC = err
			return
		}
		for _, p := range ps {
			for _, r := range p.rules {
				r.resolveTargets(ps)
			}
		}
		core := map[string]*profile{}
		for u, p := range ps {
			if t, ok := strings.CutPrefix(u, coreSD); ok {
				core[t] = p
			}
		}
		shared = &compiled{profiles: ps, core: core, sets: sets}
	})
	return shared, errC
}

// Validator checks resources; it is safe for concurrent use. It remembers
// the results of the Bundle entries whose fullUrl it had seen before (a
// bounded cache): a resource found again, the same, in another Bundle is
// not checked again, only its references are, against its new Bundle.
type Validator struct {
	opts  Options
	en    bool
	c     *compiled
	cache *resultCache
}

// readers are the readers of the documents checked before, of any
// Validator: a reader holds nothing of its Validator, and its parser
// reuses the values of the previous trees. A free list, not a sync.Pool:
// a pool is emptied by the garbage collector, and a new parser grows its
// values again, Bundle after Bundle, up to the size of the largest: at a
// million rows, a collection every few seconds. The list keeps a few
// readers (as many as Bundles are checked at once, in a conversion);
// more are made when more are needed, and dropped when it is full.
var readers = make(chan *reader, 4*runtime.GOMAXPROCS(0))

func getReader() *reader {
	select {
	case r := <-readers:
		return r
	default:
		return &reader{byRes: map[*fastjson.Value]*entryRes{}}
	}
}

func putReader(r *reader) {
	select {
	case readers <- r:
	default:
	}
}

// New returns a Validator. The embedded definitions are compiled on the
// first call; a broken definition is a build defect and panics (tests load it).
func New(o Options) *Validator {
	c, err := load()
	if err != nil {
		panic(fmt.Sprintf("validation: embedded definitions: %v", err))
	}
	return &Validator{opts: o, en: strings.HasPrefix(strings.ToLower(o.Lang), "en"), c: c, cache: newResultCache(cacheSize)}
}

// run is the state of one validation call. path is the location of the
// value being checked, elem the same without indices ("Encounter.status");
// they grow and shrink as the checks descend, and become strings only in
// issues. While rec is set (an entry resource), issues are recorded with
// their path after its first base bytes instead of reported.
type run struct {
	v       *Validator
	rep     Reporter
	bundle  *bundleIndex
	r       *reader // the document's, with a Bundle's entries by resource
	entry   int
	fullURL string
	urlCopy string // fullURL as the issues keep it (see keptURL)
	path    []byte
	elem    []byte
	rec     *result
	base    int
	kids    []kid    // the values of the choices being visited (ruleNode.visitGathered)
	hits    []int    // the indexes of the slices' values being visited (ruleNode.visitSlice)
	masks   []uint64 // the slices of the values of the sliced elements being visited (ruleNode.apply)
	text    []byte   // while recording, the references' paths and values (see result.seal)
	events  []event  // while recording, the events (see result.seal)
}

func (c *run) report(sev Severity, path, name, prof, elem string, args ...any) {
	is := Issue{Severity: sev, Path: path, Rule: name, Element: elem, Profile: prof, Message: c.v.msg(name, args...)}
	if c.rec != nil {
		c.events = append(c.events, event{path: path[c.base:], is: &is})
		return
	}
	is.EntryIndex, is.FullURL = c.entry, c.keptURL()
	c.rep.Report(is)
}

func (c *run) rule(sev Severity, path, name string, r *rule, args ...any) {
	c.report(sev, path, name, r.prof.url, r.id, args...)
}

// keptURL is the entry's fullUrl for its issues, copied once per entry:
// the issues outlive the tree (the other strings an issue holds are its
// own, or the definitions', or copied where they are reported).
func (c *run) keptURL() string {
	if c.urlCopy == "" {
		c.urlCopy = strings.Clone(c.fullURL)
	}
	return c.urlCopy
}

// atEntry makes entry i, of fullURL, the one being reported.
func (c *run) atEntry(i int, fullURL string) {
	c.entry, c.fullURL, c.urlCopy = i, fullURL, ""
}

// Bundle validates a Bundle, or any single resource, and returns the issues.
func (v *Validator) Bundle(raw []byte) []Issue {
	var l IssueList
	v.ReportTo(raw, &l)
	return l
}

// Resource validates one resource (a Bundle is a resource too).
func (v *Validator) Resource(raw []byte) []Issue { return v.Bundle(raw) }

// ReportTo validates raw JSON and sends each issue to rep. A Bundle's
// entry resources are checked only when the Validator has not seen them
// yet.
func (v *Validator) ReportTo(raw []byte, rep Reporter) {
	r := getReader()
	defer putReader(r) // once the tree is out of use
	defer r.release()
	read := r.read
	if v.opts.Encoded {
		read = r.readEncoded
	}
	doc, err := read(raw)
	if err != nil {
		v.unreadable(raw, err, rep)
		return
	}
	v.entries(r, doc)
	v.check(doc, r, rep)
}

// unreadable reports a document that is not JSON, with encoding/json's
// words for what is wrong (the messages do not change with the parser),
// or fastjson's when encoding/json reads it: nested deeper than
// fastjson.MaxDepth (300) levels.
func (v *Validator) unreadable(raw []byte, err error, rep Reporter) {
	var std any
	if e := json.Unmarshal(raw, &std); e != nil {
		err = e
	}
	c := &run{v: v, rep: rep, entry: -1}
	c.report(Error, "", "json", "", "", err)
}

// entries reads the resources of a Bundle's entries: each one's info,
// and its result when the cache holds it. They are found by their tree,
// for the checks that read an entry's resource (see run.resInfo).
func (v *Validator) entries(r *reader, doc *fastjson.Value) {
	if !isString(get(doc, "resourceType"), "Bundle") {
		return
	}
	es := arr(doc, "entry")
	r.ents = slices.Grow(r.ents[:0], len(es))[:len(es)] // zeroed by release
	for i, em := range es {
		res := obj(em, "resource")
		if res == nil {
			continue
		}
		er := &r.ents[i]
		er.tree, r.byRes[res] = res, er
		if fullURL, _ := str(em, "fullUrl"); v.cache.mayHold(fullURL) {
			er.key, er.keyed = r.key(v.cache, fullURL, res), true
			if er.res = v.cache.get(er.key); er.res != nil {
				er.info = er.res.info
				continue
			}
		}
		er.info = infoOf(res, v.c.profiles)
	}
}

// Value validates an already decoded resource (map from encoding/json), for
// callers that hold the tree anyway. It does not modify it: the checks run
// on its JSON (members in key order).
func (v *Validator) Value(res map[string]any, rep Reporter) {
	raw, err := json.Marshal(res)
	if err != nil {
		c := &run{v: v, rep: rep, entry: -1}
		c.report(Error, "", "json", "", "", err)
		return
	}
	v.ReportTo(raw, rep)
}

// check validates a parsed resource, read by r.
func (v *Validator) check(res *fastjson.Value, r *reader, rep Reporter) {
	c := &run{v: v, rep: rep, entry: -1, r: r}
	t, _ := str(res, "resourceType")
	if t == "" {
		c.report(Error, "", "resourceType", "", "")
		return
	}
	entries := arr(res, "entry")
	if t == "Bundle" {
		c.bundle = c.newBundleIndex(entries)
	}
	c.path = append(c.path[:0], t...)
	c.resource(res)
	if c.bundle == nil {
		return
	}
	for i, em := range entries {
		if er := r.byRes[obj(em, "resource")]; er != nil {
			c.entry1(er, i, em)
		}
	}
}

// entry1 checks the resource of entry i, em: replays its result if the
// cache holds it, records it for the cache if its fullUrl came before,
// checks it in place otherwise.
func (c *run) entry1(er *entryRes, i int, em *fastjson.Value) {
	fullURL, _ := str(em, "fullUrl")
	prefix := "Bundle.entry[" + strconv.Itoa(i) + "].resource"
	switch {
	case er.res != nil:
		c.replay(er.res, i, fullURL, prefix)
	case c.v.cache.noteURL(fullURL):
		if !er.keyed { // its fullUrl new when the entries were read
			er.key = c.r.key(c.v.cache, fullURL, er.tree)
		}
		er.res = c.record(er.tree, prefix)
		er.res.info = er.info
		er.res.detach()
		c.v.cache.put(er.key, er.res)
		c.replay(er.res, i, fullURL, prefix)
	default:
		c.inPlace(er.tree, i, fullURL, prefix)
	}
}

// inPlace checks an entry resource seen for the first time, reporting its
// issues at once: most resources of a run are in one Bundle only, and
// recording their issues for the cache (copies, then the cache's churn)
// cost more than checking them. A resource is remembered when its fullUrl
// comes back: the shared ones are checked twice in a run, not once.
func (c *run) inPlace(tree *fastjson.Value, i int, fullURL, prefix string) {
	c.atEntry(i, fullURL)
	c.path = append(c.path[:0], prefix...)
	c.resource(tree)
}

// record checks an entry resource on its own, recording its issues.
func (c *run) record(tree *fastjson.Value, prefix string) *result {
	rec := &result{}
	c.rec, c.base, c.text, c.events = rec, len(prefix), c.text[:0], c.events[:0]
	c.path = append(c.path[:0], prefix...)
	c.resource(tree)
	rec.seal(c.events, c.text)
	c.rec = nil
	return rec
}

// resource applies every profile the resource declares (with their
// ancestors) and the R4 base of its type, then walks it for extensions,
// primitive formats and identifiers. The run's path is the resource's.
func (c *run) resource(res *fastjson.Value) {
	t, _ := str(res, "resourceType")
	if t == "" {
		c.report(Error, c.at(), "resourceType", "", "")
		return
	}
	var buf [8]*profile
	for _, p := range c.profilesFor(buf[:0], res, t) {
		c.applyProfile(p, res)
	}
	c.elem = append(c.elem[:0], t...)
	c.walk(res, "")
}

func (c *run) applyProfile(p *profile, root *fastjson.Value) {
	p.tree.apply(root, nil, c)
	for _, inv := range p.invs {
		inv.run(root, c, p)
	}
}

// profilesFor lists the profiles to apply, each once, ancestors included.
func (c *run) profilesFor(out []*profile, res *fastjson.Value, t string) []*profile {
	add := func(p *profile) {
		for q := p; q != nil; q = q.base {
			if !slices.Contains(out, q) {
				out = append(out, q)
			}
		}
	}
	declared := arr(obj(res, "meta"), "profile")
	i := -1 // among the strings, as declaredProfiles counts
	for _, d := range declared {
		u, ok := text(d)
		if !ok {
			continue
		}
		i++
		u = stripVersion(u)
		p, ok := c.v.c.profiles[u]
		if !ok || p.typ != t {
			u = strings.Clone(u) // the issue outlives the tree
		}
		switch {
		case !ok && strings.HasPrefix(u, igSD):
			c.report(Error, c.at()+".meta.profile["+strconv.Itoa(i)+"]", "profile.unknown", u, "", u)
		case !ok:
			c.report(Information, c.at()+".meta.profile["+strconv.Itoa(i)+"]", "profile.unchecked", u, "", u)
		case p.typ != t:
			c.report(Error, c.at()+".meta.profile["+strconv.Itoa(i)+"]", "profile.type", u, "", u, p.typ, t)
		default:
			add(p)
		}
	}
	if p, ok := c.v.c.core[t]; ok {
		add(p)
	}
	return out
}

const igSD = "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/"

// UncheckedValueSets lists the value sets bound (required) by the embedded
// profiles that internal/terminology does not hold: those bindings are skipped.
func UncheckedValueSets() []string {
	c, err := load()
	if err != nil {
		return nil
	}
	var out []string
	for u := range c.sets.unknown {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}
