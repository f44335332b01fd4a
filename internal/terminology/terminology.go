// Package terminology answers "which codes may this cell hold?" from the IG's
// own published value sets (embedded at build time), the national ANS value
// sets the IG binds, and a small complement for external code systems that are
// not shipped with the IG (only the codes the IG names).
package terminology

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.json
var data embed.FS

// Concept is one code of a value set.
type Concept struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

// ValueSet is a flat list of concepts. Partial lists are those we only know
// part of (external terminologies not shipped with the IG): a code outside
// them is a warning, not an error.
type ValueSet struct {
	URL      string
	Title    string
	Partial  bool
	Concepts []Concept
	Systems  []string // code systems the value set draws on
	byCode   map[string]int
}

// System is the code system of a code taken from this value set when it has
// a single one (used for codes accepted from a partial list).
func (v *ValueSet) System() string {
	if len(v.Systems) == 1 {
		return v.Systems[0]
	}
	return ""
}

// Lookup returns the concept with this code, matched exactly then without
// regard to case.
func (v *ValueSet) Lookup(code string) (Concept, bool) {
	if i, ok := v.byCode[code]; ok {
		return v.Concepts[i], true
	}
	if i, ok := v.byCode[strings.ToUpper(code)]; ok {
		return v.Concepts[i], true
	}
	for _, c := range v.Concepts {
		if strings.EqualFold(c.Code, code) {
			return c, true
		}
	}
	return Concept{}, false
}

var (
	once   sync.Once
	sets   map[string]*ValueSet
	errSet error
)

// Get returns the value set with this canonical URL (without version).
func Get(url string) (*ValueSet, error) {
	once.Do(load)
	if errSet != nil {
		return nil, errSet
	}
	if vs, ok := sets[url]; ok {
		return vs, nil
	}
	return nil, fmt.Errorf("jeu de valeurs inconnu : %s", url)
}

// MustGet is Get for value sets named by the program itself (template
// definitions): a missing one is a programming error caught by tests.
func MustGet(url string) *ValueSet {
	vs, err := Get(url)
	if err != nil {
		panic(err)
	}
	return vs
}

// URLs lists every known value set, sorted.
func URLs() []string {
	once.Do(load)
	out := make([]string, 0, len(sets))
	for u := range sets {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// Display returns the display of a code in a code system, if any embedded
// value set knows it.
func Display(system, code string) string {
	once.Do(load)
	for _, vs := range sets {
		for _, c := range vs.Concepts {
			if c.System == system && c.Code == code && c.Display != "" {
				return c.Display
			}
		}
	}
	return ""
}

type fhirValueSet struct {
	ResourceType string `json:"resourceType"`
	URL          string `json:"url"`
	Title        string `json:"title"`
	Name         string `json:"name"`
	Compose      struct {
		Include []struct {
			System  string    `json:"system"`
			Concept []Concept `json:"concept"`
			Filter  []any     `json:"filter"`
		} `json:"include"`
	} `json:"compose"`
	Expansion *struct {
		Contains []Concept `json:"contains"`
	} `json:"expansion"`
	Entry []struct {
		Resource json.RawMessage `json:"resource"`
	} `json:"entry"`
}

type complements struct {
	ValueSets []struct {
		URL      string    `json:"url"`
		Title    string    `json:"title"`
		Partial  bool      `json:"partial"`
		Systems  []string  `json:"systems"`
		Concepts []Concept `json:"concepts"`
	} `json:"valueSets"`
}

func load() {
	sets = map[string]*ValueSet{}
	entries, err := data.ReadDir("data")
	if err != nil {
		errSet = err
		return
	}
	for _, e := range entries {
		b, err := data.ReadFile("data/" + e.Name())
		if err != nil {
			errSet = err
			return
		}
		switch {
		case e.Name() == "complements.json":
			var c complements
			if errSet = json.Unmarshal(b, &c); errSet != nil {
				return
			}
			for _, v := range c.ValueSets {
				add(&ValueSet{URL: v.URL, Title: v.Title, Partial: v.Partial, Systems: v.Systems, Concepts: v.Concepts})
			}
		case strings.HasPrefix(e.Name(), "ValueSet-"), e.Name() == "expansions.json":
			if errSet = addFHIR(b); errSet != nil {
				errSet = fmt.Errorf("%s: %w", e.Name(), errSet)
				return
			}
		}
	}
}

// addFHIR adds a ValueSet (expansion first, then enumerated compose) or a
// Bundle of them. A compose by filter only, with no expansion, yields a
// partial, empty list: codes are then checked for shape only.
func addFHIR(b []byte) error {
	var v fhirValueSet
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if v.ResourceType == "Bundle" {
		for _, e := range v.Entry {
			if err := addFHIR(e.Resource); err != nil {
				return err
			}
		}
		return nil
	}
	vs := &ValueSet{URL: v.URL, Title: v.Title}
	if vs.Title == "" {
		vs.Title = v.Name
	}
	if v.Expansion != nil && len(v.Expansion.Contains) > 0 {
		vs.Concepts = v.Expansion.Contains
	} else {
		for _, inc := range v.Compose.Include {
			if inc.System != "" {
				vs.Systems = append(vs.Systems, inc.System)
			}
			for _, c := range inc.Concept {
				c.System = inc.System
				vs.Concepts = append(vs.Concepts, c)
			}
			if len(inc.Concept) == 0 {
				vs.Partial = true
			}
		}
	}
	if len(vs.Concepts) == 0 {
		vs.Partial = true // known by URL only (expansion not published)
	}
	if old, ok := sets[vs.URL]; ok && len(old.Concepts) >= len(vs.Concepts) {
		return nil
	}
	add(vs)
	return nil
}

func add(vs *ValueSet) {
	vs.byCode = make(map[string]int, len(vs.Concepts))
	for i, c := range vs.Concepts {
		if c.System != "" && !contains(vs.Systems, c.System) {
			vs.Systems = append(vs.Systems, c.System)
		}
		if _, dup := vs.byCode[c.Code]; !dup {
			vs.byCode[c.Code] = i
		}
	}
	sets[vs.URL] = vs
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
