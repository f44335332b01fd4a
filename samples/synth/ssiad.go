package synth

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// sejour: the stay the events belong to. Most usagers came in long before
// the agenda; some arrive during it, and a few leave before its end (then
// with an exit date and the finished status).
type sejour struct {
	ref                 string
	admission, entry    time.Time
	exit                time.Time // zero: still in the service
	entryMode, exitMode string
}

var entryModes = []string{
	"Retour à domicile après hospitalisation", "Sur prescription du médecin traitant", "Relais d'un infirmier libéral",
	"Sortie de soins de suite et de réadaptation", "Demande de la famille, prescription médicale",
}

var exitModes = []string{"Entrée en EHPAD", "Hospitalisation", "Fin de la prise en charge, autonomie retrouvée", "Relais HAD"}

func (g *Generator) newSejour(i int) sejour {
	r := g.rng(i, "sejour")
	s := sejour{ref: fmt.Sprintf("S%07d", i+1), entryMode: pick(r, entryModes)}
	days := int(g.end.Sub(g.start).Hours()/24) + 1
	if chance(r, 0.1) {
		s.entry = g.start.AddDate(0, 0, r.IntN(max(1, days/2)))
	} else {
		s.entry = g.start.AddDate(0, 0, -1-r.IntN(900))
	}
	s.admission = s.entry.AddDate(0, 0, -r.IntN(8))
	if chance(r, 0.05) {
		s.exit = g.end.AddDate(0, 0, -r.IntN(max(1, days/3)))
		if s.exit.Before(s.entry) {
			s.exit = s.entry
		}
		s.exitMode = pick(r, exitModes)
	}
	return s
}

// status of the séjour, as the Séjours sheet's list codes it.
func (s sejour) status() string {
	if s.exit.IsZero() {
		return "in-progress"
	}
	return "finished"
}

// event is one visit of the agenda.
type event struct {
	ref         string
	start, end  time.Time
	status      string // finished, cancelled, planned
	cancel      string
	types       string // SSIAD event types, | separated
	carers      []pro
	report      string
	label       string
	equipment   bool // a medical bed or a lift: ORG-206 / ORG-208
	transports  []transport
	lastUpdated time.Time
}

var cancelReasons = []string{"Usager hospitalisé", "Usager absent", "Refus de soins", "Visite reportée à la demande de la famille"}

// careReports: what the aides (first) and the nurses write after a visit.
var careReports = map[bool][]string{
	false: {"Aide à la toilette et à l'habillage.", "Toilette complète au lit, prévention d'escarres.", "Aide au lever et à la mise au fauteuil.",
		"Aide au coucher, change.", "Toilette au lavabo, l'usager participe.", "Douche avec aide, surveillance de l'état cutané."},
	true: {"Pansement d'ulcère refait, plaie propre.", "Injection d'insuline, glycémie 1,32 g/l.", "Préparation du pilulier de la semaine.",
		"Surveillance des constantes, TA 13/8.", "Soins de sonde urinaire.", "Évaluation de la douleur, EVA 3."},
}

// newEvents spreads the visits over the agenda: each usager needs care a
// given number of times a week (three to fourteen), mostly in the morning
// round and, for the most dependent, also at bedtime.
func (g *Generator) newEvents(i int, u *usager) []event {
	r := g.rng(i, "evenements")
	perWeek := pick(r, []int{3, 4, 5, 7, 7, 10, 14})
	diabetic := chance(r, 0.1)
	var out []event
	for day := g.start; !day.After(g.end); day = day.AddDate(0, 0, 1) {
		if day.Before(u.sejour.entry) || (!u.sejour.exit.IsZero() && day.After(u.sejour.exit)) {
			continue
		}
		for _, slot := range []struct{ hour, spread, p int }{{7, 4 * 60, min(7, perWeek)}, {18, 2 * 60, perWeek - 7}} {
			if r.IntN(7) < slot.p {
				out = append(out, g.newEvent(r, u, len(out)+1, day, slot.hour, slot.spread, diabetic))
			}
		}
	}
	return out
}

func (g *Generator) newEvent(r *rand.Rand, u *usager, k int, day time.Time, hour, spread int, diabetic bool) event {
	start := day.Add(time.Duration(hour)*time.Hour + time.Duration(5*r.IntN(spread/5))*time.Minute)
	e := event{ref: fmt.Sprintf("%s%04d", u.ref, k), start: start, end: start.Add(time.Duration(20+5*r.IntN(9)) * time.Minute), status: "finished"}
	who := u.carers[1+r.IntN(len(u.carers)-1)]
	e.carers = []pro{who}
	switch x := r.Float64(); {
	case x < 0.05:
		e.carers, e.types = []pro{u.carers[0], who}, "MED-1299" // joint visit
	case x < 0.25:
		e.carers = []pro{u.carers[0]}
	}
	if e.types == "" {
		e.types = e.carers[0].role.eventType
		if diabetic && e.carers[0].role.nurse {
			e.types = "MED-1311"
		}
	}
	switch {
	case !day.Before(g.end): // today's visits are still to come
		e.status = "planned"
	case chance(r, 0.04):
		e.status, e.cancel = "cancelled", pick(r, cancelReasons)
	default:
		e.report = pick(r, careReports[e.carers[0].role.nurse])
	}
	e.label = "Soins d'hygiène et de confort"
	if e.carers[0].role.nurse {
		e.label = "Soins infirmiers"
	}
	e.equipment = chance(r, 0.05)
	e.lastUpdated = e.end.Add(time.Duration(5+r.IntN(120)) * time.Minute)
	if e.status == "finished" {
		e.transports = newTransports(r, u, e)
	}
	return e
}
