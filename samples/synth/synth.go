// Package synth generates realistic, valid, deterministic data sets in the
// format of a template: as many usagers and weeks of agenda as asked, the
// same bytes for the same seed. It writes them row by row (excelize's
// StreamWriter, or one CSV a sheet), so that a million-row set never sits
// in memory.
//
// A data set is a function of (seed, usager number): each usager's world
// (identity, séjour, events, transports, projets…) is rebuilt from its own
// random source whenever a sheet needs it, instead of being kept. Sheets
// are written one after the other, and the rows of a usager on every sheet
// agree because they come from the same world.
//
// The sheets come from the template data: the hand-written fillers
// (fillers.go) give realism where it matters (dates, links); any column
// they leave empty that the template requires, and any sheet they do not
// know, are filled from the column definitions (generic.go), so that the
// generator keeps up with new columns and sheets.
package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// DefaultEnd is the last day of a generated agenda: fixed, so that a seed
// gives the same bytes whatever day it runs.
var DefaultEnd = time.Date(2025, 3, 30, 0, 0, 0, 0, time.UTC)

// Options of a data set.
type Options struct {
	Template *templates.Template
	Usagers  int
	Weeks    int // of agenda, ending on End
	Seed     uint64
	End      time.Time // zero: DefaultEnd
}

// Generator produces the rows of a data set, sheet by sheet.
type Generator struct {
	opt        Options
	start, end time.Time // first and last day of the agenda (wall clock, UTC)
	structure  structure
	team       []pro
	nurses     []pro // of the team, by role: drawn from for every usager
	aides      []pro
	needs      []need // SERAFIN-PH needs of the Besoins sheet's list
	// birthOrders replaces the drawn birth order of the usagers whose NIR
	// another usager drew first: the converter rightly refuses an INS
	// given twice (20,500 usagers drew two alike).
	birthOrders map[int]int
}

// New checks the options and draws what every usager shares: the
// structure and its team.
func New(opt Options) (*Generator, error) {
	if opt.Template == nil {
		return nil, fmt.Errorf("modèle manquant")
	}
	if opt.Usagers < 1 || opt.Weeks < 1 {
		return nil, fmt.Errorf("il faut au moins un usager et une semaine (reçu : %d usagers, %d semaines)", opt.Usagers, opt.Weeks)
	}
	if opt.End.IsZero() {
		opt.End = DefaultEnd
	}
	g := &Generator{opt: opt, end: opt.End, start: opt.End.AddDate(0, 0, -7*opt.Weeks+1)}
	r := g.rng(0, "structure")
	g.structure = newStructure(r, opt.Template.Key)
	g.team = newTeam(r, teamSize(opt.Usagers))
	g.needs = needCategories(opt.Template)
	for _, p := range g.team {
		if p.role.nurse {
			g.nurses = append(g.nurses, p)
		} else {
			g.aides = append(g.aides, p)
		}
	}
	g.birthOrders = uniqueNIRs(g)
	return g, nil
}

// uniqueNIRs draws every usager's person once, in order, and gives the
// next free birth order to one whose NIR is taken: the same seed still
// gives the same data set, whatever the order sheets are written in.
func uniqueNIRs(g *Generator) map[int]int {
	out := map[int]int{}
	seen := make(map[string]bool, g.opt.Usagers)
	for i := range g.opt.Usagers {
		p := newUsager(g.rng(i, "usager"), g.end, g.structure.town)
		if p.ins == "" {
			continue
		}
		for seen[p.ins] {
			p.birthOrder = p.birthOrder%999 + 1
			p.ins = nir(p.male, p.birth, p.birthPlace, p.birthOrder)
			out[i] = p.birthOrder
		}
		seen[p.ins] = true
	}
	return out
}

// teamSize: an SSIAD has about one carer for six usagers, and never fewer
// than a coordinator, a nurse and two aides.
func teamSize(usagers int) int { return max(4, 2+usagers/6) }

// rng is the random source of one part of the data set: the seed, a
// usager (0 for the shared rows) and a part name, so that adding a sheet
// or a draw in one part leaves every other part's data unchanged.
func (g *Generator) rng(usager int, part string) *rand.Rand {
	h := uint64(14695981039346656037) // FNV-1a of the part name
	for i := 0; i < len(part); i++ {
		h = (h ^ uint64(part[i])) * 1099511628211
	}
	return rand.New(rand.NewPCG(g.opt.Seed, h^uint64(usager)<<20))
}

// Emit receives one row; an error stops the generation.
type Emit func(samples.Row) error

// Rows generates the rows of one sheet of the template, in order. The
// required cells a filler leaves empty (a column added to the template
// since the filler was written) are filled from the column's definition.
func (g *Generator) Rows(sh *templates.Sheet, emit Emit) error {
	f, ok := fillers[sh.Key]
	if !ok {
		return g.genericSheet(sh, emit)
	}
	r := g.rng(0, "complete:"+sh.Key)
	return f(g, func(u *usager, row samples.Row) error {
		complete(sh, row, func(c *templates.Column) (any, bool) { return g.value(r, u, "", c) })
		return emit(row)
	})
}

// emitFor receives a filler's row, with the usager it belongs to (nil for
// shared rows).
type emitFor func(*usager, samples.Row) error

// eachUsager builds every usager's world in turn.
func (g *Generator) eachUsager(f func(*usager) error) error {
	for i := range g.opt.Usagers {
		if err := f(g.usager(i)); err != nil {
			return err
		}
	}
	return nil
}

// has says whether the template has a sheet: a world only draws the parts
// its template shows.
func (g *Generator) has(sheet string) bool { return g.opt.Template.Sheet(sheet) != nil }
