package synth

import (
	"strings"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

func sejourRows(_ *Generator, u *usager, emit Emit) error {
	s := u.sejour
	row := samples.Row{"ref": s.ref, "usager": u.ref, "statut": s.status(), "classe": "HH", "date_entree": s.entry,
		"date_admission": s.admission, "mode_entree": s.entryMode}
	if !s.exit.IsZero() {
		row["date_sortie"], row["mode_sortie"] = s.exit, s.exitMode
	}
	return emit(row)
}

// lieuRef: each usager is visited at home, one Lieux row per usager.
func lieuRef(u *usager) string { return "L-" + u.ref }

func lieuRows(_ *Generator, u *usager, emit Emit) error {
	p := u.person
	return emit(samples.Row{"ref": lieuRef(u), "nom": "Domicile de " + p.shortName(), "adresse": p.street,
		"code_postal": p.home.postal, "ville": p.home.name, "pays": "FR"})
}

func evenementRows(_ *Generator, u *usager, emit Emit) error {
	for _, e := range u.events {
		row := samples.Row{"ref": e.ref, "usager": u.ref, "sejour": u.sejour.ref, "statut": e.status, "classe": "HH",
			"debut": e.start, "fin": e.end, "type_ssiad": e.types, "libelle": e.label, "professionnels": refs(e.carers),
			"lieu": lieuRef(u)}
		switch e.status {
		case "finished":
			row["compte_rendu"], row["usager_present"], row["auteur_statut"] = e.report, "oui", e.carers[0].ref
			row["derniere_modification"] = e.lastUpdated
		case "cancelled":
			// The reason goes to the comment: the converter writes the
			// motif_annulation column as a valueString where the IG's
			// extension wants a CodeableConcept, and the bundle would fail.
			row["commentaire"], row["auteur_statut"], row["derniere_modification"] = "Non réalisé : "+e.cancel, e.carers[0].ref, e.lastUpdated
		}
		if e.equipment {
			row["ressource_type"], row["materiel_detail"] = "ORG-206", "ORG-208"
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

// refs is a multi-valued Ref cell.
func refs(ps []pro) string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.ref
	}
	return strings.Join(keys, templates.Separator)
}

func transportRows(g *Generator, u *usager, emit Emit) error {
	for _, e := range u.events {
		for _, t := range e.transports {
			row := samples.Row{"ref": t.ref, "type": t.kind, "evenement": e.ref, "statut": "completed", "mode": t.mode,
				"debut": t.start, "fin": t.end, "transporteur": g.structure.finess, "distance": t.km, "duree": t.minutes,
				"budget_previsionnel": t.budget(), "budget_reel": t.budget(), "adresse_destination": t.to}
			if t.kind == "professionnel" {
				row["professionnel"] = t.carer.ref
			} else {
				row["adresse_depart"], row["accompagnement"], row["asepsie"] = t.from, yesNo(t.escort), yesNo(t.asepsis)
				row["nature"] = "3.2.4.2"
			}
			if t.motor != "" {
				row["motorisation"] = t.motor
			}
			if err := emit(row); err != nil {
				return err
			}
		}
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}
