package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetSejours, builder{
		key:   func(c *Context, r *record.Record) string { return identifiant.SysSejour + "|" + sejourID(c, r) },
		build: buildSejour,
	})
}

func sejourID(c *Context, r *record.Record) string {
	return identifiant.Suffixed(c.ownerID(r), "SEJOUR", r.Key)
}

// sejourExtensions: column → extension, in the order the IG example has them.
var sejourExtensions = []struct{ col, url string }{
	{"date_admission", fhirx.SD + "tddui-admission-date"},
	{"mode_entree", fhirx.SD + "tddui-entry-mode-label"},
	{"mode_sortie", fhirx.SD + "tddui-exit-mode-label"},
	{"date_entree_prevue", fhirx.R5Ext + "extension-Encounter.plannedStartDate"},
	{"date_sortie_prevue", fhirx.R5Ext + "extension-Encounter.plannedEndDate"},
	{"commentaire", fhirx.SD + "tddui-comment"},
}

func buildSejour(c *Context, r *record.Record) []Entry {
	e := fhir.Encounter{
		Meta: profileMeta("tddui-encounter-sejour"),
		Identifier: []fhir.Identifier{{
			Type: &fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.CS + "tddui-encounter-identifier"),
				Code: fhirx.Str("SEJ"), Display: fhirx.Str("Identifiant du séjour")}}},
			System: fhirx.Str(identifiant.SysSejour), Value: fhirx.Str(sejourID(c, r)),
		}},
		Status:  encounterStatus(r),
		Class:   class(r),
		Subject: c.RefTo(r, "usager"),
		Period:  &fhir.Period{Start: fhirx.Str(r.Date("date_entree")), End: fhirx.Str(r.Date("date_sortie"))},
	}
	for _, x := range sejourExtensions {
		if !r.Has(x.col) {
			continue
		}
		if col := r.Sheet.Column(x.col); col.Kind == templates.Date {
			e.Extension = append(e.Extension, fhirx.ExtDateTime(x.url, r.Date(x.col)))
		} else {
			e.Extension = append(e.Extension, fhirx.ExtString(x.url, r.Str(x.col)))
		}
	}
	if u := r.Link("usager"); u != nil {
		e.ServiceProvider = c.RefTo(u, "structure")
	}
	c.checkPeriod(r, "date_entree", "date_sortie")
	return []Entry{c.entry(r, "Encounter", "tddui-encounter-sejour", e)}
}

// encounterStatus is the status column; the typer guarantees it is one of
// the list's codes, the table guarantees samply knows it.
func encounterStatus(r *record.Record) fhir.EncounterStatus {
	s, _ := r.Code("statut")
	return encounterStatuses[s.Code]
}

var encounterStatuses = map[string]fhir.EncounterStatus{
	"planned": fhir.EncounterStatusPlanned, "arrived": fhir.EncounterStatusArrived, "triaged": fhir.EncounterStatusTriaged,
	"in-progress": fhir.EncounterStatusInProgress, "onleave": fhir.EncounterStatusOnleave, "finished": fhir.EncounterStatusFinished,
	"cancelled": fhir.EncounterStatusCancelled, "entered-in-error": fhir.EncounterStatusEnteredInError, "unknown": fhir.EncounterStatusUnknown,
}

// class is the Encounter class (code only, as the IG examples write it).
func class(r *record.Record) fhir.Coding {
	k, _ := r.Code("classe")
	return fhir.Coding{System: fhirx.Str(k.System), Code: fhirx.Str(k.Code)}
}

// checkPeriod rejects an end before the start.
func (c *Context) checkPeriod(r *record.Record, start, end string) {
	s, ok1 := r.Time(start)
	e, ok2 := r.Time(end)
	if ok1 && ok2 && e.Before(s) {
		const fr = "02/01/2006 15:04"
		r.Reject(c.Rep, end, e.Format(fr), "une fin postérieure au début ("+s.Format(fr)+")", "la fin précède le début")
	}
}
