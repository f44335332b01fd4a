package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valyala/fastjson"
)

// Every slice group classifies a value as its slices' matchers do, one
// by one: checked on every object of the IG examples and of the
// mutations (each a candidate item of every sliced element).
func TestSliceGroupsAgreeWithMatchers(t *testing.T) {
	v := New(Options{TestData: true})
	c := &run{v: v, entry: -1, r: &reader{byRes: map[*fastjson.Value]*entryRes{}}}
	var items []*fastjson.Value
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f, "mutations") {
			var m mutationFile
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			b = m.Resource
		}
		doc, err := fastjson.ParseBytes(b) // a parser of its own: the trees live on
		if err != nil {
			t.Fatal(err)
		}
		items = collectObjects(items, doc, c)
	}
	groups := 0
	for _, p := range v.c.profiles {
		forEachGroup(p.tree, func(g *sliceGroup) {
			groups++
			for _, it := range items {
				var want uint64
				for i, m := range g.match {
					if m != nil && m.matches(it, nil, c) {
						want |= 1 << i
					}
				}
				if got := g.mask(it, nil, c); got != want {
					t.Fatalf("%s %s: mask %b, matchers %b for %s", p.url, g.seg.name, got, want, it)
				}
			}
		})
	}
	if groups < 20 {
		t.Fatalf("%d slice groups", groups)
	}
}

// collectObjects appends v's objects, v included; the resource of an
// object holding one is known to c as an entry's is to the Validator.
func collectObjects(out []*fastjson.Value, v *fastjson.Value, c *run) []*fastjson.Value {
	switch v.Type() {
	case fastjson.TypeObject:
		out = append(out, v)
		if res := obj(v, "resource"); res != nil {
			c.r.byRes[res] = &entryRes{tree: res, info: infoOf(res, shared.profiles)}
		}
		members(v, func(_ string, x *fastjson.Value) { out = collectObjects(out, x, c) })
	case fastjson.TypeArray:
		a, _ := v.Array()
		for _, it := range a {
			out = collectObjects(out, it, c)
		}
	}
	return out
}

func forEachGroup(n *ruleNode, f func(*sliceGroup)) {
	for _, g := range n.groups {
		f(g)
	}
	for _, k := range n.kids {
		forEachGroup(k, f)
	}
}
