// Package link indexes the records of each sheet by their key and resolves
// the references between sheets: every Ref cell must name an existing row,
// and rows that belong to a usager must only point to rows of the same usager.
package link

import (
	"fmt"

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

// Add indexes a record by its key; a key already used in the sheet is an
// error on the second row, which names the first.
func (s *Set) Add(r *record.Record, rep *report.Report) {
	k := r.Sheet.Key
	s.Sheets[k] = append(s.Sheets[k], r)
	if r.Key == "" {
		return
	}
	if s.index[k] == nil {
		s.index[k] = map[string]*record.Record{}
	}
	if first, dup := s.index[k][r.Key]; dup {
		r.Reject(rep, r.Sheet.KeyColumn().Key, r.Key, "une clé unique dans l'onglet",
			fmt.Sprintf("clé déjà utilisée ligne %d", first.Row.Line))
		return
	}
	s.index[k][r.Key] = r
}

// Get is the record of a sheet with this key.
func (s *Set) Get(sheet, key string) *record.Record { return s.index[sheet][key] }

// Resolve fills every record's Links. A SoleRow column left empty names the
// target sheet's only row, when there is one.
func (s *Set) Resolve(rep *report.Report) {
	for _, sh := range s.Template.Sheets {
		for _, r := range s.Sheets[sh.Key] {
			r.Links = map[string][]*record.Record{}
			for i := range sh.Columns {
				if c := &sh.Columns[i]; c.Kind == templates.Ref {
					s.resolveCell(r, c, rep)
				}
			}
		}
	}
	s.checkOwners(rep)
}

func (s *Set) resolveCell(r *record.Record, c *templates.Column, rep *report.Report) {
	keys := r.Strs(c.Key)
	if len(keys) == 0 && c.SoleRow && len(s.Sheets[c.Ref]) == 1 {
		r.Links[c.Key] = s.Sheets[c.Ref][:1]
		return
	}
	target := s.Template.Sheet(c.Ref)
	for _, k := range keys {
		t := s.Get(c.Ref, k)
		if t == nil {
			r.Reject(rep, c.Key, k, fmt.Sprintf("la clé d'une ligne de l'onglet « %s » (colonne « %s »)", target.Name, target.KeyColumn().Label),
				"référence à une ligne absente")
			continue
		}
		r.Links[c.Key] = append(r.Links[c.Key], t)
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

// checkOwners rejects a link from a usager's row to another usager's row
// (an événement in someone else's séjour), which would leak data between
// bundles.
func (s *Set) checkOwners(rep *report.Report) {
	for _, sh := range s.Template.Sheets {
		for _, r := range s.Sheets[sh.Key] {
			own := Owner(r)
			if own == nil {
				continue
			}
			for key, targets := range r.Links {
				for _, t := range targets {
					if o := Owner(t); o != nil && o != own {
						r.Reject(rep, key, t.Key, "une ligne du même usager ("+own.Key+")",
							"cette ligne appartient à l'usager "+o.Key)
					}
				}
			}
		}
	}
}
