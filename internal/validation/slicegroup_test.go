package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every slice group classifies a value as its slices' matchers do, one
// by one: checked on every object of the IG examples and of the
// mutations (each a candidate item of every sliced element).
func TestSliceGroupsAgreeWithMatchers(t *testing.T) {
	v := New(Options{TestData: true})
	c := &run{v: v, entry: -1}
	var items []any
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
		var std any
		if err := json.Unmarshal(b, &std); err != nil {
			t.Fatal(err)
		}
		items = collectObjects(items, fromStd(std))
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
					t.Fatalf("%s %s: mask %b, matchers %b for %s", p.url, g.seg.name, got, want, compact(it))
				}
			}
		})
	}
	if groups < 20 {
		t.Fatalf("%d slice groups", groups)
	}
}

// collectObjects appends v's objects, v included; an entry's resource
// also comes as the *entryRes the Validator sees.
func collectObjects(out []any, v any) []any {
	switch x := v.(type) {
	case *object:
		out = append(out, x)
		if res := x.obj("resource"); res != nil {
			e := &object{m: append([]member(nil), x.m...), keys: x.keys}
			for i := range e.m {
				if e.m[i].k == "resource" {
					e.m[i].v = &entryRes{tree: res, info: infoOf(res, shared.profiles)}
				}
			}
			out = append(out, e)
		}
		for _, p := range x.m {
			out = collectObjects(out, p.v)
		}
	case *array:
		for _, it := range x.items {
			out = collectObjects(out, it)
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
