package validation

import (
	"math/bits"

	"github.com/valyala/fastjson"
)

// sliceGroup is the sibling slices of one element below a rule node (the
// 21 entry slices of the Bundle, the inputs of a Task...). Each slice used
// to test every value of the element; the group reads each value's
// discriminator once instead, and finds the slices it selects in indexes
// keyed by discriminator value: a value's slices come as a mask of bits,
// one per slice of the group.
type sliceGroup struct {
	seg    seg
	pos    int               // among the groups of the node
	urls   map[string]uint64 // condURL: the url
	profs  map[string]uint64 // condProfile: a profile the entry's resource claims
	vals   []*valueIndex     // condValue on a string: the string at a path
	codes  []*codeIndex      // condValue on a one-coding CodeableConcept pattern
	verify uint64            // slices with other conditions, tested in full when indexed
	tested uint64            // slices without an indexed condition, tested in full
	match  [64]*sliceMatcher // by bit
}

// valueIndex: the slices whose discriminator is a string at path.
type valueIndex struct {
	path []seg
	by   map[string]uint64
}

// codeIndex: the slices whose discriminator is a CodeableConcept at path
// with one coding of a system and a code (FHIR's pattern test, indexed).
type codeIndex struct {
	path []seg
	by   map[[2]string]uint64
}

// groupSlices arranges the slice kids of n by element, for the elements
// with several slices (a group holds at most 64).
func (n *ruleNode) groupSlices() {
	byName := map[string]*sliceGroup{}
	for _, k := range n.kids {
		if k.seg.match == nil || k.seg.choice {
			continue
		}
		g := byName[k.seg.name]
		if g == nil {
			g = &sliceGroup{seg: newSeg(k.seg.name)}
			byName[k.seg.name] = g
		}
		if g.size() < 64 {
			k.group, k.bit = g, uint64(1)<<g.size()
			g.add(k.seg.match, k.bit)
		}
	}
	for _, k := range n.kids { // in the order of the kids, groups of one left out
		if g := k.group; g != nil && g.size() < 2 {
			k.group, k.bit = nil, 0
		} else if g != nil && !containsGroup(n.groups, g) {
			g.pos = len(n.groups)
			n.groups = append(n.groups, g)
		}
	}
	for _, k := range n.kids {
		k.groupSlices()
	}
}

func containsGroup(gs []*sliceGroup, g *sliceGroup) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

func (g *sliceGroup) size() int {
	n := 0
	for n < len(g.match) && g.match[n] != nil {
		n++
	}
	return n
}

// add puts a slice in the index of its first indexable condition; a slice
// without one is tested in full, one without conditions matches nothing.
func (g *sliceGroup) add(m *sliceMatcher, bit uint64) {
	g.match[bits.TrailingZeros64(bit)] = m
	for i := range m.conds {
		if g.index(&m.conds[i], bit) {
			if len(m.conds) > 1 {
				g.verify |= bit
			}
			return
		}
	}
	if len(m.conds) > 0 {
		g.tested |= bit
	}
}

func (g *sliceGroup) index(c *cond, bit uint64) bool {
	switch c.kind {
	case condURL:
		g.urls = addBit(g.urls, c.url, bit)
		return true
	case condProfile:
		g.profs = addBit(g.profs, c.url, bit)
		return true
	case condValue:
		if c.value != nil && c.value.kind == fastjson.TypeString {
			ix := valueIndexFor(&g.vals, c.path)
			ix.by = addBit(ix.by, c.value.str, bit)
			return true
		}
		if k, ok := oneCoding(c.value); ok {
			ix := codeIndexFor(&g.codes, c.path)
			ix.by = addBit(ix.by, k, bit)
			return true
		}
	}
	return false
}

func addBit[K comparable](m map[K]uint64, k K, bit uint64) map[K]uint64 {
	if m == nil {
		m = map[K]uint64{}
	}
	m[k] |= bit
	return m
}

func valueIndexFor(ixs *[]*valueIndex, path []seg) *valueIndex {
	for _, ix := range *ixs {
		if samePath(ix.path, path) {
			return ix
		}
	}
	ix := &valueIndex{path: path}
	*ixs = append(*ixs, ix)
	return ix
}

func codeIndexFor(ixs *[]*codeIndex, path []seg) *codeIndex {
	for _, ix := range *ixs {
		if samePath(ix.path, path) {
			return ix
		}
	}
	ix := &codeIndex{path: path}
	*ixs = append(*ixs, ix)
	return ix
}

func samePath(a, b []seg) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].name != b[i].name {
			return false
		}
	}
	return true
}

// oneCoding reads a pattern {"coding": [{"system": s, "code": c}]}, with
// nothing else: the value matches it when one of its codings has both.
func oneCoding(p *pattern) ([2]string, bool) {
	if p == nil || p.kind != fastjson.TypeObject || len(p.members) != 1 || p.members[0].key != "coding" {
		return [2]string{}, false
	}
	a := p.members[0].p
	if a == nil || a.kind != fastjson.TypeArray || len(a.items) != 1 {
		return [2]string{}, false
	}
	c := a.items[0]
	if c == nil || c.kind != fastjson.TypeObject || len(c.members) != 2 {
		return [2]string{}, false
	}
	sys, code := c.members[1], c.members[0] // in key order: code, system
	if sys.key != "system" || code.key != "code" || sys.p.kind != fastjson.TypeString || code.p.kind != fastjson.TypeString {
		return [2]string{}, false
	}
	return [2]string{sys.p.str, code.p.str}, true
}

// classify pushes onto out the number of values of the group's element
// below (v, ext), then the mask of the slices each value belongs to.
func (g *sliceGroup) classify(out []uint64, v, ext *fastjson.Value, c *run) []uint64 {
	vs := valuesOf(v, ext, &g.seg)
	out = append(out, uint64(vs.n))
	for i := range vs.n {
		k := vs.at(i)
		out = append(out, g.mask(k.v, k.ext, c))
	}
	return out
}

// mask is the slices a value belongs to: as sliceMatcher.matches says of
// each, the indexes giving the candidates.
func (g *sliceGroup) mask(v, ext *fastjson.Value, c *run) uint64 {
	m := g.indexed(v, ext, c)
	for b := m & g.verify; b != 0; b &= b - 1 {
		bit := b & -b
		if !g.match[bits.TrailingZeros64(bit)].matches(v, ext, c) {
			m &^= bit
		}
	}
	for b := g.tested; b != 0; b &= b - 1 {
		bit := b & -b
		if g.match[bits.TrailingZeros64(bit)].matches(v, ext, c) {
			m |= bit
		}
	}
	return m
}

func (g *sliceGroup) indexed(v, ext *fastjson.Value, c *run) uint64 {
	var m uint64
	if g.urls != nil {
		if u, ok := str(v, "url"); ok {
			m |= g.urls[u]
		}
	}
	if g.profs != nil {
		m |= g.claimed(v, c)
	}
	for _, ix := range g.vals {
		m |= ix.lookup(v, ext, ix.path)
	}
	for _, ix := range g.codes {
		m |= ix.lookup(v, ext, ix.path)
	}
	return m
}

// claimed: the slices of the profiles an entry's resource declares, or
// their ancestors (resInfo.claims).
func (g *sliceGroup) claimed(entry *fastjson.Value, c *run) uint64 {
	info := c.resInfo(get(entry, "resource"))
	if info == nil {
		return 0
	}
	var m uint64
	for i, d := range info.profiles {
		m |= g.profs[d]
		for q := info.known[i]; q != nil; q = q.base {
			m |= g.profs[q.url]
		}
	}
	return m
}

// lookup: the slices of the strings at path below (v, ext) (anyAt).
func (ix *valueIndex) lookup(v, ext *fastjson.Value, path []seg) uint64 {
	if len(path) == 0 {
		if s, ok := text(v); ok {
			return ix.by[s]
		}
		return 0
	}
	var m uint64
	vs := valuesOf(v, ext, &path[0])
	for i := range vs.n {
		k := vs.at(i)
		m |= ix.lookup(k.v, k.ext, path[1:])
	}
	return m
}

// lookup: the slices of the codings of the CodeableConcepts at path below
// (v, ext) (anyAt, then matchesPattern of a one-coding pattern).
func (ix *codeIndex) lookup(v, ext *fastjson.Value, path []seg) uint64 {
	if len(path) == 0 {
		cv := get(v, "coding")
		a, ok := items(cv)
		if !ok {
			return ix.coding(cv)
		}
		var m uint64
		for _, item := range a {
			m |= ix.coding(item)
		}
		return m
	}
	var m uint64
	vs := valuesOf(v, ext, &path[0])
	for i := range vs.n {
		k := vs.at(i)
		m |= ix.lookup(k.v, k.ext, path[1:])
	}
	return m
}

func (ix *codeIndex) coding(v *fastjson.Value) uint64 {
	sys, ok1 := str(v, "system")
	code, ok2 := str(v, "code")
	if !ok1 || !ok2 {
		return 0
	}
	return ix.by[[2]string{sys, code}]
}
