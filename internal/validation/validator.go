package validation

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Options of a Validator.
type Options struct {
	// TestData downgrades a wrong NIR/INS key to a warning: the IG's own
	// example identities do not have valid keys.
	TestData bool
	// Lang is "fr" (default) or "en".
	Lang string
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
// bounded cache): a resource found again, byte for byte, in another Bundle
// is not checked again, only its references are, against its new Bundle.
type Validator struct {
	opts     Options
	en       bool
	c        *compiled
	cache    *resultCache
	decoders sync.Pool // *decoder, with the blocks of the documents checked before
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
	src     string // the source read in place (see keep)
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
	c.kept(&is)
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

// Bundle validates a Bundle, or any single resource, and returns the issues.
func (v *Validator) Bundle(raw []byte) []Issue {
	var l IssueList
	v.ReportTo(raw, &l)
	return l
}

// Resource validates one resource (a Bundle is a resource too).
func (v *Validator) Resource(raw []byte) []Issue { return v.Bundle(raw) }

// ReportTo validates raw JSON and sends each issue to rep. A Bundle's
// entry resources are checked only when the Validator has not seen their
// bytes yet.
func (v *Validator) ReportTo(raw []byte, rep Reporter) {
	d, _ := v.decoders.Get().(*decoder)
	if d == nil {
		d = &decoder{}
	}
	defer v.decoders.Put(d) // once the tree is out of use
	defer d.release()
	src := view(raw)
	if res, err := v.decode(d, src); err == nil {
		v.check(res, src, rep)
		return
	}
	// What the decoder refuses, encoding/json says why (or decodes).
	var std any
	if err := json.Unmarshal(raw, &std); err != nil {
		c := &run{v: v, rep: rep, entry: -1}
		c.report(Error, "", "json", "", "", err)
		return
	}
	res, _ := std.(map[string]any)
	v.Value(res, rep)
}

// decode decodes a document and its entry resources, but those of a
// Bundle the cache knows; another resource than a Bundle gets its entries
// (if any) back as plain trees.
func (v *Validator) decode(d *decoder, src string) (*object, error) {
	d.reset(src, true, v.cache.mayHold)
	doc, err := d.document()
	if err != nil {
		return nil, err
	}
	res, _ := doc.(*object)
	bundle := res.get("resourceType") == "Bundle"
	for _, e := range res.arr("entry") {
		em, _ := e.(*object)
		for i, p := range em.members() {
			er, ok := p.v.(*entryRes)
			if !ok {
				continue
			}
			if bundle && er.tree == nil { // delimited: the cache may know it
				fullURL, _ := em.str("fullUrl")
				er.key = v.cache.key(fullURL, er.src)
				if er.res = v.cache.get(er.key); er.res != nil {
					er.info, er.tree = er.res.info, nil
					continue
				}
			}
			if er.tree == nil {
				if err := d.decodeEntry(er); err != nil {
					return nil, err
				}
			}
			if !bundle {
				em.m[i].v = er.tree
				continue
			}
			er.info = infoOf(er.tree, v.c.profiles)
		}
	}
	// What a repeated key hid from the tree must be valid JSON all the same.
	for _, er := range d.delim {
		if er.tree == nil && er.res == nil {
			if err := d.decodeEntry(er); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// Value validates an already decoded resource (map from encoding/json), for
// callers that hold the tree anyway. It does not modify it: the checks run
// on a copy in the validator's own form (members in key order).
func (v *Validator) Value(res map[string]any, rep Reporter) {
	tree, _ := fromStd(res).(*object)
	if tree.get("resourceType") == "Bundle" {
		for _, e := range tree.arr("entry") {
			em, _ := e.(*object)
			for i, p := range em.members() {
				if sub, ok := p.v.(*object); ok && p.k == "resource" {
					em.m[i].v = &entryRes{tree: sub, info: infoOf(sub, v.c.profiles)}
				}
			}
		}
	}
	v.check(tree, "", rep)
}

// check validates a decoded resource whose entries (for a Bundle) are
// *entryRes with their tree or their cached result; src is the source the
// tree views, if any.
func (v *Validator) check(res *object, src string, rep Reporter) {
	c := &run{v: v, rep: rep, entry: -1, src: src}
	t, _ := res.str("resourceType")
	if t == "" {
		c.report(Error, "", "resourceType", "", "")
		return
	}
	entries := res.arr("entry")
	if t == "Bundle" {
		c.bundle = newBundleIndex(entries, v.c.profiles)
	}
	c.path = append(c.path[:0], t...)
	c.resource(res)
	if c.bundle == nil {
		return
	}
	for i, e := range entries {
		em, _ := e.(*object)
		er, _ := em.get("resource").(*entryRes)
		if er == nil {
			continue
		}
		fullURL, _ := em.str("fullUrl")
		prefix := "Bundle.entry[" + strconv.Itoa(i) + "].resource"
		seen := er.src != "" && v.cache.noteURL(fullURL)
		switch {
		case er.res != nil:
			c.replay(er.res, i, fullURL, prefix)
		case seen:
			if er.key == (cacheKey{}) { // decoded at once, its fullUrl new then
				er.key = v.cache.key(fullURL, er.src)
			}
			er.res = c.record(er.tree, prefix)
			er.res.info = er.info
			er.res.detach()
			v.cache.put(er.key, er.res)
			c.replay(er.res, i, fullURL, prefix)
		default:
			c.inPlace(er.tree, i, fullURL, prefix)
		}
	}
}

// inPlace checks an entry resource seen for the first time, reporting its
// issues at once: most resources of a run are in one Bundle only, and
// recording their issues for the cache (copies, then the cache's churn)
// cost more than checking them. A resource is remembered when its fullUrl
// comes back: the shared ones are checked twice in a run, not once.
func (c *run) inPlace(tree *object, i int, fullURL, prefix string) {
	c.atEntry(i, fullURL)
	c.path = append(c.path[:0], prefix...)
	c.resource(tree)
}

// record checks an entry resource on its own, recording its issues.
func (c *run) record(tree *object, prefix string) *result {
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
func (c *run) resource(res *object) {
	t, _ := res.str("resourceType")
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

func (c *run) applyProfile(p *profile, root any) {
	p.tree.apply(root, nil, c)
	for _, inv := range p.invs {
		inv.run(root, c, p)
	}
}

// profilesFor lists the profiles to apply, each once, ancestors included.
func (c *run) profilesFor(out []*profile, res *object, t string) []*profile {
	add := func(p *profile) {
		for q := p; q != nil; q = q.base {
			if !slices.Contains(out, q) {
				out = append(out, q)
			}
		}
	}
	declared := res.obj("meta").arr("profile")
	i := -1 // among the strings, as declaredProfiles counts
	for _, d := range declared {
		u, ok := d.(string)
		if !ok {
			continue
		}
		i++
		u = stripVersion(u)
		p, ok := c.v.c.profiles[u]
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
