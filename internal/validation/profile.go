package validation

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

//go:embed data/sd/*.json data/base/*.json
var sdFS embed.FS

// sdFile is a trimmed StructureDefinition: the differential elements with
// only what validation needs (min, max, fixed/pattern without their type
// suffix, required bindings, types and target profiles, slicing, invariants).
// "codes" enumerates an R4 required binding inline (the base tables).
type sdFile struct {
	URL      string    `json:"url"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Base     string    `json:"base"`
	Kind     string    `json:"kind"`
	Context  []string  `json:"context"`
	Source   string    `json:"source"`
	Elements []element `json:"elements"`
}

type element struct {
	ID         string          `json:"id"`
	Min        *int            `json:"min"`
	Max        string          `json:"max"`
	Fixed      json.RawMessage `json:"fixed"`
	Pattern    json.RawMessage `json:"pattern"`
	Binding    string          `json:"binding"`
	Codes      []string        `json:"codes"`
	Type       []elemType      `json:"type"`
	Slicing    *slicing        `json:"slicing"`
	Constraint []struct {
		Key string `json:"key"`
	} `json:"constraint"`
}

type elemType struct {
	Code          string   `json:"code"`
	Profile       []string `json:"profile"`
	TargetProfile []string `json:"targetProfile"`
}

type slicing struct {
	Discriminator []struct {
		Type string `json:"type"`
		Path string `json:"path"`
	} `json:"discriminator"`
	Rules string `json:"rules"`
}

// profile is a compiled StructureDefinition: its rules, ready to run.
type profile struct {
	url, typ string
	isExt    bool
	context  []string
	base     *profile
	elems    map[string]*element // own elements by id
	rules    []*rule
	tree     *ruleNode // the rules by element, as they run
	invs     []invariant
}

// loadSDs reads every embedded definition.
func loadSDs() (map[string]*sdFile, error) {
	out := map[string]*sdFile{}
	for _, dir := range []string{"data/sd", "data/base"} {
		entries, err := sdFS.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			b, err := sdFS.ReadFile(path.Join(dir, e.Name()))
			if err != nil {
				return nil, err
			}
			var sd sdFile
			if err := json.Unmarshal(b, &sd); err != nil {
				return nil, fmt.Errorf("%s: %w", e.Name(), err)
			}
			out[sd.URL] = &sd
		}
	}
	return out, nil
}

// compileAll links every profile to its base and compiles its rules; a
// profile's slices may be declared in its ancestors (FR Core slicing), so
// rules are compiled once the whole chain is known.
func compileAll(sds map[string]*sdFile, vs *valueSets) (map[string]*profile, error) {
	ps := map[string]*profile{}
	for u, sd := range sds {
		p := &profile{url: u, typ: sd.Type, isExt: sd.Type == "Extension" && sd.Kind == "complex-type", context: sd.Context, elems: map[string]*element{}}
		for i := range sd.Elements {
			p.elems[sd.Elements[i].ID] = &sd.Elements[i]
		}
		ps[u] = p
	}
	for u, sd := range sds {
		ps[u].base = ps[stripVersion(sd.Base)]
	}
	for u, sd := range sds {
		p := ps[u]
		for i := range sd.Elements {
			r, err := compileRule(p, &sd.Elements[i], vs)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", u, sd.Elements[i].ID, err)
			}
			if r != nil {
				p.rules = append(p.rules, r)
			}
			for _, c := range sd.Elements[i].Constraint {
				inv, ok := invariants[c.Key]
				if !ok {
					return nil, fmt.Errorf("%s: invariant %s has no implementation", u, c.Key)
				}
				p.invs = append(p.invs, inv)
			}
		}
		p.tree = ruleTree(p.rules)
	}
	return ps, nil
}

// lookup finds an element by id in the profile or its ancestors (nearest wins).
func (p *profile) lookup(id string) *element {
	for q := p; q != nil; q = q.base {
		if e, ok := q.elems[id]; ok {
			return e
		}
	}
	return nil
}

// lookupWith finds the nearest element with this id that satisfies ok: a
// profile may restate an element (say its min) without its ancestor's slicing.
func (p *profile) lookupWith(id string, ok func(*element) bool) *element {
	for q := p; q != nil; q = q.base {
		if e, found := q.elems[id]; found && ok(e) {
			return e
		}
	}
	return nil
}

// chain lists the profile and its ancestors, nearest first.
func (p *profile) chain() []*profile {
	var out []*profile
	for q := p; q != nil; q = q.base {
		out = append(out, q)
	}
	return out
}

// derivesFrom tells whether p is url or one of its descendants (never, for
// a nil p).
func (p *profile) derivesFrom(url string) bool {
	for q := p; q != nil; q = q.base {
		if q.url == url {
			return true
		}
	}
	return false
}

func stripVersion(u string) string {
	if i := strings.IndexByte(u, '|'); i >= 0 {
		return u[:i]
	}
	return u
}
