package build

import (
	"slices"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetTransports, builder{
		url: func(c *Context, r *record.Record) string {
			k := transportKinds[transportKind(r)]
			return identifiant.SuffixedURL(k.system, c.ownerID(r), k.code, r.Key)
		},
		build: buildTransport,
	})
}

// transportKinds: the two profiles, their identifier system and code.
var transportKinds = map[string]struct{ profile, system, code string }{
	"professionnel": {"tddui-task-transport-professionnel", identifiant.SysTransportPr, "TPPro"},
	"usager":        {"tddui-task-transport-usager", identifiant.SysTransportUs, "TPPat"},
}

func transportKind(r *record.Record) string { k, _ := r.Code("type"); return k.Code }

// transportInputs: column → Task.input slice, in the IG's order; usagerOnly
// slices exist on the transport usager profile only.
var transportInputs = [...]struct {
	col, code  string
	value      func(r *record.Record, col string) fhirx.TaskParameter
	usagerOnly bool
}{
	{"motorisation", "typeMotorisation", inputCode, false},
	{"adresse_depart", "adresseDepart", inputAddress, false},
	{"adresse_destination", "adresseDestination", inputAddress, false},
	{"budget_previsionnel", "budgetPrevisionnel", inputMoney, false},
	{"budget_reel", "budgetReel", inputMoney, false},
	{"distance", "distance", inputDistance, false},
	{"duree", "dureeTheorique", inputDuration, false},
	{"accompagnement", "accompagnement", inputBool, true},
	{"asepsie", "asepsie", inputBool, true},
	{"nature", "natureTransport", inputCode, true},
}

// transportInputTypes are the inputs' types, made once and shared by every
// row: the encoder only reads them.
var transportInputTypes [len(transportInputs)]fhir.CodeableConcept

func init() {
	system := fhirx.CS + "tddui-task-input-transport"
	for i := range transportInputs {
		transportInputTypes[i] = fhir.CodeableConcept{Coding: []fhir.Coding{{System: &system, Code: &transportInputs[i].code}}}
	}
}

func buildTransport(c *Context, r *record.Record) []Entry {
	kind := transportKind(r)
	k := transportKinds[kind]
	mode, _ := r.Code("mode")
	t := fhir.Task{
		Meta:            profileMeta(k.profile),
		Identifier:      []fhir.Identifier{{System: fhirx.Str(k.system), Value: fhirx.Str(identifiant.Suffixed(c.ownerID(r), k.code, r.Key))}},
		Status:          taskStatus(r),
		Intent:          "plan",
		Code:            fhirx.CCp(mode),
		Encounter:       c.RefTo(r, "evenement"),
		ExecutionPeriod: &fhir.Period{Start: fhirx.Str(r.Date("debut")), End: fhirx.Str(r.Date("fin"))},
		Owner:           c.RefTo(r, "transporteur"),
	}
	if kind == "professionnel" {
		t.For = c.RefTo(r, "professionnel")
		if t.For == nil && !r.Bad {
			r.Reject(c.Rep, "professionnel", "", "la référence du professionnel transporté", "obligatoire pour un transport du professionnel (Task.for 1..1)")
		}
	}
	inputs := transportInputValues(c, r, kind)
	c.checkPeriod(r, "debut", "fin")
	var extra []fhirx.Member
	if len(inputs) > 0 {
		extra = []fhirx.Member{{Name: "input", Value: inputs}}
	}
	return []Entry{c.entry(r, "Task", k.profile, with(t, extra))}
}

// transportInputValues are the Task.input of a transport. They are gathered
// on the stack and copied once at their size: a TaskParameter is some 150
// bytes, and appending one by one regrew the slice three times a row.
func transportInputValues(c *Context, r *record.Record, kind string) []fhirx.TaskParameter {
	var buf [len(transportInputs)]fhirx.TaskParameter
	inputs := buf[:0]
	for i, in := range transportInputs {
		if !r.Has(in.col) {
			continue
		}
		if in.usagerOnly && kind != "usager" {
			r.Reject(c.Rep, in.col, r.Str(in.col), "une cellule vide", "réservé au transport de l'usager")
			continue
		}
		ti := in.value(r, in.col)
		ti.Type = transportInputTypes[i]
		inputs = append(inputs, ti)
	}
	return slices.Clone(inputs)
}

var taskStatuses = map[string]fhir.TaskStatus{
	"draft": fhir.TaskStatusDraft, "requested": fhir.TaskStatusRequested, "received": fhir.TaskStatusReceived,
	"accepted": fhir.TaskStatusAccepted, "rejected": fhir.TaskStatusRejected, "ready": fhir.TaskStatusReady,
	"cancelled": fhir.TaskStatusCancelled, "in-progress": fhir.TaskStatusInProgress, "on-hold": fhir.TaskStatusOnHold,
	"failed": fhir.TaskStatusFailed, "completed": fhir.TaskStatusCompleted, "entered-in-error": fhir.TaskStatusEnteredInError,
}

func taskStatus(r *record.Record) fhir.TaskStatus {
	s, _ := r.Code("statut")
	return taskStatuses[s.Code]
}

func inputCode(r *record.Record, col string) fhirx.TaskParameter {
	con, _ := r.Code(col)
	return fhirx.TaskParameter{ValueCodeableConcept: fhirx.CCp(con)}
}

func inputAddress(r *record.Record, col string) fhirx.TaskParameter {
	return fhirx.TaskParameter{ValueAddress: &fhir.Address{Text: fhirx.Str(r.Str(col))}}
}

func inputMoney(r *record.Record, col string) fhirx.TaskParameter {
	return fhirx.TaskParameter{ValueMoney: &fhir.Money{Value: fhirx.Number(r.Num(col)), Currency: fhirx.Str("EUR")}}
}

func inputDistance(r *record.Record, col string) fhirx.TaskParameter {
	return fhirx.TaskParameter{ValueDistance: &fhir.Distance{Value: fhirx.Number(r.Num(col)), Unit: fhirx.Str("kilometers"),
		System: fhirx.Str(fhirx.UCUM), Code: fhirx.Str("km")}}
}

func inputDuration(r *record.Record, col string) fhirx.TaskParameter {
	return fhirx.TaskParameter{ValueDuration: &fhir.Duration{Value: fhirx.Number(r.Num(col)), Unit: fhirx.Str("minutes"),
		System: fhirx.Str(fhirx.UCUM), Code: fhirx.Str("min")}}
}

func inputBool(r *record.Record, col string) fhirx.TaskParameter {
	b, _ := r.Bool(col)
	return fhirx.TaskParameter{ValueBoolean: &b}
}
