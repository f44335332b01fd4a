package fhirx

import (
	"encoding/json"
	"testing"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

func TestWithPutsResourceTypeFirstAndAddsMembers(t *testing.T) {
	p := fhir.Patient{BirthDate: Str("1947-04-03")}
	b, err := json.Marshal(With{Resource: p, Extra: []Member{{Name: "_birthDate", Value: Element{
		Extension: []fhir.Extension{ExtPositiveInt(SD+"tddui-birth-order", 1)}}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"resourceType":"Patient","birthDate":"1947-04-03","_birthDate":{"extension":[{"url":"` + SD + `tddui-birth-order","valuePositiveInt":1}]}}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
	empty, _ := json.Marshal(With{Resource: fhir.Patient{}})
	if string(empty) != `{"resourceType":"Patient"}` {
		t.Fatalf("empty resource: %s", empty)
	}
	// a value that merely contains the key text is not mistaken for it
	odd, _ := json.Marshal(With{Resource: fhir.Patient{BirthDate: Str(`x","resourceType":"y`)}})
	var m map[string]any
	if json.Unmarshal(odd, &m) != nil || m["resourceType"] != "Patient" || odd[2] != 'r' {
		t.Fatalf("odd value: %s", odd)
	}
}
