package validation

import (
	"strconv"
	"strings"
)

// node is one value of the instance with its FHIRPath-like location. A
// primitive's extensions live beside it in "_name": ext holds that object.
type node struct {
	v    any
	ext  map[string]any
	path string
}

// seg is one step of an element id: a name, maybe a choice ("value[x]"),
// maybe restricted to a slice.
type seg struct {
	name   string // without [x]
	choice bool
	slice  string
	match  *sliceMatcher // nil: no slice filter
}

// splitID cuts "Encounter.identifier:idStay.system" after the root type.
func splitID(id string) []seg {
	parts := strings.Split(id, ".")[1:]
	out := make([]seg, len(parts))
	for i, p := range parts {
		name, slice, _ := strings.Cut(p, ":")
		s := seg{name: name, slice: slice}
		if strings.HasSuffix(name, "[x]") {
			s.name, s.choice = strings.TrimSuffix(name, "[x]"), true
		}
		out[i] = s
	}
	return out
}

// children returns the values of one step below n, filtered by its slice.
func children(n node, s seg, ctx *run) []node {
	m, _ := n.v.(map[string]any)
	if m == nil {
		m = n.ext
	}
	if m == nil {
		return nil
	}
	var out []node
	if s.choice {
		for k := range m {
			if isChoiceKey(k, s.name) && (s.slice == "" || k == s.slice) {
				out = appendValues(out, n.path, k, m[k], m["_"+k])
			}
		}
		return out
	}
	out = appendValues(out, n.path, s.name, m[s.name], m["_"+s.name])
	if s.match == nil {
		return out
	}
	kept := out[:0]
	for _, c := range out {
		if s.match.matches(c, ctx) {
			kept = append(kept, c)
		}
	}
	return kept
}

func isChoiceKey(k, base string) bool {
	return len(k) > len(base) && strings.HasPrefix(k, base) && k[len(base)] >= 'A' && k[len(base)] <= 'Z'
}

// appendValues adds the value(s) of key k: arrays give one node per item.
func appendValues(out []node, parent, k string, v, ext any) []node {
	p := k
	if parent != "" {
		p = parent + "." + k
	}
	if arr, ok := v.([]any); ok {
		extArr, _ := ext.([]any)
		for i, item := range arr {
			var e map[string]any
			if i < len(extArr) {
				e, _ = extArr[i].(map[string]any)
			}
			out = append(out, node{v: item, ext: e, path: p + "[" + strconv.Itoa(i) + "]"})
		}
		return out
	}
	e, _ := ext.(map[string]any)
	if v == nil && e == nil {
		return out
	}
	return append(out, node{v: v, ext: e, path: p})
}

// eval walks several steps from n.
func eval(n node, segs []seg, ctx *run) []node {
	cur := []node{n}
	for _, s := range segs {
		var next []node
		for _, c := range cur {
			next = append(next, children(c, s, ctx)...)
		}
		if len(next) == 0 {
			return nil
		}
		cur = next
	}
	return cur
}

// simplePath evaluates a discriminator path ("coding.system") without slices.
func simplePath(n node, names []string) []node {
	cur := []node{n}
	for _, name := range names {
		var next []node
		for _, c := range cur {
			next = append(next, children(c, seg{name: name}, nil)...)
		}
		cur = next
	}
	return cur
}
