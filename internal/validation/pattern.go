package validation

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/valyala/fastjson"
)

// pattern is a fixed or pattern[x] value of the definitions, compiled once
// for matchesPattern: the kind of JSON value, and what it holds.
type pattern struct {
	kind    fastjson.Type
	str     string
	num     float64
	members []patternMember // in key order
	items   []*pattern
}

type patternMember struct {
	key string
	p   *pattern
}

// compilePattern reads a fixed or pattern value of the definitions; what
// it cannot read (none of the embedded ones) is nil: no constraint.
func compilePattern(raw json.RawMessage) *pattern {
	var v any
	if json.Unmarshal(raw, &v) != nil || v == nil {
		return nil
	}
	return patternOf(v)
}

func patternOf(v any) *pattern {
	switch x := v.(type) {
	case map[string]any:
		p := &pattern{kind: fastjson.TypeObject}
		for k, val := range x {
			p.members = append(p.members, patternMember{k, patternOf(val)})
		}
		slices.SortFunc(p.members, func(a, b patternMember) int { return strings.Compare(a.key, b.key) })
		return p
	case []any:
		p := &pattern{kind: fastjson.TypeArray}
		for _, item := range x {
			p.items = append(p.items, patternOf(item))
		}
		return p
	case string:
		return &pattern{kind: fastjson.TypeString, str: x}
	case float64:
		return &pattern{kind: fastjson.TypeNumber, num: x}
	case bool:
		if x {
			return &pattern{kind: fastjson.TypeTrue}
		}
		return &pattern{kind: fastjson.TypeFalse}
	}
	return &pattern{kind: fastjson.TypeNull}
}

// matchesPattern is FHIR's pattern[x] test: every property of the pattern is
// in the value; each item of a pattern array matches some item of the value.
func matchesPattern(p *pattern, v *fastjson.Value) bool {
	v = present(v)
	if p == nil { // a null in the definitions
		return v == nil
	}
	switch p.kind {
	case fastjson.TypeObject:
		if !isObject(v) {
			return false
		}
		for _, pm := range p.members {
			if !matchesPattern(pm.p, get(v, pm.key)) {
				return false
			}
		}
		return true
	case fastjson.TypeArray:
		for _, pi := range p.items {
			if !someItemMatches(pi, v) {
				return false
			}
		}
		return true
	case fastjson.TypeString:
		return isString(v, p.str)
	case fastjson.TypeNumber:
		f, ok := number(v)
		return ok && f == p.num
	case fastjson.TypeNull:
		return v == nil
	}
	return v != nil && v.Type() == p.kind // true, false
}

// someItemMatches tells whether an item of v (v itself, when it is not an
// array) matches p.
func someItemMatches(p *pattern, v *fastjson.Value) bool {
	a, ok := items(v)
	if !ok {
		return matchesPattern(p, v)
	}
	for _, item := range a {
		if matchesPattern(p, item) {
			return true
		}
	}
	return false
}

// number reads v when it is a number, from its literal: the tree keeps it
// as the document spells it.
func number(v *fastjson.Value) (float64, bool) {
	if v == nil || v.Type() != fastjson.TypeNumber {
		return 0, false
	}
	var buf [32]byte
	f, err := strconv.ParseFloat(view(v.MarshalTo(buf[:0])), 64)
	return f, err == nil
}

// compact prints a pattern or fixed value in messages: compact JSON, keys
// sorted.
func (p *pattern) compact() string {
	b, _ := json.Marshal(p.std())
	return string(b)
}

func (p *pattern) std() any {
	switch p.kind {
	case fastjson.TypeObject:
		m := make(map[string]any, len(p.members))
		for _, pm := range p.members {
			m[pm.key] = pm.p.std()
		}
		return m
	case fastjson.TypeArray:
		out := make([]any, len(p.items))
		for i, item := range p.items {
			out[i] = item.std()
		}
		return out
	case fastjson.TypeString:
		return p.str
	case fastjson.TypeNumber:
		return p.num
	case fastjson.TypeTrue:
		return true
	case fastjson.TypeFalse:
		return false
	}
	return nil
}
