package fhirx

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// fill sets every field reachable from v (pointers, slices, nested
// structs, to a few levels: the types are recursive) to s, a number, true.
func fill(v reflect.Value, s string, depth int) {
	if depth > 3 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s, depth+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), s, depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), s, depth)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[json.Number]() {
			v.SetString("12.50")
		} else {
			v.SetString(s)
		}
	case reflect.Int:
		v.SetInt(int64(len(s) % 3)) // codes: a valid one, and "<unknown>" for some
	case reflect.Bool:
		v.SetBool(true)
	}
}

// The resourceType-first structs give the bytes samply's MarshalJSON gives
// once resourceTypeFirst has moved its last member first: every field set,
// to text that encoding/json escapes (HTML, U+2028, control characters,
// invalid UTF-8), and empty.
func TestTypeFirstIsSamplyReordered(t *testing.T) {
	resources := []any{fhir.CarePlan{}, fhir.Consent{}, fhir.DocumentReference{}, fhir.Encounter{},
		fhir.Goal{}, fhir.Location{}, fhir.Organization{}, fhir.Patient{}, fhir.Practitioner{},
		fhir.PractitionerRole{}, fhir.QuestionnaireResponse{}, fhir.RelatedPerson{},
		fhir.ServiceRequest{}, fhir.Task{}}
	for _, s := range []string{"", "x", "a<b>&c é\u2028\u2029", "ctl\x00\x1f\t\"\\/ bad\xff utf 😀"} {
		for _, r := range resources {
			v := reflect.New(reflect.TypeOf(r)).Elem()
			fill(v, s, 0)
			res := v.Interface()
			if _, ok, _ := appendFirst(nil, res); !ok {
				t.Fatalf("%T: not listed in appendFirst", res)
			}
			want, err := res.(json.Marshaler).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if len(want) < 1000 {
				t.Fatalf("%T not filled: %s", res, want)
			}
			want = resourceTypeFirst(want)
			got, err := AppendResource([]byte("prefix"), res)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, append([]byte("prefix"), want...)) {
				t.Errorf("%T %q:\ngot  %s\nwant prefix%s", res, s, got, want)
			}
		}
	}
}

// What encoding/json refuses fails as it did through samply, with its
// words: a decimal with leading zeros, which a questionnaire cell can give,
// or garbage after a valid start (an encoder that only parses the start of
// a json.Number writes these as they are).
func TestInvalidNumberFailsAsBefore(t *testing.T) {
	for _, n := range []string{"01", "00", "01.5", "1.", ".5", "abc", "12,5", "1abc", "1 "} {
		d := json.Number(n)
		qr := fhir.QuestionnaireResponse{Item: []fhir.QuestionnaireResponseItem{{LinkId: "1",
			Answer: []fhir.QuestionnaireResponseItemAnswer{{ValueDecimal: &d}}}}}
		_, want := qr.MarshalJSON()
		got, err := AppendResource([]byte("prefix"), With{Resource: qr})
		if want == nil || err == nil || err.Error() != want.Error() || string(got) != "prefix" {
			t.Errorf("%q: got %q, %v; want the error %v", n, got, err, want)
		}
		_, want = json.Marshal(Element{Extension: []fhir.Extension{{Url: "u", ValueDecimal: &d}}})
		_, err = AppendResource(nil, With{Resource: fhir.Patient{}, Extra: []Member{{"_x",
			Element{Extension: []fhir.Extension{{Url: "u", ValueDecimal: &d}}}}}})
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("%q in a member: got %v; want the error %v", n, err, want)
		}
	}
}
