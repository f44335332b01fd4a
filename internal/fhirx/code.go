package fhirx

import (
	"encoding/json"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// samply's code types (EncounterStatus…) encode through json.Marshal of
// their code: two allocations for every status of every resource. The
// resourceType-first structs declare such fields with a type of their own
// whose MarshalJSON returns the bytes samply's gives, computed once per
// value. Its receiver is a pointer: encoding/json then hands it the
// field's address, where a value receiver costs a copy in an interface.

// codeTable is the JSON of each value of a samply code type, from 0 to the
// first that has no code.
type codeTable[T interface {
	~int
	json.Marshaler
}] [][]byte

func newCodeTable[T interface {
	~int
	json.Marshaler
}]() codeTable[T] {
	var t codeTable[T]
	for v := T(0); v < 256; v++ {
		b, err := v.MarshalJSON()
		if err != nil || string(b) == `"<unknown>"` {
			break
		}
		t = append(t, b)
	}
	return t
}

// of is v's JSON, shared: the encoder copies it.
func (t codeTable[T]) of(v T) ([]byte, error) {
	if v >= 0 && int(v) < len(t) {
		return t[v], nil
	}
	return v.MarshalJSON()
}

var encounterStatuses = newCodeTable[fhir.EncounterStatus]()

// encounterStatus is an EncounterStatus encoded from the table.
type encounterStatus fhir.EncounterStatus

func (s *encounterStatus) MarshalJSON() ([]byte, error) {
	return encounterStatuses.of(fhir.EncounterStatus(*s))
}

var taskStatuses = newCodeTable[fhir.TaskStatus]()

// taskStatus is a TaskStatus encoded from the table.
type taskStatus fhir.TaskStatus

func (s *taskStatus) MarshalJSON() ([]byte, error) { return taskStatuses.of(fhir.TaskStatus(*s)) }
