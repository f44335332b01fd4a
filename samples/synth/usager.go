package synth

import (
	"strconv"

	"github.com/tddui/tddui/templates"
)

// usager is one usager's world: everything its rows on any sheet say.
type usager struct {
	n   int    // 0-based number in the data set
	ref string // key on the Usagers sheet
	person
	carers   []pro // who visits: a referent nurse first, then aides
	contacts []contact
	sejour   sejour
	events   []event
	projets  []projet
	generic  map[string][]genRow // rows of sheets without a filler, by sheet key
}

// usager rebuilds usager i's world. Each part draws from its own random
// source, so that the parts a template lacks cost nothing and change
// nothing.
func (g *Generator) usager(i int) *usager {
	u := &usager{n: i, ref: strconv.Itoa(1000001 + i)}
	u.person = newUsager(g.rng(i, "usager"), g.end, g.structure.town)
	if o, ok := g.birthOrders[i]; ok {
		u.birthOrder, u.ins = o, nir(u.male, u.birth, u.birthPlace, o)
	}
	u.carers = g.carers(i)
	if g.has(templates.SheetContacts) {
		u.contacts = newContacts(g.rng(i, "contacts"), u)
	}
	if g.has(templates.SheetEvenements) {
		u.sejour = g.newSejour(i)
		u.events = g.newEvents(i, u)
	}
	if g.has(templates.SheetProjets) {
		u.projets = g.newProjets(i, u)
	}
	return u
}

// carers: a referent nurse and two or three aides of the team, so that
// the same faces come back week after week, as in a real round.
func (g *Generator) carers(i int) []pro {
	r := g.rng(i, "carers")
	out := []pro{pick(r, g.nurses)}
	for range 2 + r.IntN(2) {
		out = append(out, pick(r, g.aides))
	}
	return out
}
