package fhirx

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
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
func TestTypeFirstIsSamplyReordered(t *testing.T) { bothEncoders(t, testTypeFirstIsSamplyReordered) }

func testTypeFirstIsSamplyReordered(t *testing.T) {
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

// What encoding/json refuses still fails, and nothing is appended: a
// decimal with leading zeros, which a questionnaire cell can give, or
// garbage after a valid start (an encoder that only parses the start of a
// json.Number writes these as they are). sonic's words differ from
// encoding/json's ("json: unsupported value: invalid number literal:
// \"01\"" for "json: invalid number literal \"01\""): the error must say
// so and name the literal. "" is no error: encoding/json writes 0, and so
// does sonic.
func TestInvalidNumberFailsAsBefore(t *testing.T) { bothEncoders(t, testInvalidNumberFailsAsBefore) }

func testInvalidNumberFailsAsBefore(t *testing.T) {
	for _, n := range []string{"01", "00", "01.5", "1.", ".5", "abc", "12,5", "1abc", "1 ", "-", "1e", "+1"} {
		d := json.Number(n)
		qr := fhir.QuestionnaireResponse{Item: []fhir.QuestionnaireResponseItem{{LinkId: "1",
			Answer: []fhir.QuestionnaireResponseItemAnswer{{ValueDecimal: &d}}}}}
		if _, err := qr.MarshalJSON(); err == nil {
			t.Fatalf("%q: encoding/json accepts it", n)
		}
		got, err := AppendResource([]byte("prefix"), With{Resource: qr})
		if !numberError(err, n) || string(got) != "prefix" {
			t.Errorf("%q: got %q, %v; want an invalid number literal error", n, got, err)
		}
		ext := Element{Extension: []fhir.Extension{{Url: "u", ValueDecimal: &d}}}
		if _, err := json.Marshal(ext); err == nil {
			t.Fatalf("%q: encoding/json accepts it in a member", n)
		}
		got, err = AppendResource([]byte("prefix"), With{Resource: fhir.Patient{}, Extra: []Member{{"_x", ext}}})
		if !numberError(err, n) || string(got) != "prefix" {
			t.Errorf("%q in a member: got %q, %v; want an invalid number literal error", n, got, err)
		}
	}
	for _, n := range []string{"", "0", "-0", "12.50", "1e5", "-1.5E-3"} {
		d := json.Number(n)
		v := Element{Extension: []fhir.Extension{{Url: "u", ValueDecimal: &d}}}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := AppendValue(nil, v); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, %v; want %s", n, got, err, want)
		}
	}
}

// numberError reports whether err says that n is an invalid number literal
// (in sonic's words, or in encoding/json's, sonic's fallback).
func numberError(err error, n string) bool {
	return err != nil && strings.Contains(err.Error(), "invalid number literal") &&
		strings.Contains(err.Error(), strconv.Quote(n))
}

// failing is a value whose MarshalJSON fails.
type failing struct{}

var errFailing = errors.New("failing value")

func (failing) MarshalJSON() ([]byte, error) { return nil, errFailing }

// An error from a value's MarshalJSON reaches the caller, unwrappable as
// through encoding/json (which wrapped it in a *json.MarshalerError, sonic
// returns it as it is), and nothing is appended.
func TestMarshalerErrorReachesCaller(t *testing.T) { bothEncoders(t, testMarshalerErrorReachesCaller) }

func testMarshalerErrorReachesCaller(t *testing.T) {
	_, std := json.Marshal(struct{ F failing }{})
	if !errors.Is(std, errFailing) {
		t.Fatalf("encoding/json: %v", std)
	}
	for _, v := range []any{failing{}, &failing{}, struct{ F failing }{}, []any{1, failing{}},
		map[string]any{"a": failing{}}} {
		got, err := AppendValue([]byte("prefix"), v)
		if !errors.Is(err, errFailing) || string(got) != "prefix" {
			t.Errorf("%T: got %q, %v", v, got, err)
		}
	}
	got, err := AppendResource([]byte("prefix"), With{Resource: fhir.Patient{}, Extra: []Member{{"x", failing{}}}})
	if !errors.Is(err, errFailing) || string(got) != "prefix" {
		t.Errorf("With: got %q, %v", got, err)
	}
}
