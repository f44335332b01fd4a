package fhirx

import "github.com/samply/golang-fhir-models/fhir-models/fhir"

// TaskParameter replaces samply's TaskInput / TaskOutput, whose value[x]
// fields are neither pointers nor omitempty: marshalled as they are, every
// input would carry all fifty value types. Task resources are emitted with
// Task.Input left nil and these added through With (member "input",
// "output").
type TaskParameter struct {
	Type                 fhir.CodeableConcept  `json:"type"`
	ValueString          *string               `json:"valueString,omitempty"`
	ValueBoolean         *bool                 `json:"valueBoolean,omitempty"`
	ValueDateTime        *string               `json:"valueDateTime,omitempty"`
	ValueCodeableConcept *fhir.CodeableConcept `json:"valueCodeableConcept,omitempty"`
	ValueReference       *fhir.Reference       `json:"valueReference,omitempty"`
	ValueAddress         *fhir.Address         `json:"valueAddress,omitempty"`
	ValueMoney           *fhir.Money           `json:"valueMoney,omitempty"`
	ValueDistance        *fhir.Distance        `json:"valueDistance,omitempty"`
	ValueDuration        *fhir.Duration        `json:"valueDuration,omitempty"`
	ValueAnnotation      *fhir.Annotation      `json:"valueAnnotation,omitempty"`
}
