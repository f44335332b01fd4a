package synth

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

// Every INS passes the mod-97 check and agrees with the traits it encodes.
func TestNIRsMatchTheirUsagers(t *testing.T) {
	g := generator(t, "ssiad", 200, 1, 9)
	withINS := 0
	for _, u := range rows(t, g, templates.SheetUsagers) {
		ins, _ := u["ins"].(string)
		if ins == "" {
			continue
		}
		withINS++
		if err := identifiant.CheckNIR(ins); err != nil {
			t.Fatalf("%s: %v", ins, err)
		}
		birth := u["date_naissance"].(time.Time)
		want := fmt.Sprintf("%d%02d%02d%s%03d", map[string]int{"male": 1, "female": 2}[u["sexe"].(string)],
			birth.Year()%100, int(birth.Month()), u["commune_naissance_insee"], u["rang_naissance"])
		if ins[:13] != want {
			t.Errorf("INS %s, traits give %s", ins, want)
		}
	}
	if withINS < 100 {
		t.Errorf("only %d usagers of 200 have an INS", withINS)
	}
}

// Corsica's departments count as 19 and 18 in the key.
func TestNIRCorsica(t *testing.T) {
	birth := time.Date(1950, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []commune{{"2A004", "20000", "Ajaccio"}, {"2B033", "20200", "Bastia"}} {
		if n := nir(false, birth, c, 12); identifiant.CheckNIR(n) != nil {
			t.Errorf("%s: %v", n, identifiant.CheckNIR(n))
		}
	}
}

// FINESS and RPPS have their shape and a Luhn key; a wrong digit breaks it.
func TestFINESSAndRPPS(t *testing.T) {
	if luhn("75071218") != "750712184" { // a real FINESS
		t.Errorf("luhn(75071218) = %s", luhn("75071218"))
	}
	for n := range 50 {
		f := finess("33", n*7919)
		if err := identifiant.CheckFINESS(f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if r := rpps(n * 104729); len(r) != 11 || luhn(r[:10]) != r {
			t.Errorf("rpps %s", r)
		}
		typo := f[:7] + strconv.Itoa((int(f[7]-'0')+1)%10)
		if luhn(f[:8]) != f || luhn(typo)[8] == f[8] {
			t.Errorf("finess %s: a typo keeps its key", f)
		}
	}
}

// Events happen during the séjour, in the agenda, each after the last.
func TestEventsInSejourAndAgenda(t *testing.T) {
	g := generator(t, "ssiad", 60, 3, 5)
	total := 0
	for i := range 60 {
		u := g.usager(i)
		for _, e := range u.events {
			total++
			if e.start.Before(u.sejour.entry) || e.start.Before(g.start) || e.start.After(g.end.AddDate(0, 0, 1)) || !e.end.After(e.start) {
				t.Errorf("usager %s event %s at %v: séjour from %v, agenda %v–%v", u.ref, e.ref, e.start, u.sejour.entry, g.start, g.end)
			}
		}
	}
	if perWeek := float64(total) / 60 / 3; perWeek < 3 || perWeek > 14 {
		t.Errorf("%.1f events a week per usager", perWeek)
	}
}
