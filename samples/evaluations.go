package samples

import "github.com/tddui/tddui/templates"

// SSIADEvaluationsExempleIG holds the data of every QuestionnaireResponse
// example of the IG (2.2.0, the 2.2.0-ballot AGGIR PA and PH, and the one
// of Bundle-tddui-pp-pa-bundle-example), on the SSIAD evaluation sheets.
// The usager, professionnel and événement they refer to are the SSIAD
// sample's; the PP-PA example's usager (Jeanne L.) is a row of its own.
var SSIADEvaluationsExempleIG = Data{Template: templates.SSIAD, Sheets: map[string][]Row{
	templates.SheetParametres:     SSIADExempleIG.Sheets[templates.SheetParametres],
	templates.SheetStructure:      SSIADExempleIG.Sheets[templates.SheetStructure],
	templates.SheetProfessionnels: SSIADExempleIG.Sheets[templates.SheetProfessionnels],
	templates.SheetUsagers: append(SSIADExempleIG.Sheets[templates.SheetUsagers][:1:1],
		Row{"ref": "123456789", "nom_naissance": "L.", "premier_prenom": "Jeanne", "sexe": "female"}),
	templates.SheetSejours:    SSIADExempleIG.Sheets[templates.SheetSejours],
	templates.SheetLieux:      SSIADExempleIG.Sheets[templates.SheetLieux],
	templates.SheetEvenements: SSIADExempleIG.Sheets[templates.SheetEvenements],

	templates.SheetEvalAggirPA: {
		aggir(evaluation("21564655"), "MED-340 - GIR-2", aggirPA),
		ppPAEvaluation(),
	},
	templates.SheetEvalAggirPH: {aggir(evaluation("21564656"), "MED-340 - GIR-2", aggirPH)},
	templates.SheetEvalSerafin: {
		with(evaluation("21564657"), Row{"commentaire": serafinComment,
			"besoin-loco-mot": 31, "besoin-entretien-personnel": 31, "besoin-mobilite": 31, "besoin-vivre-logement": 31}),
		with(evaluation("21564658"), Row{"commentaire": serafinComment, "besoin-vivre-logement": 30}),
	},
	templates.SheetEvalSituation: {
		with(evaluation("21564659"), Row{"incontinence": "non", "incontinence-fec": "non", "obesite": "non",
			"trouble-cognitif": "oui", "trouble-personnalite": "non", "soins-ide": "non", "prise-charge-ide": "non"}),
	},
}}

const serafinComment = "Cette évaluation fait suite à la demande de Madame Dupont pour organiser le suivi post-opératoire de son fils " +
	"qu’elle ne peut pas gérer. L'objectif est de décrire le besoin de Monsieur Dupont de disposer d’une prestation d’hébergement pour une durée de 1 mois."

// evaluation is what the SSIAD examples share: Jean Dupont, evaluated by
// Claire Martin on 6 April 2023 during événement 12548, approved.
func evaluation(num string) Row {
	return Row{"ref": num, "usager": "194704032", "date": date(2023, 4, 6), "statut": "APPROUVE",
		"evaluateur": "CM01", "evenement": "12548"}
}

func with(r, more Row) Row {
	for k, v := range more {
		r[k] = v
	}
	return r
}

// activity is one AGGIR activity as an evaluator fills it: the question's
// answer, then "fait spontanément / totalement / correctement /
// habituellement" as O (oui) or N (non). stem prefixes the sub-questions'
// linkIds, which the grid does not derive from the question's.
type activity struct{ question, stem, answer, stch string }

var aggirPA = []activity{
	{"fonction-pensee", "pensee", "qf0", "OOOO"},
	{"fonction-orientation", "orientation", "qf0", "OOOO"},
	{"se-laver", "laver", "qf4", "NNNN"},
	{"prendre-soin", "prendre-soin", "qf4", "NNNN"},
	{"mettre-vetement", "mettre-vetement", "qf4", "NNNN"},
	{"motricite-fine", "motricite-fine", "qf2", "ONOO"},
	{"mettre-chaussure", "mettre-chaussure", "qf4", "NNNN"},
	{"manger", "manger", "qf2", "ONOO"},
	{"passage-aliment", "passage-aliment", "qf0", "OOOO"},
	{"assurer-regulation-miction", "miction", "qf2", "ONOO"},
	{"assurer-regulation-defecation", "defecation", "qf2", "ONOO"},
	{"position-corps", "position-corps", "qf4", "NNNN"},
	{"deplacer-maison", "deplacer-maison", "qf4", "NNNN"},
	{"deplacer-dehors", "deplacer-dehors", "qf4", "NNNN"},
	{"appareil-communication", "appareil", "qf0", "OOOO"},
}

var aggirPH = []activity{
	{"fonction-pensee", "pensee", "qf0", "OOOO"},
	{"fonction-orientation", "orientation", "qf0", "OOOO"},
	{"se-laver", "laver", "qf4", "NNNN"},
	{"s'habiller", "habiller", "qf4", "NNNN"},
	{"manger", "manger", "qf2", "ONOO"},
	{"aller-aux-toilettes", "toilette", "qf2", "ONOO"},
	{"position-corps", "position-corps", "qf4", "NNNN"},
	{"deplacer-maison", "deplacer-maison", "qf4", "NNNN"},
	{"deplacer-hors-maison", "deplacer-hors-maison", "qf4", "NNNN"},
	{"appareil-communication", "appareil", "qf0", "OOOO"},
}

var (
	adverbs = []string{"spont", "tot", "correct", "habit"}
	yesNo   = map[byte]string{'O': "oui", 'N': "non"}
)

func aggir(r Row, result string, acts []activity) Row {
	r["resultat-eval"] = result
	for _, a := range acts {
		r[a.question] = a.answer
		for i, adv := range adverbs {
			r[a.stem+"-"+adv] = yesNo[a.stch[i]]
		}
	}
	return r
}
