package bundle_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/internal/fhirx"
)

// The bundles of a generated data set (every SSIAD builder, ~10,000 rows)
// are the bytes encoding/json gives of the same resources: each resource
// through samply's MarshalJSON (a fhirx.Encounter as the samply Encounter
// with the same extensions), resourceType moved first, the extra members
// of a fhirx.With marshalled one by one, and the bundle around them.
//
// It runs twice: with AppendValue on encoding/json (the data set is smaller
// than what it encodes before it turns to sonic), then on sonic.
func TestEncodeIsEncodingJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a data set")
	}
	set := buildSet(t)
	for _, enc := range []string{"std", "sonic"} {
		if enc == "sonic" {
			fhirx.UseSonic()
		}
		t.Run(enc, func(t *testing.T) { compareBundles(t, set) })
	}
}

// compareBundles compares every usager's bundle with encoding/json's.
func compareBundles(t *testing.T, set *builtSet) {
	types := map[string]int{}
	for _, u := range set.usagers {
		entries := set.entries(u)
		got, err := bundle.Encode(entries, bundle.ByType, false)
		if err != nil {
			t.Fatal(err)
		}
		type entry struct {
			FullURL  string                   `json:"fullUrl"`
			Resource json.RawMessage          `json:"resource"`
			Request  *fhir.BundleEntryRequest `json:"request"`
		}
		want := struct {
			ResourceType string     `json:"resourceType"`
			Meta         *fhir.Meta `json:"meta"`
			Type         string     `json:"type"`
			Entry        []entry    `json:"entry"`
		}{"Bundle", fhirx.Meta(fhirx.SD + "tddui-bundle"), "transaction", nil}
		for _, e := range entries {
			res := e.JSON
			if res == nil {
				res = stdResource(t, e.Resource)
			}
			types[e.Type]++
			if r, err := bundle.Resource(e); err != nil || !bytes.Equal(r, res) {
				t.Fatalf("%s %s:\ngot  %s, %v\nwant %s", e.Type, e.FullURL, r, err, res)
			}
			want.Entry = append(want.Entry, entry{e.FullURL, res, &fhir.BundleEntryRequest{Method: fhir.HTTPVerbPOST, Url: e.Type}})
		}
		wantJSON, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, append(wantJSON, '\n')) {
			t.Fatalf("bundle:\ngot  %s\nwant %s", got, wantJSON)
		}
		bundle.Recycle(got)
	}
	if len(types) < 8 {
		t.Errorf("resource types: %v", types)
	}
}

// stdResource is a resource's JSON through encoding/json only.
func stdResource(t *testing.T, res any) []byte {
	t.Helper()
	w, ok := res.(fhirx.With)
	if !ok {
		w = fhirx.With{Resource: res}
	}
	r := w.Resource
	if x, ok := r.(*fhirx.Encounter); ok {
		e := x.Encounter
		e.Extension = samplyExts(x.Extension)
		r = e
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	// samply writes resourceType last: …,"resourceType":"Patient"}
	i := bytes.LastIndex(b, []byte(`"resourceType":`))
	if i < 1 || b[len(b)-1] != '}' {
		t.Fatalf("%T: %s", r, b)
	}
	out := append([]byte("{"), b[i:len(b)-1]...)
	if rest := bytes.TrimSuffix(b[1:i], []byte(",")); len(rest) > 0 {
		out = append(append(out, ','), rest...)
	}
	for _, m := range w.Extra {
		name, _ := json.Marshal(m.Name)
		v, err := json.Marshal(m.Value)
		if err != nil {
			t.Fatal(err)
		}
		out = append(append(append(append(out, ','), name...), ':'), v...)
	}
	return append(out, '}')
}

// samplyExts are fhirx.Ext as samply extensions, which encode alike.
func samplyExts(xs []fhirx.Ext) []fhir.Extension {
	var out []fhir.Extension
	for _, x := range xs {
		out = append(out, fhir.Extension{Extension: samplyExts(x.Extension), Url: x.Url,
			ValueBoolean: x.ValueBoolean, ValueDateTime: x.ValueDateTime, ValuePositiveInt: x.ValuePositiveInt,
			ValueString: x.ValueString, ValueCodeableConcept: x.ValueCodeableConcept, ValueReference: x.ValueReference})
	}
	return out
}
