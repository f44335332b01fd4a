package fhirx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// hard are strings encoding/json escapes or repairs: HTML, U+2028 and
// U+2029, control characters (\b and \f have short forms; the text
// "\u0008" itself must stay as it is), DEL, and invalid UTF-8 of every
// kind (a lone continuation byte, a truncated sequence, an overlong form,
// a surrogate, bytes no UTF-8 has), each invalid byte replaced by \ufffd.
var hard = []string{"", "plain", "urn:uuid:0b6e0a66-2f71-4d2b-9f0e-6b2c1d5d3a01", "a<b>&c", "é è ç œ ’ « »",
	"\u2028\u2029 x\u2028", "\x00\x01\x08\x0c\x1f\x7f\t\n\r\"\\/", `\u0008 \u000c \\u000c \` + "\b\\\f",
	"\x80", "\xe2\x80", "ab\xe2\x80", "\xc0\xaf",
	"\xed\xa0\x80", "\xf5\x80\x80\x80", "\xff\xfe", "ok\xc3", "😀\xf0\x9f\x98", strings.Repeat("<é\xff>", 200)}

type inner struct {
	A string `json:"a,omitempty"`
	B int    `json:"b"`
}

type Embedded struct {
	E string `json:"e"`
	B int    `json:"b"` // shadowed by outer's B
}

type outer struct {
	*Embedded
	B      string            `json:"b"`
	Skip   string            `json:"-"`
	Dash   string            `json:"-,"`
	Str    int               `json:"str,string"`
	Ptr    *inner            `json:"ptr,omitempty"`
	Nil    *inner            `json:"nil"`
	Slice  []inner           `json:"slice"`
	Empty  []string          `json:"empty"`
	Null   []string          `json:"null"`
	Map    map[string]string `json:"map"`
	Any    any               `json:"any"`
	Raw    json.RawMessage   `json:"raw"`
	Time   time.Time         `json:"time"`
	Bytes  []byte            `json:"bytes"`
	Num    json.Number       `json:"num"`
	Floats []float64         `json:"floats"`
	F32    float32           `json:"f32"`
	Ints   []int64           `json:"ints"`
	Uint   uint64            `json:"uint"`
	Bool   bool              `json:"bool,omitempty"`
}

// AppendValue gives json.Marshal's bytes for the kinds of values tddui
// encodes, and for the corners where encoders part from encoding/json.
func TestAppendValueIsEncodingJSON(t *testing.T) { bothEncoders(t, testAppendValueIsEncodingJSON) }

func testAppendValueIsEncodingJSON(t *testing.T) {
	var values []any
	for _, s := range hard {
		s := s
		values = append(values, s, &s, []string{s, s}, map[string]string{s: s, "z" + s: s, "a": s},
			inner{A: s}, fhir.Coding{Code: &s, Display: &s},
			outer{Embedded: &Embedded{E: s}, B: s, Skip: s, Dash: s, Str: 12, Ptr: &inner{A: s, B: -1},
				Slice: []inner{{A: s}}, Empty: []string{}, Map: map[string]string{s: s, "b": "1", "a": "2"},
				Any: map[string]any{"k": []any{s, 1.5, nil, true}}, Raw: json.RawMessage(` { "x" : "<` + "\u2028" + `>" } `),
				Time: time.Date(2025, 3, 1, 8, 30, 0, 5, time.FixedZone("", 3600)), Bytes: []byte(s), Num: "-1.50e+3",
				Floats: []float64{0, -0.0, 1, 1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.123, math.MaxFloat64,
					math.SmallestNonzeroFloat64, 0.1 + 0.2},
				F32: 3.14159, Ints: []int64{0, -1, math.MaxInt64, math.MinInt64}, Uint: math.MaxUint64},
			Ext{Url: s, ValueString: &s, Extension: []Ext{XBool(s, true)}})
	}
	values = append(values, nil, (*inner)(nil), []inner(nil), map[string]int{}, outer{}, 0, -7, true, 2.5,
		TaskParameter{Type: fhir.CodeableConcept{Text: &hard[3]}, ValueBoolean: boolPtr(false)})
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		got, err := AppendValue([]byte("prefix"), v)
		if err != nil || !bytes.Equal(got, append([]byte("prefix"), want...)) {
			t.Errorf("%#v:\ngot  %s, %v\nwant prefix%s", v, got, err, want)
		}
	}
}

// A large dst (a bundle assembled so far) is kept as it is, and the value
// appended once: sonic's HTMLEscape mis-sizes the growth of a large dst.
func TestAppendValueLargeDst(t *testing.T) { bothEncoders(t, testAppendValueLargeDst) }

func testAppendValueLargeDst(t *testing.T) {
	dst := bytes.Repeat([]byte("x"), 1<<16)
	for i := 0; i < 100; i++ {
		s := strings.Repeat("<\u2028\xff", i)
		want, _ := json.Marshal(s)
		n := len(dst)
		var err error
		if dst, err = AppendValue(dst, s); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(dst[n:], want) || bytes.Count(dst[:n], []byte("x")) != 1<<16 {
			t.Fatalf("%d: got %s, want %s", i, dst[n:], want)
		}
	}
}

// examples is the IG's own example folder (shared reference material).
var examples = filepath.Join("..", "..", "..", "shared", "tddui", "examples")

// The IG's examples, decoded into samply's structs, encode as samply's own
// MarshalJSON encodes them (encoding/json throughout), resourceType first:
// each resource of every example, standalone or in a Bundle, and the
// Encounters again as a fhirx.Encounter with Ext extensions.
func TestIGExamplesEncodeAsBefore(t *testing.T) { bothEncoders(t, testIGExamplesEncodeAsBefore) }

func testIGExamplesEncodeAsBefore(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(examples, "*.json"))
	ballot, _ := filepath.Glob(filepath.Join(examples, "2.2.0-ballot", "*.json"))
	files = append(files, ballot...)
	if len(files) < 30 {
		t.Fatalf("%d examples in %s", len(files), examples)
	}
	var raws []json.RawMessage
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var bundle struct {
			ResourceType string
			Entry        []struct{ Resource json.RawMessage }
		}
		if err := json.Unmarshal(b, &bundle); err != nil {
			t.Fatal(f, err)
		}
		if bundle.ResourceType != "Bundle" {
			raws = append(raws, b)
		}
		for _, e := range bundle.Entry {
			raws = append(raws, e.Resource)
		}
	}
	types := map[string]int{}
	for _, raw := range raws {
		res, typ, err := decode(raw)
		if err != nil {
			t.Fatal(err)
		}
		types[typ]++
		want, err := res.(json.Marshaler).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		want = resourceTypeFirst(want)
		got, err := AppendResource([]byte("prefix"), res)
		if err != nil || !bytes.Equal(got, append([]byte("prefix"), want...)) {
			t.Errorf("%s:\ngot  %s, %v\nwant prefix%s", typ, got, err, want)
		}
		if e, ok := res.(fhir.Encounter); ok && sameJSON(t, e.Extension, exts(e.Extension)) {
			x := &Encounter{Encounter: e, Extension: exts(e.Extension)}
			x.Encounter.Extension = nil
			if got, err := AppendResource(nil, x); err != nil || !bytes.Equal(got, want) {
				t.Errorf("fhirx.Encounter:\ngot  %s, %v\nwant %s", got, err, want)
			}
		}
	}
	if len(types) < 14 || len(raws) < 70 {
		t.Errorf("%d resources, of %d types: %v", len(raws), len(types), types)
	}
}

// decode decodes a resource into its samply struct.
func decode(b []byte) (any, string, error) {
	var head struct{ ResourceType string }
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, "", err
	}
	var res any
	var err error
	switch head.ResourceType {
	case "CarePlan":
		res, err = fhir.UnmarshalCarePlan(b)
	case "Consent":
		res, err = fhir.UnmarshalConsent(b)
	case "DocumentReference":
		res, err = fhir.UnmarshalDocumentReference(b)
	case "Encounter":
		res, err = fhir.UnmarshalEncounter(b)
	case "Goal":
		res, err = fhir.UnmarshalGoal(b)
	case "Location":
		res, err = fhir.UnmarshalLocation(b)
	case "Organization":
		res, err = fhir.UnmarshalOrganization(b)
	case "Patient":
		res, err = fhir.UnmarshalPatient(b)
	case "Practitioner":
		res, err = fhir.UnmarshalPractitioner(b)
	case "PractitionerRole":
		res, err = fhir.UnmarshalPractitionerRole(b)
	case "QuestionnaireResponse":
		res, err = fhir.UnmarshalQuestionnaireResponse(b)
	case "RelatedPerson":
		res, err = fhir.UnmarshalRelatedPerson(b)
	case "ServiceRequest":
		res, err = fhir.UnmarshalServiceRequest(b)
	case "Task":
		res, err = fhir.UnmarshalTask(b)
	default:
		return nil, head.ResourceType, fmt.Errorf("%s: no samply type here", head.ResourceType)
	}
	return res, head.ResourceType, err
}

// exts are samply extensions as Ext (the value kinds Ext has).
func exts(es []fhir.Extension) []Ext {
	var out []Ext
	for _, e := range es {
		out = append(out, Ext{Extension: exts(e.Extension), Url: e.Url, ValueBoolean: e.ValueBoolean,
			ValueDateTime: e.ValueDateTime, ValuePositiveInt: e.ValuePositiveInt, ValueString: e.ValueString,
			ValueCodeableConcept: e.ValueCodeableConcept, ValueReference: e.ValueReference})
	}
	return out
}

// sameJSON reports whether a and b encode alike through encoding/json.
func sameJSON(t *testing.T, a, b any) bool {
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(ja, jb)
}

// bothEncoders runs test with AppendValue on encoding/json, then on sonic.
func bothEncoders(t *testing.T, test func(t *testing.T)) {
	on, n := sonicOn.Load(), stdBytes.Load()
	defer func() { sonicOn.Store(on); stdBytes.Store(n) }()
	t.Run("std", func(t *testing.T) {
		sonicOn.Store(false)
		stdBytes.Store(math.MinInt64 / 2) // not to switch halfway
		test(t)
		if sonicOn.Load() {
			t.Fatal("switched to sonic")
		}
	})
	t.Run("sonic", func(t *testing.T) {
		sonicOn.Store(true)
		test(t)
	})
}

// AppendValue turns to sonic once it has encoded sonicAfter bytes.
func TestSwitchToSonic(t *testing.T) {
	on, n := sonicOn.Load(), stdBytes.Load()
	defer func() { sonicOn.Store(on); stdBytes.Store(n) }()
	sonicOn.Store(false)
	stdBytes.Store(sonicAfter - 20)
	s := strings.Repeat("é", 4)
	if _, err := AppendValue(nil, s); err != nil || sonicOn.Load() {
		t.Fatalf("switched at %d bytes, %v", stdBytes.Load(), err)
	}
	if _, err := AppendValue(nil, s); err != nil || !sonicOn.Load() {
		t.Fatalf("not switched at %d bytes, %v", stdBytes.Load(), err)
	}
}
