package validation

import "github.com/valyala/fastjson"

// ruleNode is one step of the element ids of a profile's rules, shared by
// every rule below it: "Bundle.entry:DUIPatient", ".resource", ".request"
// and ".request.method" find the entries of the slice once, not once per
// rule (the slice matching was the costliest part of the checks).
type ruleNode struct {
	seg  seg
	ends []*rule // rules whose element is this step
	kids []*ruleNode
	// the slice groups of the kids (see sliceGroup); a kid in one has its bit
	groups []*sliceGroup
	group  *sliceGroup
	bit    uint64
}

// ruleTree arranges the rules by their steps, in the order of the rules.
func ruleTree(rules []*rule) *ruleNode {
	root := &ruleNode{}
	for _, r := range rules {
		n := root
		for _, s := range r.segs {
			n = n.child(s)
		}
		n.ends = append(n.ends, r)
	}
	root.groupSlices()
	return root
}

func (n *ruleNode) child(s seg) *ruleNode {
	for _, k := range n.kids {
		if k.seg.name == s.name && k.seg.choice == s.choice && k.seg.slice == s.slice {
			return k
		}
	}
	k := &ruleNode{seg: s}
	n.kids = append(n.kids, k)
	return k
}

// summaryMin is the number of kids from which apply summarises the keys
// of the object they look up (see keySummary): reading every key once
// costs about as much as two lookups of a missing key.
const summaryMin = 5

// apply runs the rules below n from a value (a resource or an extension)
// whose path is the run's current one.
// The values of the sliced elements are classified first, once for all
// their slices: the run's stack of masks holds, for each group, the count
// of values then the slices of each (see sliceGroup.classify).
func (n *ruleNode) apply(v, ext *fastjson.Value, c *run) {
	base := len(c.masks)
	for _, g := range n.groups {
		c.masks = g.classify(c.masks, v, ext, c)
	}
	keys := c.r.keys
	if len(n.kids) >= summaryMin {
		keys = keySummary(stepObject(v, ext))
	}
	for _, k := range n.kids {
		k.visit(v, ext, c, base, keys)
	}
	c.masks = c.masks[:base]
}

// visit finds the values of this step below (v, ext), checks the rules
// that end here (cardinality, then each value), and goes on below each.
// The values of a plain step or a slice are read in place; those of a
// choice are gathered first.
func (n *ruleNode) visit(v, ext *fastjson.Value, c *run, masks int, keys uint64) {
	switch {
	case n.seg.choice:
		n.visitGathered(v, ext, c)
	case n.seg.match != nil:
		n.visitSlice(v, ext, c, masks, keys)
	default:
		vs := valuesIn(v, ext, &n.seg, keys)
		for _, r := range n.ends {
			r.checkCard(vs.n, vs.at, &n.seg, c)
		}
		for i := range vs.n {
			n.enter(vs.at(i), c)
		}
	}
}

// visitSlice visits the values of the element that belong to the slice:
// their indexes sit on the run's stack of hits, above those of the slices
// being visited (which the visits below push onto in turn, maybe moving
// it: hence indexes, not a slice kept across them).
func (n *ruleNode) visitSlice(v, ext *fastjson.Value, c *run, masks int, keys uint64) {
	vs := valuesIn(v, ext, &n.seg, keys)
	base := len(c.hits)
	if n.group != nil {
		c.hits = n.groupHits(c.hits, c.masks, masks)
	} else {
		for i := range vs.n {
			if k := vs.at(i); n.seg.match.matches(k.v, k.ext, c) {
				c.hits = append(c.hits, i)
			}
		}
	}
	count := len(c.hits) - base
	at := func(i int) kid { return vs.at(c.hits[base+i]) }
	for _, r := range n.ends {
		r.checkCard(count, at, &n.seg, c)
	}
	for i := range count {
		n.enter(at(i), c)
	}
	c.hits = c.hits[:base]
}

// visitGathered visits the values of a choice: they sit on the run's
// stack of kids, as hits do for a slice.
func (n *ruleNode) visitGathered(v, ext *fastjson.Value, c *run) {
	base := len(c.kids)
	c.kids = kidsOf(c.kids, v, ext, &n.seg, c)
	count := len(c.kids) - base
	at := func(i int) kid { return c.kids[base+i] }
	for _, r := range n.ends {
		r.checkCard(count, at, &n.seg, c)
	}
	for i := range count {
		n.enter(c.kids[base+i], c)
	}
	c.kids = c.kids[:base]
}

// enter checks one value against the rules that end here, and goes on
// below it.
func (n *ruleNode) enter(k kid, c *run) {
	mark := c.push(k.key, k.idx)
	for _, r := range n.ends {
		r.checkValue(k, &n.seg, c)
	}
	n.apply(k.v, k.ext, c)
	c.pop(mark)
}

// groupHits appends the indexes of the values in the slice, as its group
// classified them: its masks follow those of the groups before it, from
// masks[base].
func (n *ruleNode) groupHits(hits []int, masks []uint64, base int) []int {
	i := base
	for range n.group.pos {
		i += 1 + int(masks[i])
	}
	count := int(masks[i])
	for j, m := range masks[i+1 : i+1+count] {
		if m&n.bit != 0 {
			hits = append(hits, j)
		}
	}
	return hits
}
