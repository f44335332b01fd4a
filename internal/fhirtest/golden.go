// Package fhirtest compares bundles with the IG's example instances
// structurally: element for element, ignoring only ids, fullUrls, narrative
// and the style of references (urn:uuid vs Type/id), which are replaced by
// the identity of the resource they point to.
package fhirtest

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
)

// Entry is one bundle entry, decoded.
type Entry struct {
	FullURL  string
	Resource map[string]any
	Request  map[string]any
}

// ReadBundle reads a Bundle's entries.
func ReadBundle(path string) ([]Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var bundle struct {
		Entry []struct {
			FullURL  string         `json:"fullUrl"`
			Resource map[string]any `json:"resource"`
			Request  map[string]any `json:"request"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(b, &bundle); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Entry
	for _, e := range bundle.Entry {
		out = append(out, Entry{FullURL: e.FullURL, Resource: e.Resource, Request: e.Request})
	}
	return out, nil
}

// ReadResource reads a standalone example as a bundle entry of its own
// (fullUrl Type/id, as the examples' references write it).
func ReadResource(path string) (Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Entry{}, err
	}
	var r map[string]any
	if err := json.Unmarshal(b, &r); err != nil {
		return Entry{}, fmt.Errorf("%s: %w", path, err)
	}
	return Entry{FullURL: fmt.Sprintf("%s/%s", r["resourceType"], r["id"]), Resource: r}, nil
}

// Identity is what names a resource across both sides: its type, profile
// and business identifiers (or, lacking any, its type and profile).
func Identity(r map[string]any) string {
	parts := []string{fmt.Sprint(r["resourceType"])}
	if m, ok := r["meta"].(map[string]any); ok {
		parts = append(parts, fmt.Sprint(m["profile"]))
	}
	ids, ok := r["identifier"].([]any)
	if one, single := r["identifier"].(map[string]any); single {
		ids, ok = []any{one}, true // QuestionnaireResponse.identifier is 0..1 in R4
	}
	if ok {
		for _, id := range ids {
			if m, ok := id.(map[string]any); ok {
				parts = append(parts, fmt.Sprint(m["system"], "|", m["value"]))
			}
		}
	}
	if m, ok := r["masterIdentifier"].(map[string]any); ok {
		parts = append(parts, fmt.Sprint(m["value"]))
	}
	return strings.Join(parts, " ")
}

// Normalize returns the entries' resources keyed by Identity, with id,
// narrative dropped and every reference replaced by "→" + the Identity of the
// entry it resolves to (by fullUrl, or Type/id for the IG's style).
// References that resolve to nothing are kept as written, so they differ.
func Normalize(entries []Entry) (map[string]any, error) {
	byURL := map[string]string{}
	for _, e := range entries {
		id := Identity(e.Resource)
		byURL[e.FullURL] = id
		if rt, ok := e.Resource["resourceType"]; ok {
			if rid, ok := e.Resource["id"]; ok {
				byURL[fmt.Sprintf("%s/%s", rt, rid)] = id
			}
		}
	}
	out := map[string]any{}
	for _, e := range entries {
		id := Identity(e.Resource)
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("two entries named %s", id)
		}
		r := clean(e.Resource, byURL).(map[string]any)
		if e.Request != nil {
			r["(request)"] = e.Request
		}
		out[id] = r
	}
	return out, nil
}

// isNarrative: a resource's text (Narrative, with its div), not the text
// of a CodeableConcept or an Annotation, which is data.
func isNarrative(k string, v any) bool {
	m, ok := v.(map[string]any)
	return k == "text" && ok && m["div"] != nil
}

func clean(v any, byURL map[string]string) any {
	switch x := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, val := range x {
			if k == "id" || isNarrative(k, val) {
				continue
			}
			if k == "reference" {
				if s, ok := val.(string); ok {
					if id, ok := byURL[s]; ok {
						val = "→ " + id
					}
				}
				m[k] = val
				continue
			}
			m[k] = clean(val, byURL)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = clean(e, byURL)
		}
		return l
	}
	return v
}

// Diff lists the differences between two normalised sets, one line each,
// with the JSON path where they differ.
func Diff(want, got map[string]any) []string {
	var out []string
	for _, k := range keysOf(want, got) {
		w, inW := want[k]
		g, inG := got[k]
		switch {
		case !inG:
			out = append(out, "missing: "+k)
		case !inW:
			out = append(out, "unexpected: "+k)
		default:
			diff(k, w, g, &out)
		}
	}
	return out
}

// keysOf is the sorted union of two objects' keys.
func keysOf(a, b map[string]any) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func diff(path string, w, g any, out *[]string) {
	switch wx := w.(type) {
	case map[string]any:
		gx, ok := g.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: want %v, got %v", path, js(w), js(g)))
			return
		}
		for _, k := range keysOf(wx, gx) {
			diff(path+"."+k, wx[k], gx[k], out)
		}
	case []any:
		gx, ok := g.([]any)
		if !ok || len(gx) != len(wx) {
			*out = append(*out, fmt.Sprintf("%s: want %v, got %v", path, js(w), js(g)))
			return
		}
		for i := range wx {
			diff(fmt.Sprintf("%s[%d]", path, i), wx[i], gx[i], out)
		}
	default:
		if !reflect.DeepEqual(w, g) {
			*out = append(*out, fmt.Sprintf("%s: want %v, got %v", path, js(w), js(g)))
		}
	}
}

func js(v any) string {
	if v == nil {
		return "(absent)"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
