package synth

import (
	"math/rand/v2"
	"time"
)

// transport is a trip around a visit: the carer's drive to the usager
// (about a third of the visits: the others follow on foot or are counted
// on the round's first trip), or, rarely, the usager's own trip to a
// consultation.
type transport struct {
	ref, kind, mode, motor string
	carer                  pro
	start, end             time.Time
	km, minutes            int
	from, to               string
	escort, asepsis        bool
}

// carerModes: how carers move, most by car.
var carerModes = []string{"ORG-202", "ORG-202", "ORG-202", "ORG-202", "ORG-205", "ORG-204"}

var usagerModes = []string{"ORG-156", "ORG-160", "ORG-155"}

var destinations = []string{"Cabinet de kinésithérapie", "Centre hospitalier, consultation", "Laboratoire d'analyses", "Cabinet dentaire"}

func newTransports(r *rand.Rand, u *usager, e event) []transport {
	var out []transport
	if chance(r, 0.35) {
		t := transport{ref: e.ref + "1", kind: "professionnel", mode: pick(r, carerModes), carer: e.carers[0], km: 1 + r.IntN(25)}
		if t.mode == "ORG-202" {
			t.motor = pick(r, []string{"GEN-354", "GEN-354", "GEN-355", "GEN-356"})
		}
		t.minutes = 3 + 2*t.km
		t.start, t.end = e.start.Add(-time.Duration(t.minutes)*time.Minute), e.start
		t.to = u.address()
		out = append(out, t)
	}
	if chance(r, 0.02) {
		t := transport{ref: e.ref + "2", kind: "usager", mode: pick(r, usagerModes), km: 3 + r.IntN(40),
			escort: chance(r, 0.5), asepsis: chance(r, 0.1), from: u.address()}
		t.to = pick(r, destinations) + ", " + u.home.name
		t.minutes = 5 + 2*t.km
		t.start = e.end.Add(time.Duration(15+5*r.IntN(12)) * time.Minute)
		t.end = t.start.Add(time.Duration(t.minutes) * time.Minute)
		out = append(out, t)
	}
	return out
}

// budget is a trip's cost in euros: the kilometric allowance, one decimal.
func (t transport) budget() float64 { return float64(int(float64(t.km)*6.3+0.5)) / 10 }
