package fhirx

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// samplyExt is the samply Extension with the same values as x.
func samplyExt(x Ext) fhir.Extension {
	e := fhir.Extension{Url: x.Url, ValueBoolean: x.ValueBoolean, ValueDateTime: x.ValueDateTime,
		ValuePositiveInt: x.ValuePositiveInt, ValueString: x.ValueString,
		ValueCodeableConcept: x.ValueCodeableConcept, ValueReference: x.ValueReference}
	for _, n := range x.Extension {
		e.Extension = append(e.Extension, samplyExt(n))
	}
	return e
}

// An Encounter with Ext extensions gives the bytes of the samply Encounter
// with the same extensions as samply's: every field set, to text that
// encoding/json escapes, and empty.
func TestEncounterExtIsSamply(t *testing.T) {
	for _, s := range []string{"", "x", "a<b>&c é\u2028\u2029", "ctl\x00\x1f\t\"\\/ bad\xff utf 😀"} {
		var x Ext
		fill(reflect.ValueOf(&x).Elem(), s, 0)
		var e Encounter
		fill(reflect.ValueOf(&e.Encounter).Elem(), s, 0)
		e.Encounter.Extension = nil
		e.Extension = []Ext{x, {Url: s, ValueBoolean: boolPtr(false)}}
		ref := e.Encounter
		ref.Extension = []fhir.Extension{samplyExt(x), samplyExt(e.Extension[1])}
		want, _ := AppendResource(nil, ref)
		got, err := AppendResource(nil, &e)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q: %v\ngot  %s\nwant %s", s, err, got, want)
		}
		e.Encounter.Extension = ref.Extension
		if _, err := AppendResource(nil, &e); err == nil {
			t.Errorf("%q: samply and Ext extensions mixed, and no error", s)
		}
	}
}

// Every status, and one out of samply's list, encodes as samply's.
func TestEncounterStatusIsSamply(t *testing.T) {
	for s := range fhir.EncounterStatus(12) {
		for _, st := range []fhir.EncounterStatus{s, 200 + s} {
			want, _ := AppendResource(nil, fhir.Encounter{Status: st})
			got, err := AppendResource(nil, &Encounter{Encounter: fhir.Encounter{Status: st}})
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%d: %v\ngot  %s\nwant %s", st, err, got, want)
			}
		}
	}
}

// Every task status, and one out of samply's list, encodes as samply's.
func TestTaskStatusIsSamply(t *testing.T) {
	for s := range fhir.TaskStatus(14) {
		for _, st := range []fhir.TaskStatus{s, 200 + s} {
			want, _ := fhir.Task{Status: st}.MarshalJSON()
			got, err := AppendResource(nil, fhir.Task{Status: st})
			if err != nil || !bytes.Equal(got, resourceTypeFirst(want)) {
				t.Errorf("%d: %v\ngot  %s\nwant %s", st, err, got, want)
			}
		}
	}
}
