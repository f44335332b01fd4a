package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Options.Encoded skips only what an encoder's bytes cannot hold: on
// documents written by encoding/json, it reports what the full reading
// reports, issue for issue. The documents are the IG's examples and every
// mutation of them (removed, duplicated and changed elements, keys of
// primitives' extensions such as "_birthDate"), each decoded and encoded
// again, as the converter encodes its bundles.
func TestEncodedReportsTheSame(t *testing.T) {
	docs := encodedDocs(t)
	if len(docs) < 60 {
		t.Fatalf("only %d documents", len(docs))
	}
	full, enc := New(Options{TestData: true}), New(Options{TestData: true, Encoded: true})
	underscores := 0
	for name, doc := range docs {
		if strings.Contains(string(doc), `"_`) {
			underscores++
		}
		want := strings.Join(issueLines(full.Bundle(doc)), "\n")
		got := strings.Join(issueLines(enc.Bundle(doc)), "\n")
		if got != want {
			t.Errorf("%s:\nEncoded:\n%s\nfull reading:\n%s", name, got, want)
		}
	}
	if underscores < 2 {
		t.Error(`no document with a "_" key: the summary of such keys is not tested`)
	}
	if issueLines(enc.Bundle(docs["Location _name without url"])) == nil {
		t.Error("an extension without url in _name: no issue")
	}
}

// encodedDocs are the examples and mutations, encoded by encoding/json.
func encodedDocs(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	files, _ := filepath.Glob("testdata/examples/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = reencode(t, b)
	}
	for _, m := range mutationFiles(t) {
		docs["mutation "+m.Name] = reencode(t, m.Resource)
	}
	// the examples have no primitive extension: two are added, one of them
	// wrong (an extension without url), so that a "_" key must be read
	b, err := os.ReadFile("testdata/examples/Location-tddui-event-location-example.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, ext := range map[string]string{
		"_name":             `{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}`,
		"_name without url": `{"extension":[{"valueCode":"unknown"}]}`,
	} {
		var loc map[string]any
		if err := json.Unmarshal(b, &loc); err != nil {
			t.Fatal(err)
		}
		var x any
		if err := json.Unmarshal([]byte(ext), &x); err != nil {
			t.Fatal(err)
		}
		loc["_name"] = x
		docs["Location "+name], _ = json.Marshal(loc)
	}
	// a status (1..1) given by its extension alone: the rule on
	// Encounter.status finds it under "_status"
	if b, err = os.ReadFile("testdata/examples/Bundle-tddui-bundle-example.json"); err != nil {
		t.Fatal(err)
	}
	var bundle map[string]any
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	encounter := bundle["entry"].([]any)[3].(map[string]any)["resource"].(map[string]any)
	delete(encounter, "status")
	encounter["_status"] = map[string]any{"extension": []any{map[string]any{
		"url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown"}}}
	docs["Bundle _status alone"], _ = json.Marshal(bundle)
	return docs
}

func reencode(t *testing.T, b []byte) []byte {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
