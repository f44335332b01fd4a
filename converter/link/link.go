// Package link indexes the records of each sheet by their key and resolves
// the references between sheets: every Ref cell must name an existing row,
// and rows that belong to a usager must only point to rows of the same usager.
package link

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/templates"
)

// Set is the records of a workbook, per sheet key, in reading order.
type Set struct {
	Template *templates.Template
	Sheets   map[string][]*record.Record
	index    map[string]map[string]*record.Record
}

// NewSet starts an empty set for a template.
func NewSet(t *templates.Template) *Set {
	return &Set{Template: t, Sheets: map[string][]*record.Record{}, index: map[string]map[string]*record.Record{}}
}

// Add indexes a record by its key, in its sheet and in its sheet's group;
// a key already used there is an error on the later row, which names the
// first.
func (s *Set) Add(r *record.Record, rep *report.Report) {
	k := r.Sheet.Key
	s.Sheets[k] = append(s.Sheets[k], r)
	if r.Key == "" {
		return
	}
	if s.indexKey(k, r, rep) && r.Sheet.Group != "" {
		s.indexKey(r.Sheet.Group, r, rep)
	}
}

// indexKey indexes r under name (a sheet or a group key); false if the key
// was taken.
func (s *Set) indexKey(name string, r *record.Record, rep *report.Report) bool {
	if s.index[name] == nil {
		s.index[name] = map[string]*record.Record{}
	}
	first, dup := s.index[name][r.Key]
	switch {
	case !dup:
		s.index[name][r.Key] = r
		return true
	case first.Sheet == r.Sheet:
		r.Reject(rep, r.Sheet.KeyColumn().Key, r.Key, "une clé unique dans l'onglet",
			fmt.Sprintf("clé déjà utilisée ligne %d", first.Row.Line))
	default:
		r.Reject(rep, r.Sheet.KeyColumn().Key, r.Key, "une clé unique dans les onglets "+sheetNames(s.Template.RefSheets(name)),
			fmt.Sprintf("clé déjà utilisée onglet « %s » ligne %d", first.Row.Sheet, first.Row.Line))
	}
	return false
}

// ofSheets: de l'onglet « A », or des onglets « A », « B » ou « C ».
func ofSheets(sheets []*templates.Sheet) string {
	if len(sheets) == 1 {
		return "de l'onglet " + sheetNames(sheets)
	}
	return "des onglets " + sheetNames(sheets)
}

// sheetNames: « A », « B » ou « C », for messages.
func sheetNames(sheets []*templates.Sheet) string {
	out := ""
	for i, sh := range sheets {
		switch {
		case i == 0:
		case i == len(sheets)-1:
			out += " ou "
		default:
			out += ", "
		}
		out += "« " + sh.Name + " »"
	}
	return out
}

// Get is the record of a sheet (or of a group's sheets) with this key,
// until Resolve drops the index.
func (s *Set) Get(sheet, key string) *record.Record { return s.index[sheet][key] }

// Resolve fills every record's links, then drops the keys' index. A SoleRow column left empty names the
// target sheet's only row, when there is one.
func (s *Set) Resolve(rep *report.Report) {
	s.eachRow(func(r *record.Record) {
		for i := range r.Sheet.Columns {
			if c := &r.Sheet.Columns[i]; c.Kind == templates.Ref {
				s.resolveCell(r, c, rep)
			}
		}
	})
	s.eachRow(func(r *record.Record) { s.checkOwner(r, rep) })
	// the links are set: the keys' index (~50 bytes a row) need not stay
	// for the rest of the run
	s.index = nil
}

// eachRow calls f on every record, on every core: f may change its record
// (links, Bad) and read the others; the report takes concurrent issues and
// is sorted before it is written. A million rows are resolved in a few
// seconds on one core.
func (s *Set) eachRow(f func(r *record.Record)) {
	const chunk = 4096
	work := make(chan []*record.Record)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for rows := range work {
				for _, r := range rows {
					f(r)
				}
			}
		})
	}
	for _, sh := range s.Template.Sheets {
		rows := s.Sheets[sh.Key]
		for i := 0; i < len(rows); i += chunk {
			work <- rows[i:min(i+chunk, len(rows))]
		}
	}
	close(work)
	wg.Wait()
}

func (s *Set) resolveCell(r *record.Record, c *templates.Column, rep *report.Report) {
	keys := r.Strs(c.Key)
	if len(keys) == 0 && c.SoleRow && len(s.Sheets[c.Ref]) == 1 {
		r.AddLink(c.Key, s.Sheets[c.Ref][0])
		return
	}
	targets := s.Template.RefSheets(c.Ref)
	for _, k := range keys {
		t := s.Get(c.Ref, k)
		if t == nil {
			r.Reject(rep, c.Key, k, fmt.Sprintf("la clé d'une ligne %s (colonne « %s »)", ofSheets(targets), targets[0].KeyColumn().Label),
				"référence à une ligne absente")
			continue
		}
		r.AddLink(c.Key, t)
	}
}

// Owner is the usager record a row belongs to, nil for shared rows (or when
// the link is broken).
func Owner(r *record.Record) *record.Record {
	if r.Sheet.Owner == nil {
		return nil
	}
	for _, k := range r.Sheet.Owner {
		if r = r.Link(k); r == nil {
			return nil
		}
	}
	return r
}

// checkOwner rejects a link from a usager's row to another usager's row
// (an événement in someone else's séjour), which would leak data between
// bundles.
func (s *Set) checkOwner(r *record.Record, rep *report.Report) {
	own := Owner(r)
	if own == nil {
		return
	}
	r.EachLink(func(key string, targets []*record.Record) {
		for _, t := range targets {
			if o := Owner(t); o != nil && o != own {
				r.Reject(rep, key, t.Key, "une ligne du même usager ("+own.Key+")",
					"cette ligne appartient à l'usager "+o.Key)
			}
		}
	})
}
