package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

func pick[T any](r *rand.Rand, l []T) T { return l[r.IntN(len(l))] }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

type structure struct {
	finess, name string
	town         commune
}

// structureNames: the kind of ESSMS each template is for.
var structureNames = map[string][]string{
	"ssiad": {"SSIAD de %s", "SSIAD ADMR de %s", "SSIAD de la Croix-Rouge de %s", "SSIAD du CCAS de %s"},
	"pp":    {"EHPAD Les Tilleuls de %s", "IME Les Peupliers de %s", "EHPAD Résidence du Parc de %s", "FAM Les Glycines de %s"},
}

func newStructure(r *rand.Rand, template string) structure {
	town := pick(r, mainlandTowns)
	names := structureNames[template]
	if names == nil {
		names = structureNames["ssiad"]
	}
	return structure{finess: finess(town.dept(), r.IntN(1000000)), name: fmt.Sprintf(pick(r, names), town.name), town: town}
}

// role of a team member: what they may do and how the IG codes it.
type role struct {
	title, eventType string
	nurse            bool // diplôme, profession de santé, RPPS
}

var (
	coordinator = role{"Infirmière coordinatrice", "MED-1298", true}
	nurse       = role{"Infirmier", "MED-1298", true}
	aide        = role{"Aide-soignant", "MED-1296", false}
)

type pro struct {
	ref, civilite, family, given, rpps string
	role                               role
}

// newTeam: a coordinator, then about a nurse for three aides.
func newTeam(r *rand.Rand, n int) []pro {
	team := make([]pro, n)
	for i := range team {
		ro := aide
		switch {
		case i == 0:
			ro = coordinator
		case i%4 == 1:
			ro = nurse
		}
		woman := chance(r, 0.85) // the care professions are mostly women
		p := pro{ref: fmt.Sprintf("PRO-%04d", i+1), family: pick(r, familyNames), role: ro, civilite: "M", given: pick(r, youngMen)}
		if woman {
			p.civilite, p.given = "MME", pick(r, youngWomen)
		}
		if ro.nurse {
			p.rpps = rpps(r.IntN(100000000))
		}
		team[i] = p
	}
	return team
}

// person is an identity, with the traits the INS carries.
type person struct {
	male          bool
	family, used  string // birth name, and the name used (a married name)
	given         []string
	birth         time.Time
	birthPlace    commune
	birthOrder    int
	home          commune
	street        string
	ins, identity string // identity: VALI with an INS, PROV without
}

// newUsager draws someone an SSIAD or an EHPAD looks after: 60 to 100
// years old at the end of the agenda, born in France, living near the
// structure (its town for half of them).
func newUsager(r *rand.Rand, end time.Time, near commune) person {
	p := person{male: chance(r, 0.4), family: pick(r, familyNames)}
	names := oldWomen
	if p.male {
		names = oldMen
	}
	for range 1 + r.IntN(3) {
		p.given = append(p.given, pick(r, names))
	}
	p.birth = time.Date(end.Year()-60-r.IntN(41), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	p.birthPlace, p.birthOrder = pick(r, communes), 1+r.IntN(999)
	p.home = near
	if chance(r, 0.5) {
		p.home = pick(r, communes)
	}
	p.street = fmt.Sprintf("%d %s", 1+r.IntN(120), pick(r, streets))
	if !p.male && chance(r, 0.6) {
		p.used = pick(r, familyNames)
	}
	p.identity = "PROV"
	if chance(r, 0.85) {
		p.ins, p.identity = nir(p.male, p.birth, p.birthPlace, p.birthOrder), "VALI"
	}
	return p
}

// birthName is written as the INS writes it: capitals.
func (p person) birthName() string { return strings.ToUpper(p.family) }

func (p person) civilite() string {
	if p.male {
		return "M"
	}
	return "MME"
}

func (p person) address() string {
	return p.street + ", " + p.home.postal + " " + p.home.name + ", France"
}

// shortName is how a care plan's title names the person: Mme Jeanne L.
func (p person) shortName() string {
	title := "Mme"
	if p.male {
		title = "M."
	}
	name := p.family
	if p.used != "" {
		name = p.used
	}
	return title + " " + p.given[0] + " " + string([]rune(name)[:1]) + "."
}

// contact is a relative: the relation codes an SSIAD meets most, with
// the sex each implies.
type contact struct {
	ref, relation, civilite, family, given, phone, email string
	protection                                           string // TUTEUR or CURATEUR: the contact is the legal guardian
}

var relations = []struct {
	code string
	male bool
}{{"DAU", false}, {"SON", true}, {"DAU", false}, {"SON", true}, {"NIECE", false}, {"NEPHEW", true}, {"SIS", false}, {"BRO", true}}

func newContacts(r *rand.Rand, u *usager) []contact {
	n := 0
	switch x := r.Float64(); {
	case x < 0.2:
		n = 2
	case x < 0.85:
		n = 1
	}
	var out []contact
	for k := range n {
		rel := pick(r, relations)
		c := contact{ref: fmt.Sprintf("C-%s-%d", u.ref, k+1), relation: rel.code, family: u.family, civilite: "MME",
			given: pick(r, youngWomen), phone: fmt.Sprintf("06 %02d %02d %02d %02d", r.IntN(100), r.IntN(100), r.IntN(100), r.IntN(100))}
		if rel.male {
			c.civilite, c.given = "M", pick(r, youngMen)
		}
		if chance(r, 0.5) {
			c.email = strings.ToLower(asciiFold(c.given+"."+c.family)) + "@exemple.fr"
		}
		if chance(r, 0.05) {
			c.protection = pick(r, []string{"TUTEUR", "CURATEUR"})
		}
		out = append(out, c)
	}
	return out
}

// asciiFold keeps an e-mail address plain ASCII.
func asciiFold(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ï", "i", "î", "i", "ô", "o",
		"ù", "u", "û", "u", "ç", "c", "É", "E", " ", "-", "'", "").Replace(s)
}
