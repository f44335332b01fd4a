package synth

import (
	"fmt"

	"github.com/tddui/tddui/samples"
)

// eachProjet runs rows over every projet of a usager, stopping at the
// first error.
func eachProjet(u *usager, rows func(p *projet) []samples.Row, emit Emit) error {
	for i := range u.projets {
		for _, row := range rows(&u.projets[i]) {
			if err := emit(row); err != nil {
				return err
			}
		}
	}
	return nil
}

func projetRows(_ *Generator, u *usager, emit Emit) error {
	return eachProjet(u, func(p *projet) []samples.Row {
		row := samples.Row{"ref": p.ref, "usager": u.ref, "statut": p.status, "auteur_statut": p.referent.ref, "titre": p.title,
			"description": fmt.Sprintf("Projet élaboré avec %s et son entourage.", u.shortName()), "debut": p.start}
		if !p.end.IsZero() {
			row["fin"] = p.end
		}
		return []samples.Row{row}
	}, emit)
}

func accordRows(_ *Generator, u *usager, emit Emit) error {
	return eachProjet(u, func(p *projet) []samples.Row {
		var out []samples.Row
		for _, a := range p.accords {
			row := samples.Row{"ref": a.ref, "projet": p.ref, "type": a.kind, "date": a.date}
			switch {
			case a.signerPro != "":
				row["signataire_professionnel"] = a.signerPro
			case a.signerContact != "":
				row["signataire_contact"] = a.signerContact
			default:
				row["signataire_usager"] = "oui"
			}
			out = append(out, row)
		}
		return out
	}, emit)
}

func attenteRows(_ *Generator, u *usager, emit Emit) error {
	return eachProjet(u, func(p *projet) []samples.Row {
		var out []samples.Row
		for _, a := range p.attentes {
			out = append(out, samples.Row{"ref": a.ref, "projet": p.ref, "statut": "ACTIF", "description": a.text, "origine": a.origin})
		}
		return out
	}, emit)
}

func besoinRows(_ *Generator, u *usager, emit Emit) error {
	return eachProjet(u, func(p *projet) []samples.Row {
		var out []samples.Row
		for _, b := range p.besoins {
			row := samples.Row{"ref": b.ref, "projet": p.ref, "statut": "ACTIF", "description": b.text}
			if b.category != "" {
				row["categorie"] = b.category
			}
			out = append(out, row)
		}
		return out
	}, emit)
}

func objectifRows(_ *Generator, u *usager, emit Emit) error {
	return eachProjet(u, func(p *projet) []samples.Row {
		var out []samples.Row
		for _, o := range p.objectifs {
			out = append(out, samples.Row{"ref": o.ref, "projet": p.ref, "statut": "ACTIF", "auteur_statut": p.referent.ref,
				"titre": o.title, "description": o.text, "besoins": o.besoin, "debut": p.start, "echeance": o.due,
				"resultat_attendu": o.result, "referent": p.referent.ref})
		}
		return out
	}, emit)
}

func actionRows(_ *Generator, u *usager, emit Emit) error {
	return eachProjet(u, func(p *projet) []samples.Row {
		var out []samples.Row
		for _, a := range p.actions {
			out = append(out, samples.Row{"ref": a.ref, "projet": p.ref, "statut": "ACTIF", "auteur_statut": a.referent.ref,
				"titre": a.title, "description": a.text, "debut": a.start, "fin": a.end, "objectifs": a.objectif,
				"referent": a.referent.ref})
		}
		return out
	}, emit)
}
