package validation

import (
	"strconv"
	"strings"

	"github.com/valyala/fastjson"
)

// kid is one value of the instance below its parent, without its path:
// paths are only spelled out when an issue is reported (see run.push).
// A primitive's extensions live beside it in "_name": ext holds that
// object. idx is the position in an array, -1 for a single value.
type kid struct {
	v   *fastjson.Value
	ext *fastjson.Value // an object, or nil
	key string
	idx int
}

// seg is one step of an element id: a name, maybe a choice ("value[x]"),
// maybe restricted to a slice.
type seg struct {
	name  string // without [x]
	under string // "_" + name: the key of a primitive's extensions
	// the summaryBit of name and under (see pair)
	nameBit, underBit uint64
	choice            bool
	slice             string
	match             *sliceMatcher // nil: no slice filter
}

func newSeg(name string) seg {
	s := seg{name: name, under: "_" + name}
	s.nameBit, s.underBit = summaryBit(s.name), summaryBit(s.under)
	return s
}

// splitID cuts "Encounter.identifier:idStay.system" after the root type.
func splitID(id string) []seg {
	parts := strings.Split(id, ".")[1:]
	out := make([]seg, len(parts))
	for i, p := range parts {
		name, slice, _ := strings.Cut(p, ":")
		name, choice := strings.CutSuffix(name, "[x]")
		out[i] = newSeg(name)
		out[i].slice, out[i].choice = slice, choice
	}
	return out
}

// kidsOf appends the values of one step below (v, ext), filtered by its
// slice, to out (the run's stack of kids: no allocation once it has grown).
func kidsOf(out []kid, v, ext *fastjson.Value, s *seg, ctx *run) []kid {
	base := len(out)
	out = plainKids(out, v, ext, s)
	if s.match == nil || s.choice {
		return out
	}
	kept := out[:base]
	for i := base; i < len(out); i++ {
		if s.match.matches(out[i].v, out[i].ext, ctx) {
			kept = append(kept, out[i])
		}
	}
	return kept // what lies beyond is overwritten by the next appends
}

// plainKids appends the values of one step, slices ignored. It calls no
// matcher: escape analysis keeps its callers' arrays on the stack.
func plainKids(out []kid, v, ext *fastjson.Value, s *seg) []kid {
	if !s.choice {
		return valuesOf(v, ext, s).appendTo(out)
	}
	m := v
	if !isObject(m) {
		m = ext
	}
	members(m, func(k string, x *fastjson.Value) {
		if isChoiceKey(k, s.name) && (s.slice == "" || k == s.slice) {
			out = valuesAt(k, x, twin(m, k)).appendTo(out)
		}
	})
	return out
}

func isChoiceKey(k, base string) bool {
	return len(k) > len(base) && strings.HasPrefix(k, base) && k[len(base)] >= 'A' && k[len(base)] <= 'Z'
}

// values are the values of one key, read in place: an array gives one per
// item, anything else (but nothing) one. It is small: it is made for every
// step of every rule.
type values struct {
	n   int
	key string
	v   *fastjson.Value // the value of key
	ext *fastjson.Value // the value of "_key"
}

// valuesOf reads the values of a plain step (not a choice) below (v, ext).
func valuesOf(v, ext *fastjson.Value, s *seg) values { return valuesIn(v, ext, s, allKeys) }

// valuesIn is valuesOf, keys summarising the keys of stepObject(v, ext).
func valuesIn(v, ext *fastjson.Value, s *seg, keys uint64) values {
	val, e := pair(stepObject(v, ext), s, keys)
	return valuesAt(s.name, val, e)
}

// stepObject is the object whose members are the values of a step below
// (v, ext): v's, or the extensions of a primitive; nil if neither is
// one. (GetObject inlines, isObject does not.)
func stepObject(v, ext *fastjson.Value) *fastjson.Object {
	if o := v.GetObject(); o != nil {
		return o
	}
	return ext.GetObject()
}

// valuesAt reads the value(s) v of key k, ext that of "_k"; a null is no
// value. Most steps find nothing, and most values no twin: the helpers
// (not inlined) are called only for a value.
func valuesAt(k string, v, ext *fastjson.Value) values {
	vs := values{key: k}
	if v != nil {
		vs.v = present(v)
	}
	if ext != nil {
		vs.ext = present(ext)
	}
	switch {
	case vs.v != nil && vs.v.Type() == fastjson.TypeArray:
		a, _ := vs.v.Array() // no error: an array
		vs.n = len(a)
	case vs.v != nil || vs.ext != nil && isObject(vs.ext):
		vs.n = 1
	}
	return vs
}

// at is the i-th value. It tests the types itself (Type inlines, items
// does not): it runs for every value of every step.
func (vs *values) at(i int) kid {
	if vs.v == nil || vs.v.Type() != fastjson.TypeArray {
		k := kid{v: vs.v, key: vs.key, idx: -1}
		if vs.ext != nil {
			k.ext = objectOrNil(vs.ext)
		}
		return k
	}
	a, _ := vs.v.Array() // no error: an array
	k := kid{v: present(a[i]), key: vs.key, idx: i}
	if vs.ext != nil && vs.ext.Type() == fastjson.TypeArray {
		if extArr, _ := vs.ext.Array(); i < len(extArr) {
			k.ext = objectOrNil(extArr[i])
		}
	}
	return k
}

func (vs values) appendTo(out []kid) []kid {
	for i := range vs.n {
		out = append(out, vs.at(i))
	}
	return out
}

// anyAt tells whether some value at the path below (v, ext) matches the
// pattern: a discriminator path ("coding.system"), without slices.
func anyAt(v, ext *fastjson.Value, path []seg, p *pattern) bool {
	if len(path) == 0 {
		return matchesPattern(p, v)
	}
	vs := valuesOf(v, ext, &path[0])
	for i := range vs.n {
		if k := vs.at(i); anyAt(k.v, k.ext, path[1:], p) {
			return true
		}
	}
	return false
}

var extensionSeg = newSeg("extension")

// push appends a step to the current path ("parent.key[idx]") and returns
// the length to cut back to.
func (c *run) push(key string, idx int) int {
	mark := len(c.path)
	if mark > 0 {
		c.path = append(c.path, '.')
	}
	c.path = append(c.path, key...)
	if idx >= 0 {
		c.path = append(c.path, '[')
		c.path = strconv.AppendInt(c.path, int64(idx), 10)
		c.path = append(c.path, ']')
	}
	return mark
}

func (c *run) pop(mark int) { c.path = c.path[:mark] }

// at is the current path, spelled out for an issue.
func (c *run) at() string { return string(c.path) }

// atChild is the path of a step below the current one, for an issue.
func (c *run) atChild(key string, idx int) string {
	mark := c.push(key, idx)
	p := string(c.path)
	c.pop(mark)
	return p
}
