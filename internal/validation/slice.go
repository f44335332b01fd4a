package validation

import (
	"encoding/json"
	"strings"

	"github.com/valyala/fastjson"
)

// sliceMatcher decides whether an item belongs to a slice: every condition
// (one per discriminator) must hold. It is built once from the definitions.
type sliceMatcher struct {
	conds []cond
}

type condKind int

const (
	condValue    condKind = iota // value at path matches pattern
	condURL                      // extension url equals
	condExtValue                 // extension(url).value matches pattern
	condProfile                  // resource declares the profile (or a descendant)
)

type cond struct {
	kind  condKind
	path  []seg
	value *pattern
	url   string
}

func (m *sliceMatcher) matches(v, ext *fastjson.Value, ctx *run) bool {
	if len(m.conds) == 0 {
		return false
	}
	for i := range m.conds {
		if !m.conds[i].holds(v, ext, ctx) {
			return false
		}
	}
	return true
}

func (c *cond) holds(v, ext *fastjson.Value, ctx *run) bool {
	switch c.kind {
	case condURL:
		return isString(get(v, "url"), c.url)
	case condExtValue:
		var buf [8]kid
		for _, e := range plainKids(buf[:0], v, ext, &extensionSeg) {
			if isString(get(e.v, "url"), c.url) && c.hasValue(e.v) {
				return true
			}
		}
		return false
	case condProfile:
		return ctx != nil && ctx.declares(get(v, "resource"), c.url)
	}
	return anyAt(v, ext, c.path, c.value)
}

// hasValue tells whether the extension em has a value[x] matching the
// condition's pattern.
func (c *cond) hasValue(em *fastjson.Value) bool {
	found := false
	members(em, func(k string, x *fastjson.Value) {
		found = found || isChoiceKey(k, "value") && matchesPattern(c.value, x)
	})
	return found
}

// buildMatcher reads the slicing of the sliced element and the slice's own
// elements. A discriminator that the slice does not constrain is left out
// (the slice then matches on the others).
func buildMatcher(p *profile, sliceID string) *sliceMatcher {
	slicedID := sliceID[:strings.LastIndexByte(sliceID, ':')]
	sl := p.lookupWith(slicedID, func(e *element) bool { return e.Slicing != nil })
	m := &sliceMatcher{}
	var discs []struct{ Type, Path string }
	if sl != nil && sl.Slicing != nil {
		for _, d := range sl.Slicing.Discriminator {
			discs = append(discs, struct{ Type, Path string }{d.Type, d.Path})
		}
	} else if strings.HasSuffix(slicedID, "xtension") {
		discs = append(discs, struct{ Type, Path string }{"value", "url"}) // implicit on extensions
	}
	for _, d := range discs {
		if c, ok := discCond(p, sliceID, d.Type, d.Path); ok {
			m.conds = append(m.conds, c)
		}
	}
	return m
}

func discCond(p *profile, sliceID, typ, dpath string) (cond, bool) {
	switch {
	case typ == "profile":
		if e := p.lookupWith(sliceID+"."+dpath, hasProfile); e != nil {
			return cond{kind: condProfile, url: stripVersion(e.Type[0].Profile[0])}, true
		}
	case dpath == "url":
		if e := p.lookupWith(sliceID+".url", hasValue); e != nil && e.Fixed != nil {
			var u string
			_ = json.Unmarshal(e.Fixed, &u)
			return cond{kind: condURL, url: u}, true
		}
		if self := p.lookupWith(sliceID, hasProfile); self != nil {
			return cond{kind: condURL, url: stripVersion(self.Type[0].Profile[0])}, true
		}
	case strings.HasPrefix(dpath, "extension('"):
		url := strings.TrimSuffix(strings.TrimPrefix(dpath, "extension('"), "').value")
		for q := p; q != nil; q = q.base {
			for id, e := range q.elems {
				if strings.HasPrefix(id, sliceID+".extension:") && strings.HasSuffix(id, ".value[x]") && e.Pattern != nil {
					return cond{kind: condExtValue, url: url, value: compilePattern(e.Pattern)}, true
				}
			}
		}
	default:
		if e := p.lookupWith(sliceID+"."+dpath, hasValue); e != nil {
			raw := e.Pattern
			if raw == nil {
				raw = e.Fixed
			}
			var path []seg
			for _, name := range strings.Split(dpath, ".") {
				path = append(path, newSeg(name))
			}
			return cond{kind: condValue, path: path, value: compilePattern(raw)}, true
		}
	}
	return cond{}, false
}

func hasProfile(e *element) bool { return len(e.Type) > 0 && len(e.Type[0].Profile) > 0 }

func hasValue(e *element) bool { return e.Pattern != nil || e.Fixed != nil }
