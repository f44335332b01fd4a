package synth

import (
	"math/rand/v2"
	"time"

	"github.com/tddui/tddui/templates"
)

// kindValues invent a cell of each kind from the column definition: the
// example the template gives for text, a code of the column's list, a day
// of the agenda for dates.
var kindValues = map[templates.Kind]func(g *Generator, r *rand.Rand, c *templates.Column) (any, bool){
	templates.Text: func(_ *Generator, _ *rand.Rand, c *templates.Column) (any, bool) {
		if c.Example != "" {
			return c.Example, true
		}
		return c.Label, true
	},
	templates.Integer: func(_ *Generator, r *rand.Rand, _ *templates.Column) (any, bool) { return 1 + r.IntN(5), true },
	templates.Decimal: func(_ *Generator, r *rand.Rand, _ *templates.Column) (any, bool) {
		return float64(r.IntN(100)) / 4, true
	},
	templates.Date: func(g *Generator, r *rand.Rand, _ *templates.Column) (any, bool) { return g.day(r), true },
	templates.DateTime: func(g *Generator, r *rand.Rand, _ *templates.Column) (any, bool) {
		return g.day(r).Add(time.Duration(8*60+5*r.IntN(120)) * time.Minute), true
	},
	templates.Bool: func(_ *Generator, _ *rand.Rand, _ *templates.Column) (any, bool) { return "oui", true },
	templates.Code: func(_ *Generator, r *rand.Rand, c *templates.Column) (any, bool) {
		if vs := c.ValueSetData(); vs != nil && len(vs.Concepts) > 0 {
			return pick(r, vs.Concepts).Code, true
		}
		return nil, false
	},
}

// day is a day of the agenda, where the default send window looks.
func (g *Generator) day(r *rand.Rand) time.Time {
	return g.start.AddDate(0, 0, r.IntN(int(g.end.Sub(g.start).Hours()/24)+1))
}

// value invents a cell. A Ref names a shared row (the structure, a
// professional), or a row of the usager in the same projet (root); there
// is nothing to name without a usager.
func (g *Generator) value(r *rand.Rand, u *usager, root string, c *templates.Column) (any, bool) {
	if c.Kind != templates.Ref {
		if f := kindValues[c.Kind]; f != nil {
			return f(g, r, c)
		}
		return nil, false
	}
	switch c.Ref {
	case templates.SheetStructure:
		return g.structure.finess, true
	case templates.SheetProfessionnels:
		return pick(r, g.team).ref, true
	}
	if u == nil {
		return nil, false
	}
	var keys []string
	for _, row := range g.rowsOf(u, c.Ref) {
		if row.root == "" || row.root == root {
			keys = append(keys, row.key)
		}
	}
	if len(keys) == 0 {
		return nil, false
	}
	return pick(r, keys), true
}
