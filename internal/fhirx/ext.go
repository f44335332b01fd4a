package fhirx

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/internal/terminology"
)

// Ext is an extension of the value[x] kinds the builders use. It encodes
// to the JSON of the samply fhir.Extension with the same values: the same
// members, in samply's order. A samply Extension is 448 bytes, a pointer
// per value[x] type; this is 88, and an événement carries a few.
type Ext struct {
	Extension            []Ext                 `json:"extension,omitempty"`
	Url                  string                `json:"url"`
	ValueBoolean         *bool                 `json:"valueBoolean,omitempty"`
	ValueDateTime        *string               `json:"valueDateTime,omitempty"`
	ValuePositiveInt     *int                  `json:"valuePositiveInt,omitempty"`
	ValueString          *string               `json:"valueString,omitempty"`
	ValueCodeableConcept *fhir.CodeableConcept `json:"valueCodeableConcept,omitempty"`
	ValueReference       *fhir.Reference       `json:"valueReference,omitempty"`
}

// XString is ExtString as an Ext.
func XString(url, v string) Ext { return Ext{Url: url, ValueString: &v} }

// XBool is ExtBool as an Ext (the value is one of the shared booleans).
func XBool(url string, v bool) Ext { return Ext{Url: url, ValueBoolean: boolPtr(v)} }

// XCC is ExtCC as an Ext.
func XCC(url string, c terminology.Concept) Ext { return Ext{Url: url, ValueCodeableConcept: CCp(c)} }

// XRef is ExtRef as an Ext.
func XRef(url, fullURL string) Ext { return Ext{Url: url, ValueReference: Ref(fullURL)} }

// Encounter is a samply Encounter whose extensions are Ext. Its samply
// Extension must stay empty: AppendResource refuses it otherwise, as the
// two lists would have to merge.
type Encounter struct {
	fhir.Encounter
	Extension []Ext
}
