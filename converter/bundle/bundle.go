package bundle

import (
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

// Resource is an entry's resource as JSON (resourceType first).
func Resource(e build.Entry) ([]byte, error) {
	if e.JSON != nil {
		return e.JSON, nil
	}
	res, ok := e.Resource.(fhirx.With)
	if !ok {
		res = fhirx.With{Resource: e.Resource}
	}
	raw, err := json.Marshal(res)
	if err != nil {
		return nil, fmt.Errorf("%s %s : %w", e.Type, e.FullURL, err)
	}
	return raw, nil
}

// Encode writes a tddui-bundle transaction of the entries, indented.
func Encode(entries []build.Entry, url RequestURL) ([]byte, error) {
	b := fhir.Bundle{Meta: fhirx.Meta(fhirx.SD + "tddui-bundle"), Type: fhir.BundleTypeTransaction}
	for _, e := range entries {
		raw, err := Resource(e)
		if err != nil {
			return nil, err
		}
		u := e.Type
		if name := build.ProfileName(e.Profile); url == ByProfile && name != "" {
			u = name
		}
		b.Entry = append(b.Entry, fhir.BundleEntry{
			FullUrl:  fhirx.Str(e.FullURL),
			Resource: raw,
			Request:  &fhir.BundleEntryRequest{Method: fhir.HTTPVerbPOST, Url: u},
		})
	}
	out, err := json.MarshalIndent(fhirx.With{Resource: b}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
