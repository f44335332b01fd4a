package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/tddui/tddui/internal/questionnaire"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// grids: who is assessed on each evaluation sheet during the agenda, and
// how often. An SSIAD assesses dependency (AGGIR: the PA grid from 65,
// the PH one below), the situation that justifies its care, and, for
// some, the SERAFIN needs.
var grids = map[string]struct {
	tag   string // in the evaluation's number
	share float64
	who   func(age int) bool
}{
	templates.SheetEvalAggirPA:   {"PA", 0.35, func(age int) bool { return age >= 65 }},
	templates.SheetEvalAggirPH:   {"PH", 0.35, func(age int) bool { return age < 65 }},
	templates.SheetEvalSituation: {"SIT", 0.25, func(int) bool { return true }},
	templates.SheetEvalSerafin:   {"SER", 0.15, func(int) bool { return true }},
}

func init() {
	for key := range grids {
		fillers[key] = evaluationFiller(key)
	}
}

// evaluationFiller writes an evaluation sheet: at most one row a usager,
// made on one of its visits by its referent nurse (on a day of the agenda
// for a template without visits). The answers come from the grid's
// columns, that is from the IG's Questionnaire (see answers).
func evaluationFiller(key string) filler {
	return perUsager(func(g *Generator, u *usager, emit Emit) error {
		sh, grid := g.opt.Template.Sheet(key), grids[key]
		r := g.rng(u.n, "evaluation:"+key)
		if sh == nil || !chance(r, grid.share) {
			return nil
		}
		day, visit := g.evaluationDay(r, u)
		if !grid.who(age(u.birth, day)) {
			return nil
		}
		row := samples.Row{"ref": fmt.Sprintf("%s-%s", u.ref, grid.tag), "usager": u.ref, "date": day,
			"statut": pick(r, sh.Column("statut").ValueSetData().Concepts).Code, "evaluateur": u.carers[0].ref}
		if visit != "" {
			row["evenement"] = visit
		}
		q, err := questionnaire.ByURL(sh.Questionnaire)
		if err != nil {
			return err
		}
		answers(r, sh, q, row)
		return emit(row)
	})
}

// evaluationDay: the day of a visit made (its reference), or, without
// visits, a day of the agenda.
func (g *Generator) evaluationDay(r *rand.Rand, u *usager) (time.Time, string) {
	var done []event
	for _, e := range u.events {
		if e.status == "finished" {
			done = append(done, e)
		}
	}
	if len(done) == 0 {
		return g.day(r), ""
	}
	e := pick(r, done)
	return time.Date(e.start.Year(), e.start.Month(), e.start.Day(), 0, 0, 0, 0, time.UTC), e.ref
}

func age(birth, on time.Time) int {
	a := on.Year() - birth.Year()
	if on.YearDay() < birth.YearDay() {
		a--
	}
	return a
}

// answers fills the item columns of a grid. The usager's dependency (0:
// none, 1: total) sets the answer of each AGGIR activity: its first
// option (qf0, done alone) to its last (qf4, not done); the four
// sub-questions under it follow (all "oui" for the first option, all "non"
// for the last, a mix between), and the result item, whose options are
// the GIRs from 1 (most dependent) to 6, follows the activities (the AGGIR
// algorithm itself is not reproduced). Yes/no items are "oui" for one
// usager in five, but for an item that says no other applies (exclusive);
// integers are SERAFIN needs, a few of them scored as the IG's examples
// score them.
func answers(r *rand.Rand, sh *templates.Sheet, q *questionnaire.Questionnaire, row samples.Row) {
	dependency := r.Float64()
	var result *templates.Column
	var needs []*templates.Column
	var score, scored, scoredNeeds int
	anyYes := false
	for i := range sh.Columns {
		c := &sh.Columns[i]
		if !c.Item {
			continue
		}
		it := q.Item(c.Key)
		switch {
		case c.Kind == templates.Code && len(c.Options) > 0 && sumsUp(it):
			result = c
		case c.Kind == templates.Code && len(c.Options) > 0: // an activity
			k := level(r, dependency, len(c.Options))
			row[c.Key] = c.Options[k].Code
			score, scored = score+k, scored+len(c.Options)-1
		case c.Kind == templates.Bool && it.Parent != nil && it.Parent.Answerable():
			row[c.Key] = subAnswer(r, it.Parent, row)
		case c.Kind == templates.Bool && exclusive[c.Key]:
			row[c.Key] = yesNo(!anyYes)
		case c.Kind == templates.Bool:
			yes := chance(r, 0.2)
			anyYes = anyYes || yes
			row[c.Key] = yesNo(yes)
		case c.Kind == templates.Integer:
			needs = append(needs, c)
			if chance(r, 0.12) {
				row[c.Key] = pick(r, serafinScores)
				scoredNeeds++
			}
		}
	}
	if scoredNeeds == 0 && len(needs) > 0 { // a grid without an answer is no evaluation
		row[pick(r, needs).Key] = pick(r, serafinScores)
	}
	if result != nil && scored > 0 {
		n := len(result.Options)
		row[result.Key] = result.Options[n-1-score*(n-1)/scored].Code
	}
}

// exclusive are the yes/no items that say none of the others applies;
// each comes last in its grid, after the items it sums up.
var exclusive = map[string]bool{"aucun-motif": true}

// serafinScores are the values the IG's SERAFIN examples give a need.
var serafinScores = []int{30, 31}

// sumsUp tells whether a choice item sums up choice items under it (the
// GIR, above the AGGIR activities).
func sumsUp(it *questionnaire.Item) bool {
	for _, sub := range it.Items {
		if len(sub.Options) > 0 {
			return true
		}
	}
	return false
}

// level draws an option index, 0 to n-1, the higher the more dependent.
func level(r *rand.Rand, dependency float64, n int) int {
	switch x := r.Float64(); {
	case x < dependency*0.6:
		return n - 1
	case x < dependency:
		return n / 2
	}
	return 0
}

// subAnswer answers a sub-question from its question's answer (already in
// row: the columns follow the grid's order).
func subAnswer(r *rand.Rand, parent *questionnaire.Item, row samples.Row) string {
	code, _ := row[parent.LinkID].(string)
	switch {
	case code == "" || code == parent.Options[0].Code:
		return "oui"
	case code == parent.Options[len(parent.Options)-1].Code:
		return "non"
	}
	return yesNo(chance(r, 0.5))
}
