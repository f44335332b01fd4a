package validation

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate testdata/mutations from testdata/examples")

// mutation: one defect put into a copy of an IG example, and the issue it
// must raise. at is a path into the JSON ("entry[3].resource.period.end");
// op is "delete", "set" (to value) or "dup" (append a copy of the item).
type mutation struct {
	name, base, defect string
	op, at             string
	value              any
	expect             []expected
}

type expected struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Profile string `json:"profile,omitempty"`
}

// mutationFile is what testdata/mutations/*.json hold.
type mutationFile struct {
	Name     string          `json:"name"`
	Base     string          `json:"base"`
	Defect   string          `json:"defect"`
	Expect   []expected      `json:"expect"`
	Resource json.RawMessage `json:"resource"`
}

func TestGenerateMutations(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate testdata/mutations")
	}
	old, _ := filepath.Glob("testdata/mutations/*.json")
	for _, f := range old {
		os.Remove(f)
	}
	for _, m := range mutations {
		b, err := os.ReadFile(filepath.Join("testdata/examples", m.base))
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if err := apply(&doc, m.op, m.at, m.value); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		res, _ := json.MarshalIndent(doc, "", " ")
		out, _ := json.MarshalIndent(mutationFile{Name: m.name, Base: m.base, Defect: m.defect, Expect: m.expect, Resource: res}, "", " ")
		if err := os.WriteFile(filepath.Join("testdata/mutations", m.name+".json"), append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// apply performs op at a dotted path with [i] indexes.
func apply(doc *any, op, at string, value any) error {
	steps := strings.Split(at, ".")
	cur := doc
	for i, s := range steps {
		key, idx := s, -1
		if j := strings.IndexByte(s, '['); j >= 0 {
			key = s[:j]
			idx, _ = strconv.Atoi(strings.TrimSuffix(s[j+1:], "]"))
		}
		m, ok := (*cur).(map[string]any)
		if !ok {
			return fmt.Errorf("%s: not an object", s)
		}
		last := i == len(steps)-1
		if idx < 0 {
			if last {
				return set(m, key, op, value)
			}
			v := m[key]
			cur = &v
			if _, ok := v.(map[string]any); !ok {
				return fmt.Errorf("%s: not an object", s)
			}
			continue
		}
		arr, _ := m[key].([]any)
		if idx >= len(arr) {
			return fmt.Errorf("%s: no item %d", key, idx)
		}
		if last {
			switch op {
			case "delete":
				m[key] = append(arr[:idx:idx], arr[idx+1:]...)
			case "dup":
				m[key] = append(arr, arr[idx])
			default:
				arr[idx] = value
			}
			return nil
		}
		item := arr[idx]
		cur = &item
	}
	return nil
}

func set(m map[string]any, key, op string, value any) error {
	switch op {
	case "delete":
		if _, ok := m[key]; !ok {
			return fmt.Errorf("%s: absent", key)
		}
		delete(m, key)
	default:
		m[key] = value
	}
	return nil
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
