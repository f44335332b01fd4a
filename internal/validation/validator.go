package validation

import (
	"encoding/json"
	"fmt"
	"sort"
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
		shared = &compiled{profiles: ps, sets: sets}
	})
	return shared, errC
}

// Validator checks resources; it is safe for concurrent use.
type Validator struct {
	opts Options
	en   bool
	c    *compiled
}

// New returns a Validator. The embedded definitions are compiled on the
// first call; a broken definition is a build defect and panics (tests load it).
func New(o Options) *Validator {
	c, err := load()
	if err != nil {
		panic(fmt.Sprintf("validation: embedded definitions: %v", err))
	}
	return &Validator{opts: o, en: strings.HasPrefix(strings.ToLower(o.Lang), "en"), c: c}
}

// run is the state of one validation call.
type run struct {
	v       *Validator
	rep     Reporter
	bundle  *bundleIndex
	entry   int
	fullURL string
}

func (c *run) report(sev Severity, path, name, prof, elem string, args ...any) {
	c.rep.Report(Issue{Severity: sev, Path: path, Rule: name, Element: elem, Profile: prof,
		Message: c.v.msg(name, args...), EntryIndex: c.entry, FullURL: c.fullURL})
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

// ReportTo validates raw JSON and sends each issue to rep.
func (v *Validator) ReportTo(raw []byte, rep Reporter) {
	var doc any
	c := &run{v: v, rep: rep, entry: -1}
	if err := json.Unmarshal(raw, &doc); err != nil {
		c.report(Error, "", "json", "", "", err)
		return
	}
	res, _ := doc.(map[string]any)
	v.Value(res, rep)
}

// Value validates an already decoded resource (map from encoding/json), for
// callers that hold the tree anyway.
func (v *Validator) Value(res map[string]any, rep Reporter) {
	c := &run{v: v, rep: rep, entry: -1}
	t, _ := res["resourceType"].(string)
	if t == "" {
		c.report(Error, "", "resourceType", "", "")
		return
	}
	if t == "Bundle" {
		entries, _ := res["entry"].([]any)
		c.bundle = newBundleIndex(entries)
	}
	c.resource(res, t)
	if c.bundle == nil {
		return
	}
	entries, _ := res["entry"].([]any)
	for i, e := range entries {
		em, _ := e.(map[string]any)
		sub, _ := em["resource"].(map[string]any)
		if sub == nil {
			continue
		}
		c.entry = i
		c.fullURL, _ = em["fullUrl"].(string)
		c.resource(sub, fmt.Sprintf("Bundle.entry[%d].resource", i))
	}
}

// resource applies every profile the resource declares (with their
// ancestors) and the R4 base of its type, then walks it for extensions,
// primitive formats and identifiers.
func (c *run) resource(res map[string]any, path string) {
	t, _ := res["resourceType"].(string)
	if t == "" {
		c.report(Error, path, "resourceType", "", "")
		return
	}
	root := node{v: res, path: path}
	for _, p := range c.profilesFor(res, t, path) {
		c.applyProfile(p, root)
	}
	c.walk(res, t, path, "")
}

func (c *run) applyProfile(p *profile, root node) {
	for _, r := range p.rules {
		r.apply(root, c)
	}
	for _, inv := range p.invs {
		inv.run(root, c, p)
	}
}

// profilesFor lists the profiles to apply, each once, ancestors included.
func (c *run) profilesFor(res map[string]any, t, path string) []*profile {
	seen := map[string]bool{}
	var out []*profile
	add := func(p *profile) {
		for _, q := range p.chain() {
			if !seen[q.url] {
				seen[q.url] = true
				out = append(out, q)
			}
		}
	}
	for i, u := range declaredProfiles(res) {
		p, ok := c.v.c.profiles[u]
		ppath := fmt.Sprintf("%s.meta.profile[%d]", path, i)
		switch {
		case !ok && strings.HasPrefix(u, igSD):
			c.report(Error, ppath, "profile.unknown", u, "", u)
		case !ok:
			c.report(Information, ppath, "profile.unchecked", u, "", u)
		case p.typ != t:
			c.report(Error, ppath, "profile.type", u, "", u, p.typ, t)
		default:
			add(p)
		}
	}
	if p, ok := c.v.c.profiles[coreSD+t]; ok {
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
