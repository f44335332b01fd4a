package synth

import "github.com/tddui/tddui/templates"

// genRow is what another sheet needs of a row to refer to it: its key,
// and the key of the projet it belongs to ("" for a usager's own rows,
// which every projet's rows may name), and, for a generic row, the key
// of the row it hangs on.
type genRow struct{ key, root, parent string }

// worldKeys lists a usager's rows on each hand-written sheet; the
// generic sheets find their parents and targets here.
var worldKeys = map[string]func(*usager) []genRow{
	templates.SheetUsagers:    func(u *usager) []genRow { return []genRow{{key: u.ref}} },
	templates.SheetLieux:      func(u *usager) []genRow { return []genRow{{key: lieuRef(u)}} },
	templates.SheetSejours:    func(u *usager) []genRow { return []genRow{{key: u.sejour.ref}} },
	templates.SheetContacts:   func(u *usager) []genRow { return mapKeys(u.contacts, func(c contact) string { return c.ref }) },
	templates.SheetEvenements: func(u *usager) []genRow { return mapKeys(u.events, func(e event) string { return e.ref }) },
	templates.SheetTransports: func(u *usager) []genRow {
		var out []genRow
		for _, e := range u.events {
			out = append(out, mapKeys(e.transports, func(t transport) string { return t.ref })...)
		}
		return out
	},
	templates.SheetProjets:   projetKeys(func(p *projet) []string { return []string{p.ref} }),
	templates.SheetAccords:   projetKeys(func(p *projet) []string { return keysOf(p.accords, func(a accord) string { return a.ref }) }),
	templates.SheetAttentes:  projetKeys(func(p *projet) []string { return keysOf(p.attentes, func(a attente) string { return a.ref }) }),
	templates.SheetBesoins:   projetKeys(func(p *projet) []string { return keysOf(p.besoins, func(b besoin) string { return b.ref }) }),
	templates.SheetObjectifs: projetKeys(func(p *projet) []string { return keysOf(p.objectifs, func(o objectif) string { return o.ref }) }),
	templates.SheetActions:   projetKeys(func(p *projet) []string { return keysOf(p.actions, func(a action) string { return a.ref }) }),
}

func keysOf[T any](l []T, key func(T) string) []string {
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = key(x)
	}
	return out
}

func mapKeys[T any](l []T, key func(T) string) []genRow {
	var out []genRow
	for _, k := range keysOf(l, key) {
		out = append(out, genRow{key: k})
	}
	return out
}

func projetKeys(keys func(*projet) []string) func(*usager) []genRow {
	return func(u *usager) []genRow {
		var out []genRow
		for i := range u.projets {
			for _, k := range keys(&u.projets[i]) {
				out = append(out, genRow{key: k, root: u.projets[i].ref})
			}
		}
		return out
	}
}

// rowsOf are a usager's rows on a sheet: from its world, or, for a sheet
// without a filler, the generic rows (computed once per world).
func (g *Generator) rowsOf(u *usager, sheet string) []genRow {
	if f, ok := worldKeys[sheet]; ok {
		return f(u)
	}
	if rows, ok := u.generic[sheet]; ok {
		return rows
	}
	if u.generic == nil {
		u.generic = map[string][]genRow{}
	}
	u.generic[sheet] = nil // a cycle of Owner paths ends here, empty
	if sh := g.opt.Template.Sheet(sheet); sh != nil {
		u.generic[sheet] = g.genericKeys(u, sh)
	}
	return u.generic[sheet]
}
