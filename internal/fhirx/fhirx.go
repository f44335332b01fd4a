// Package fhirx is what tddui adds to the samply golang-fhir-models types:
// constructors for the datatypes the IG profiles use, the TDDUI canonical
// URLs, and what samply cannot express (primitive extensions such as
// _birthDate, elements it would emit with a default).
package fhirx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/internal/terminology"
)

// Canonical bases of the IG and of the packages it builds on.
const (
	IG         = "https://interop.esante.gouv.fr/ig/fhir/tddui"
	SD         = IG + "/StructureDefinition/"
	CS         = IG + "/CodeSystem/"
	FRCoreSD   = "https://hl7.fr/ig/fhir/core/StructureDefinition/"
	FRCoreCS   = "https://hl7.fr/ig/fhir/core/CodeSystem/"
	R5Ext      = "http://hl7.org/fhir/5.0/StructureDefinition/"
	HL7Ext     = "http://hl7.org/fhir/StructureDefinition/"
	TermCISIS  = "https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cisis"
	UCUM       = "http://unitsofmeasure.org"
	V3ActCode  = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	V2_0203    = "http://terminology.hl7.org/CodeSystem/v2-0203"
	DataAbsent = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
)

// Str returns a pointer to s, or nil for "" so that empty cells emit nothing.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Meta names the profile a resource claims.
func Meta(profile string) *fhir.Meta { return &fhir.Meta{Profile: []string{profile}} }

// Coding of a concept; the display only when the terminology has one.
func Coding(c terminology.Concept) fhir.Coding {
	return fhir.Coding{System: Str(c.System), Code: Str(c.Code), Display: Str(c.Display)}
}

// CC is a CodeableConcept of one coding. The coding is made once per
// concept and shared (read only, as everything built is once built): the
// same few codes recur on every row, and each was a slice and three
// strings.
func CC(c terminology.Concept) fhir.CodeableConcept {
	codings.RLock()
	cs, ok := codings.m[c]
	codings.RUnlock()
	if !ok {
		cs = []fhir.Coding{Coding(c)}
		codings.Lock()
		if len(codings.m) < maxCodings { // codes outside partial value sets come from the input
			codings.m[c] = cs
		}
		codings.Unlock()
	}
	return fhir.CodeableConcept{Coding: cs[:1:1]}
}

// codings are CC's shared codings, by concept.
var codings = struct {
	sync.RWMutex
	m map[terminology.Concept][]fhir.Coding
}{m: map[terminology.Concept][]fhir.Coding{}}

const maxCodings = 10000

// CCp is CC as a pointer.
func CCp(c terminology.Concept) *fhir.CodeableConcept { cc := CC(c); return &cc }

// Ref is a reference to an entry of the same Bundle by its fullUrl. The
// reference and the string it points to are one allocation, not two.
func Ref(fullURL string) *fhir.Reference {
	if fullURL == "" {
		return &fhir.Reference{}
	}
	b := &struct {
		ref fhir.Reference
		url string
	}{url: fullURL}
	b.ref.Reference = &b.url
	return &b.ref
}

// Number turns a decimal cell already normalised ("2", "2.5") into the
// json.Number the samply quantities take.
func Number(s string) *json.Number { n := json.Number(s); return &n }

// ExtString is an extension with a valueString.
func ExtString(url, v string) fhir.Extension { return fhir.Extension{Url: url, ValueString: &v} }

// ExtDateTime is an extension with a valueDateTime.
func ExtDateTime(url, v string) fhir.Extension { return fhir.Extension{Url: url, ValueDateTime: &v} }

// ExtBool is an extension with a valueBoolean. The value points to one of
// two shared booleans (read only, as everything built is once built).
func ExtBool(url string, v bool) fhir.Extension {
	return fhir.Extension{Url: url, ValueBoolean: boolPtr(v)}
}

var boolValues = [2]bool{false, true}

func boolPtr(v bool) *bool {
	if v {
		return &boolValues[1]
	}
	return &boolValues[0]
}

// ExtPositiveInt is an extension with a valuePositiveInt.
func ExtPositiveInt(url string, v int) fhir.Extension {
	return fhir.Extension{Url: url, ValuePositiveInt: &v}
}

// ExtCC is an extension with a valueCodeableConcept.
func ExtCC(url string, c terminology.Concept) fhir.Extension {
	return fhir.Extension{Url: url, ValueCodeableConcept: CCp(c)}
}

// ExtRef is an extension with a valueReference to a Bundle entry.
func ExtRef(url, fullURL string) fhir.Extension {
	return fhir.Extension{Url: url, ValueReference: Ref(fullURL)}
}

// Element is the extension holder of a primitive (the "_birthDate" object).
type Element struct {
	Extension []fhir.Extension `json:"extension,omitempty"`
}

// Primitive extensions (and any other element samply lacks) are added by
// wrapping: With marshals the samply resource, then appends the extra
// members to the object. Each name must be one the resource does not emit.
type With struct {
	Resource any
	Extra    []Member
}

// Member is one extra JSON member.
type Member struct {
	Name  string
	Value any
}

// MarshalJSON implements json.Marshaler. samply writes resourceType last;
// it is moved first, where FHIR JSON readers (and people) look for it, and
// the extra members follow the resource's own.
func (w With) MarshalJSON() ([]byte, error) { return AppendResource(nil, w) }

// AppendResource appends a resource (a samply resource, or a With) to dst as
// compact JSON, resourceType first and the extra members of a With last:
// the bundle is written in one buffer, without a copy of each resource.
func AppendResource(dst []byte, res any) ([]byte, error) {
	w, ok := res.(With)
	if !ok {
		w = With{Resource: res}
	}
	start := len(dst)
	dst, ok, err := appendFirst(dst, w.Resource)
	if !ok {
		dst, err = appendOther(dst, w.Resource)
	}
	if err != nil {
		return dst[:start], err
	}
	if len(dst)-start < 2 || dst[len(dst)-1] != '}' {
		return dst[:start], fmt.Errorf("fhirx.With: %T n'est pas un objet JSON", w.Resource)
	}
	if len(w.Extra) == 0 {
		return dst, nil
	}
	dst = dst[:len(dst)-1]
	for i, m := range w.Extra {
		if len(dst)-start > 1 {
			dst = append(dst, ',')
		}
		// a pointer into the slice, not the string: a string put in an
		// interface is an allocation, a pointer is not
		dst, _ = AppendValue(dst, &w.Extra[i].Name) // a string always encodes
		dst = append(dst, ':')
		if dst, err = AppendValue(dst, m.Value); err != nil {
			return dst[:start], err
		}
	}
	return append(dst, '}'), nil
}

// appendOther encodes a resource type appendFirst does not list: through its
// own MarshalJSON (samply's, resourceType last) and resourceTypeFirst.
func appendOther(dst []byte, res any) ([]byte, error) {
	var b []byte
	var err error
	if m, ok := res.(json.Marshaler); ok {
		b, err = m.MarshalJSON() // samply's output is compact: no second pass
	} else {
		b, err = json.Marshal(res)
	}
	if err != nil {
		return dst, err
	}
	return append(dst, resourceTypeFirst(bytes.TrimRight(b, " \n"))...), nil
}

// resourceTypeFirst moves the resourceType member samply appends last
// (…,"resourceType":"Patient"}) to the front. A plain search from the end:
// it runs on every resource of every bundle.
func resourceTypeFirst(b []byte) []byte {
	const key = `"resourceType":"`
	if bytes.HasPrefix(b, []byte(`{`+key)) {
		return b
	}
	i := bytes.LastIndex(b, []byte(key))
	if i < 1 || len(b) < i+len(key)+2 || b[len(b)-1] != '}' || b[len(b)-2] != '"' ||
		bytes.IndexByte(b[i+len(key):len(b)-2], '"') >= 0 {
		return b // not samply's shape: leave it as it is
	}
	member := b[i : len(b)-1]
	rest := bytes.TrimSuffix(b[1:i], []byte(","))
	out := make([]byte, 0, len(b))
	out = append(out, '{')
	out = append(out, member...)
	if len(rest) > 0 {
		out = append(out, ',')
		out = append(out, rest...)
	}
	return append(out, '}')
}
