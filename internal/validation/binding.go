package validation

import (
	"github.com/tddui/tddui/internal/terminology"
	"github.com/valyala/fastjson"
)

// boundSet is a value set prepared for membership tests.
type boundSet struct {
	url     string
	known   bool // false: not embedded, the binding cannot be checked
	partial bool // only part of the codes is known: misses are warnings
	bySys   map[coding]bool
	byCode  map[string]bool
}

type valueSets struct {
	m       map[string]*boundSet
	unknown map[string]bool
}

func newValueSets() *valueSets {
	return &valueSets{m: map[string]*boundSet{}, unknown: map[string]bool{}}
}

// get prepares a value set from internal/terminology once.
func (s *valueSets) get(url string) *boundSet {
	url = stripVersion(url)
	if b, ok := s.m[url]; ok {
		return b
	}
	b := &boundSet{url: url, bySys: map[coding]bool{}, byCode: map[string]bool{}}
	if vs, err := terminology.Get(url); err == nil {
		b.known, b.partial = true, vs.Partial
		for _, c := range vs.Concepts {
			b.bySys[coding{c.System, c.Code}] = true
			b.byCode[c.Code] = true
		}
	} else {
		s.unknown[url] = true
	}
	s.m[url] = b
	return b
}

type coding struct {
	System string `json:"system"`
	Code   string `json:"code"`
}

func (b *boundSet) has(c coding) bool {
	if c.System == "" {
		return b.byCode[c.Code]
	}
	return b.bySys[c]
}

// codings appends the codings of a code, a Coding or a CodeableConcept to
// out (callers pass a stack array's slice: no allocation for a few).
func codings(out []coding, v *fastjson.Value) []coding {
	if s, ok := text(v); ok {
		return append(out, coding{Code: s})
	}
	if !isObject(v) {
		return out
	}
	if a, ok := items(get(v, "coding")); ok {
		for _, m := range a {
			if isObject(m) {
				s, _ := str(m, "system")
				cd, _ := str(m, "code")
				out = append(out, coding{s, cd})
			}
		}
		return out
	}
	if cd, ok := str(v, "code"); ok {
		s, _ := str(v, "system")
		return append(out, coding{s, cd})
	}
	return out
}

// check applies a required binding: one coding of the value must be in
// the set (FHIR's rule for CodeableConcept).
func (b *boundSet) check(v *fastjson.Value, r *rule, ctx *run) {
	if !b.known {
		return
	}
	var buf [4]coding
	cs := codings(buf[:0], v)
	for _, c := range cs {
		if b.has(c) {
			return
		}
	}
	shown := "(aucun)"
	if len(cs) > 0 {
		shown = cs[0].System + "#" + cs[0].Code
		if cs[0].System == "" {
			shown = cs[0].Code
		}
	}
	if b.partial && len(cs) > 0 {
		ctx.rule(Warning, ctx.at(), "binding.partial", r, shown, b.url)
		return
	}
	ctx.rule(Error, ctx.at(), "binding", r, shown, b.url)
}
