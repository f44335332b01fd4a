package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
)

// Members is the closure of a usager's rows: its own rows selected for the
// bundle, and every row they reference, transitively, each once, in the
// order of first reach.
func Members(own []*record.Record) []*record.Record {
	seen := map[*record.Record]bool{}
	var out []*record.Record
	var visit func(r *record.Record)
	visit = func(r *record.Record) {
		if seen[r] {
			return
		}
		seen[r] = true
		out = append(out, r)
		r.EachLink(func(_ string, to []*record.Record) {
			for _, t := range to {
				visit(t)
			}
		})
	}
	for _, r := range own {
		visit(r)
	}
	return out
}

// RequestURL says what entry.request.url holds: the resource type (what a
// FHIR server expects) or the profile name (what the IG examples show).
type RequestURL string

const (
	ByType    RequestURL = "type"
	ByProfile RequestURL = "profil"
)

// Resource is an entry's resource as compact JSON (resourceType first).
func Resource(e build.Entry) ([]byte, error) {
	if e.JSON != nil {
		return e.JSON, nil
	}
	res, ok := e.Resource.(fhirx.With)
	if !ok {
		res = fhirx.With{Resource: e.Resource}
	}
	raw, err := res.MarshalJSON() // not json.Marshal: it would compact it again
	if err != nil {
		return nil, fmt.Errorf("%s %s : %w", e.Type, e.FullURL, err)
	}
	return raw, nil
}

// bundleHead opens every tddui-bundle transaction.
var bundleHead = mustJSON(struct {
	ResourceType string     `json:"resourceType"`
	Meta         *fhir.Meta `json:"meta"`
	Type         string     `json:"type"`
}{"Bundle", fhirx.Meta(fhirx.SD + "tddui-bundle"), "transaction"})

// Encode writes a tddui-bundle transaction of the entries, compact or
// indented. The entries' resources are already JSON: the bundle is
// assembled around them (and indented in one pass), where encoding/json
// would check, compact and indent every resource again (the larger part of
// a conversion's time).
func Encode(entries []build.Entry, url RequestURL, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	buf.Write(bundleHead[:len(bundleHead)-1])
	buf.WriteString(`,"entry":[`)
	for i, e := range entries {
		raw, err := Resource(e)
		if err != nil {
			return nil, err
		}
		u := e.Type
		if name := build.ProfileName(e.Profile); url == ByProfile && name != "" {
			u = name
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"fullUrl":`)
		buf.Write(mustJSON(e.FullURL))
		buf.WriteString(`,"resource":`)
		buf.Write(raw)
		buf.WriteString(`,"request":`)
		buf.Write(mustJSON(fhir.BundleEntryRequest{Method: fhir.HTTPVerbPOST, Url: u}))
		buf.WriteByte('}')
	}
	buf.WriteString("]}")
	if !indent {
		buf.WriteByte('\n')
		return buf.Bytes(), nil
	}
	var out bytes.Buffer
	out.Grow(buf.Len() * 3 / 2)
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("bundle : %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// mustJSON encodes values that always encode (strings, fixed structs).
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
