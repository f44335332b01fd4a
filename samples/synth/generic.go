package synth

import (
	"fmt"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// generable says whether rows of a sheet without a filler can be made
// from its column definitions alone: it hangs on a usager's row (Owner),
// and no required cell needs what cannot be invented (a file, an answer
// of an evaluation grid, a code from an empty list).
func generable(sh *templates.Sheet) bool {
	if len(sh.Owner) == 0 || sh.Questionnaire != "" || sh.Column(sh.Owner[0]) == nil {
		return false
	}
	for i := range sh.Columns {
		c := &sh.Columns[i]
		if !c.Required || c.Kind == templates.Ref {
			continue
		}
		if c.Kind == templates.File || c.Item || (c.Kind == templates.Code && len(c.ValueSetData().Concepts) == 0) {
			return false
		}
	}
	return true
}

// genericKeys: one or two rows per row of the sheet the first Owner
// column names, keyed after it. The counts have a random source of their
// own: a child sheet recomputes them without drawing the values.
func (g *Generator) genericKeys(u *usager, sh *templates.Sheet) []genRow {
	if !generable(sh) {
		return nil
	}
	r := g.rng(u.n, "generic-keys:"+sh.Key)
	var out []genRow
	for _, p := range g.rowsOf(u, sh.Column(sh.Owner[0]).Ref) {
		for k := range 1 + r.IntN(2) {
			row := genRow{key: fmt.Sprintf("%s-%s%d", p.key, sh.Key[:min(3, len(sh.Key))], k+1), root: p.root, parent: p.key}
			if sh.OwnBundle {
				row.root = row.key
			}
			out = append(out, row)
		}
	}
	return out
}

// genericSheet writes a sheet no filler knows: its key, its Owner link,
// and every required column.
func (g *Generator) genericSheet(sh *templates.Sheet, emit Emit) error {
	if !generable(sh) {
		return nil // the header alone: the sheet stays empty
	}
	return g.eachUsager(func(u *usager) error {
		r := g.rng(u.n, "generic:"+sh.Key)
		for _, row := range g.rowsOf(u, sh.Key) {
			out := samples.Row{sh.KeyColumn().Key: row.key, sh.Owner[0]: row.parent}
			complete(sh, out, func(c *templates.Column) (any, bool) { return g.value(r, u, row.root, c) })
			if err := emit(out); err != nil {
				return err
			}
		}
		return nil
	})
}

// complete fills the required cells a row lacks from the column's
// definition.
func complete(sh *templates.Sheet, row samples.Row, fill func(*templates.Column) (any, bool)) {
	for i := range sh.Columns {
		c := &sh.Columns[i]
		if v, set := row[c.Key]; c.Required && (!set || v == "") {
			if v, ok := fill(c); ok {
				row[c.Key] = v
			}
		}
	}
}
