package synth

import (
	"strings"

	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// filler writes the rows of one sheet from the worlds.
type filler func(*Generator, emitFor) error

// fillers are the hand-written sheets, by sheet key. The rows name columns
// by key; a key the sheet lacks is dropped by the writers, a required
// column left out is filled by complete.
var fillers = map[string]filler{
	templates.SheetParametres:     fillParametres,
	templates.SheetStructure:      fillStructure,
	templates.SheetProfessionnels: fillProfessionnels,
	templates.SheetUsagers:        perUsager(usagerRows),
	templates.SheetContacts:       perUsager(contactRows),
	templates.SheetSejours:        perUsager(sejourRows),
	templates.SheetLieux:          perUsager(lieuRows),
	templates.SheetEvenements:     perUsager(evenementRows),
	templates.SheetTransports:     perUsager(transportRows),
	templates.SheetProjets:        perUsager(projetRows),
	templates.SheetAccords:        perUsager(accordRows),
	templates.SheetAttentes:       perUsager(attenteRows),
	templates.SheetBesoins:        perUsager(besoinRows),
	templates.SheetObjectifs:      perUsager(objectifRows),
	templates.SheetActions:        perUsager(actionRows),
}

func perUsager(rows func(*Generator, *usager, Emit) error) filler {
	return func(g *Generator, emit emitFor) error {
		return g.eachUsager(func(u *usager) error {
			return rows(g, u, func(row samples.Row) error { return emit(u, row) })
		})
	}
}

// fillParametres: test data, so that nobody mistakes a fixture for real
// people (the NIR keys are valid nonetheless).
func fillParametres(g *Generator, emit emitFor) error {
	for _, p := range [][2]string{
		{templates.ParamTestData, "oui"},
		{templates.ParamCleUsager, "local"},
		{templates.ParamCas, g.opt.Template.Key},
	} {
		if err := emit(nil, samples.Row{"parametre": p[0], "valeur": p[1]}); err != nil {
			return err
		}
	}
	return nil
}

func fillStructure(g *Generator, emit emitFor) error {
	s := g.structure
	return emit(nil, samples.Row{"finess": s.finess, "id_nat_struct": "3" + s.finess, "raison_sociale": s.name})
}

func fillProfessionnels(g *Generator, emit emitFor) error {
	for _, p := range g.team {
		row := samples.Row{"ref": p.ref, "structure": g.structure.finess, "civilite": p.civilite, "nom": p.family, "prenom": p.given,
			"mode_exercice": "S"}
		if p.role.nurse {
			row["id_national"], row["diplome"], row["profession_sante"], row["profession"] = p.rpps, "DE09", "60", "G15_60"
		}
		if p.role == coordinator {
			row["role"] = "ATTPHYS"
		}
		if err := emit(nil, row); err != nil {
			return err
		}
	}
	return nil
}

func usagerRows(g *Generator, u *usager, emit Emit) error {
	p := u.person
	row := samples.Row{"ref": u.ref, "structure": g.structure.finess, "statut_identite": p.identity, "civilite": p.civilite(),
		"nom_naissance": p.birthName(), "premier_prenom": p.given[0], "prenoms_naissance": strings.Join(p.given, " "),
		"sexe": map[bool]string{true: "male", false: "female"}[p.male], "date_naissance": p.birth, "rang_naissance": p.birthOrder,
		"commune_naissance_insee": p.birthPlace.insee, "commune_naissance": p.birthPlace.name, "pays_naissance": "FRA",
		"adresse": p.street, "code_postal": p.home.postal, "ville": p.home.name, "adresse_texte": p.address()}
	if p.ins != "" {
		row["ins"] = p.ins
	}
	if p.used != "" {
		row["nom_utilise"] = p.used
	}
	return emit(row)
}

func contactRows(_ *Generator, u *usager, emit Emit) error {
	for _, c := range u.contacts {
		row := samples.Row{"ref": c.ref, "usager": u.ref, "relation": c.relation, "civilite": c.civilite, "nom": c.family,
			"prenom": c.given, "telephone": c.phone}
		if c.email != "" {
			row["email"] = c.email
		}
		if c.protection != "" {
			row["role"], row["protection"] = "GUARD", c.protection
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}
