package samples

import "github.com/tddui/tddui/templates"

// The data of the IG's Projet personnalisé examples, as an ESSMS would type
// it (strings copied from the examples, typographic characters included).

// ppStructure is the structure of every IG example (FINESS 480787529).
var ppStructure = []Row{{"finess": "480787529", "id_nat_struct": "1480787529", "raison_sociale": "Les Chênes Verts"}}

// ppParametres fills the generator's three settings rows.
func ppParametres() []Row {
	return []Row{
		{"parametre": templates.ParamTestData, "valeur": "oui"},
		{"parametre": templates.ParamCleUsager, "valeur": "local"},
		{"parametre": templates.ParamCas, "valeur": "pp"},
	}
}

// PPIMEExempleIG is the data of Bundle-tddui-pp-ime-bundle-example: Hugo D.,
// a child in an IME. The accord is signed by the SSIAD example's nurse
// (Practitioner/tddui-practitioner-example), whom the IG example names
// without carrying her.
var PPIMEExempleIG = Data{Template: templates.PP, Sheets: map[string][]Row{
	templates.SheetParametres: ppParametres(),
	templates.SheetStructure:  ppStructure,
	templates.SheetProfessionnels: {
		{"ref": "CM01", "id_national": "10103441234", "civilite": "MME", "nom": "Martin", "prenom": "Claire",
			"diplome": "DE09", "profession_sante": "60", "mode_exercice": "S", "role": "330", "profession": "G15_60"},
	},
	templates.SheetUsagers: {
		{"ref": "123456", "nom_naissance": "D.", "premier_prenom": "Hugo"},
	},
	templates.SheetProjets: {
		{"ref": "12", "usager": "123456", "statut": "ENCOURS", "titre": "Projet personnalisé de Hugo en IME"},
	},
	templates.SheetAccords: {
		{"ref": "ACC-1", "projet": "12", "type": "accordStructure", "date": dateTime(2024, 1, 15, 9, 0), "signataire_professionnel": "CM01"},
	},
	templates.SheetObjectifs: {
		{"ref": "1234", "projet": "12", "statut": "ACTIF", "titre": "Objectif 1",
			"description": "Tolérer 20 min de cour avec casque anti‑bruit en 4 mois."},
		{"ref": "1235", "projet": "12", "statut": "ACTIF", "titre": "Objectif 2",
			"description": "Atteindre le niveau lecteur débutant (décodage syllabique) en 9 mois."},
	},
	templates.SheetActions: {
		{"ref": "1234", "projet": "12", "statut": "ACTIF", "titre": "Action de l'AS pour atteindre l'objectif 1",
			"description": "Vérification port du casque", "referent_libelle": "AESH"},
		{"ref": "1235", "projet": "12", "statut": "ACTIF", "titre": "Action de l'éducateur spécialisé pour atteindre l'objectif 2",
			"description": "Lecture guidée sur tablette 15 min/jour", "referent_libelle": "AESH"},
	},
}}

// PPPAExempleIG is the data of Bundle-tddui-pp-pa-bundle-example: Jeanne L.,
// an elderly person, and her AGGIR PA evaluation (GIR 3), which nothing of
// the example cites.
var PPPAExempleIG = Data{Template: templates.PP, Sheets: map[string][]Row{
	templates.SheetParametres: ppParametres(),
	templates.SheetStructure:  ppStructure,
	templates.SheetProfessionnels: {
		{"ref": "IDE-1", "id_national": "10101234567", "civilite": "MME", "nom": "Bernard", "prenom": "Élodie", "diplome": "DE09"},
	},
	templates.SheetUsagers: {
		{"ref": "123456789", "nom_naissance": "L.", "premier_prenom": "Jeanne", "sexe": "female"},
	},
	templates.SheetProjets: {
		{"ref": "1234", "usager": "123456789", "statut": "ENCOURS", "titre": "Projet personnalisé de Mme Jeanne L.", "documents": "DOC-ENTRANT"},
	},
	templates.SheetAccords: {
		{"ref": "ACC-1", "projet": "1234", "type": "accordStructure", "date": dateTime(2024, 1, 15, 9, 0), "signataire_professionnel": "IDE-1"},
	},
	templates.SheetAttentes: {
		{"ref": "1234", "projet": "1234", "statut": "ACTIF", "origine": "Famille",
			"description": "- Prévenir les chutes\n- Stabiliser le poids et le plaisir alimentaire\n- Maintenir le lien familial (visios)"},
		{"ref": "1235", "projet": "1234", "statut": "ACTIF", "origine": "Usager",
			"description": "- Garder la main sur l'organisation de ses journées \n- Participer à une chorale et à un club lecture\n- Se sentir en sécurité lors des déplacements"},
	},
	templates.SheetBesoins: {
		{"ref": "1234", "projet": "1234", "statut": "ACTIF", "description": "Besoin d'aide pour la mobilité et les déplacements."},
		{"ref": "1235", "projet": "1234", "statut": "ACTIF", "description": "Besoin en terme de nutrition et alimentation."},
		{"ref": "1236", "projet": "1234", "statut": "ACTIF", "description": "Besoin de maintien du lien social et d'activités récréatives."},
	},
	templates.SheetObjectifs: {
		{"ref": "1234", "projet": "1234", "statut": "ACTIF", "titre": "Objectif 1", "besoins": "1234", "documents": "DOC-BILANOBJ1",
			"description": "Réduire le risque de chute et la peur associée en 6 mois."},
		{"ref": "1235", "projet": "1234", "statut": "ACTIF", "titre": "Objectif 2", "besoins": "1235",
			"description": "Stabiliser l'état nutritionnel et restaurer le plaisir alimentaire sur 12 mois."},
		{"ref": "1236", "projet": "1234", "statut": "ACTIF", "titre": "Objectif 3", "besoins": "1236",
			"description": "Maintenir le lien social."},
	},
	templates.SheetActions: {
		{"ref": "1235", "projet": "1234", "statut": "ACTIF", "titre": "Action de l'ergothérapeute pour atteindre l'objectif 1", "objectifs": "1234",
			"description": "Évaluer et aménagr la chambre (éclairage, barres, tapis)", "referent_libelle": "Ergothérapeute"},
		{"ref": "1236", "projet": "1234", "statut": "ACTIF", "titre": "Action de l'IDE pour atteindre l'objectif 1", "objectifs": "1234",
			"description": "Atelier éducation risque de chute", "referent": "IDE-1"},
		{"ref": "1237", "projet": "1234", "statut": "ACTIF", "titre": "Action du kinésithérapeute pour atteindre l'objectif 1", "objectifs": "1234",
			"description": "Programme équilibre/marche 2×/semaine 12 semaines", "referent_libelle": "Kinésithérapeute"},
		{"ref": "12341", "projet": "1234", "statut": "ACTIF", "titre": "Action de l'animatrice pour atteindre l'objectif 2", "objectifs": "1235",
			"description": "Atelier cuisine mensuel co‑animé avec résidents", "referent_libelle": "Animatrice"},
		{"ref": "12342", "projet": "1234", "statut": "ACTIF", "titre": "Action de l'IDE pour atteindre l'objectif 2", "objectifs": "1235",
			"description": "Pesée mensuelle et dépistage dénutrition", "referent": "IDE-1"},
		{"ref": "1238", "projet": "1234", "statut": "ACTIF", "titre": "Action du psychologue pour atteindre l'objectif 3", "objectifs": "1236",
			"description": "Entretien de satisfaction semestriel", "referent_libelle": "Psychologue"},
	},
	templates.SheetMoyens: {
		{"ref": "1234", "projet": "1234", "statut": "ACTIF", "action": "1235", "titre": "Moyens mis en œuvre pour l'objectif 1 (avec rattachement SERAFIN‑PH)",
			"description": "Barres d'appui et balisage lumineux (budget EHPAD)"},
		{"ref": "1236", "projet": "1234", "statut": "ACTIF", "action": "1236", "titre": "Moyens mis en œuvre pour l'objectif 1 (avec rattachement SERAFIN‑PH)",
			"description": "Temps de coordination IDE/médecin coordonnateur"},
		{"ref": "123615", "projet": "1234", "statut": "ACTIF", "action": "12342", "titre": "Moyens mis en œuvre pour l'objectif 2 (avec rattachement SERAFIN‑PH)",
			"description": "Carnet de suivi poids"},
		{"ref": "1235", "projet": "1234", "statut": "ACTIF", "action": "1237", "titre": "Moyens mis en œuvre pour l'objectif 1 (avec rattachement SERAFIN‑PH)",
			"description": "30 h de kinésithérapie/6 mois"},
	},
	templates.SheetEvalAggirPA: {ppPAEvaluation()},
	templates.SheetDocuments: {
		{"ref": "DOC-ENTRANT", "usager": "123456789", "identifiant": "PPER-entrant-1234", "fichier": "documents/contexte-actuel-Jeanne-L.pdf",
			"auteur_structure": "480787529"},
		{"ref": "DOC-BILANOBJ1", "usager": "123456789", "identifiant": "PPER-bilanObj-1234", "fichier": "documents/bilanobj1.pdf",
			"auteur_structure": "480787529"},
	},
}}

// ppPAEvaluation is QuestionnaireResponse/tddui-pp-pa-questionnaire-response-aggir-pa-example:
// undated, no evaluator, the result alone.
func ppPAEvaluation() Row {
	return Row{"ref": "1234", "usager": "123456789", "statut": "APPROUVE", "resultat-eval": "MED-341 - GIR-3"}
}
