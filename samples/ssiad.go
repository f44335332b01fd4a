package samples

import "github.com/tddui/tddui/templates"

// SSIADExempleIG is the data of the IG example Bundle-tddui-bundle-example
// (plus its Location and RelatedPerson examples), as an SSIAD would type it.
var SSIADExempleIG = Data{Template: templates.SSIAD, Sheets: map[string][]Row{
	templates.SheetParametres: {
		{"parametre": templates.ParamTestData, "valeur": "oui"},
		{"parametre": templates.ParamCleUsager, "valeur": "ins"},
		{"parametre": templates.ParamCas, "valeur": "ssiad"},
	},
	templates.SheetStructure: {
		{"finess": "480787529", "id_nat_struct": "1480787529", "raison_sociale": "Les Chênes Verts"},
	},
	templates.SheetProfessionnels: {
		{"ref": "CM01", "structure": "480787529", "id_national": "10103441234", "civilite": "MME", "nom": "Martin", "prenom": "Claire",
			"diplome": "DE09 - DE Infirmier", "profession_sante": "60", "mode_exercice": "S - Salarié", "role": "330 - Coordonnateur de parcours",
			"profession": "G15_60"},
	},
	templates.SheetUsagers: {
		{"ref": "194704032", "ins": "147720425367411", "statut_identite": "VALI", "nom_naissance": "DUPONT", "premier_prenom": "Jean",
			"prenoms_naissance": "Jean Stéphane Patrick", "nom_utilise": "DUPONT", "sexe": "male - Masculin", "date_naissance": date(1947, 4, 3),
			"commune_naissance_insee": "63220", "commune_naissance": "Mazoires", "pays_naissance": "FRA",
			"adresse": "12 rue des Lilas", "code_postal": "76748", "ville": "Vittefleur", "adresse_texte": "12 rue des Lilas, 76748 Vittefleur, France"},
	},
	templates.SheetContacts: {
		{"ref": "C-1", "usager": "194704032", "identifiant": "3480787529/123456789-PPAttente-1234-enfant", "role": "GUARD", "relation": "FTH - Père"},
	},
	templates.SheetSejours: {
		{"ref": "1012", "usager": "194704032", "statut": "in-progress - En cours", "classe": "HH", "date_entree": date(2023, 4, 14),
			"date_admission": date(2023, 4, 11), "mode_entree": "Date de début du suivi post-opératoire : 14/04/2023",
			"mode_sortie": "Sortie prévisionnelle prévue pour le 5 mai 2023", "date_sortie_prevue": date(2023, 5, 5)},
	},
	templates.SheetLieux: {
		{"ref": "L-1", "adresse": "12 rue des Lilas", "code_postal": "76748", "ville": "Vittefleur", "pays": "FR"},
	},
	templates.SheetEvenements: {
		{"ref": "12548", "usager": "194704032", "sejour": "1012", "statut": "Réalisé", "debut": dateTime(2023, 4, 14, 10, 30),
			"fin": dateTime(2023, 4, 14, 11, 15), "type_ssiad": "MED-1298", "type_libre": "Intervention",
			"ressource_type": "ORG-206 - Matériel spécialisé", "materiel_detail": "ORG-208",
			"compte_rendu":   "Observations cliniques : ; Recommandations pour les jours à venir : ; Prochaine visite : 15 avril 2023, 10h30 ; Remarque : Monsieur Dupont a compris les consignes pour la gestion de sa douleur et la mobilisation de sa hanche opérée.",
			"commentaire":    "Cet évènement a débuté plus tard l’usager était sous la douche à l’heure du début du rendez-vous.",
			"libelle":        "Visite à domicile pour soins infirmier.",
			"motif":          "Suivi post-opératoire suite à intervention chirurgicale de la hanche.",
			"professionnels": "CM01", "lieu": "L-1"},
	},
	templates.SheetTransports: {
		{"ref": "154674", "type": "professionnel", "evenement": "12548", "professionnel": "CM01", "statut": "completed", "mode": "ORG-202",
			"debut": dateTime(2023, 4, 14, 10, 30), "fin": dateTime(2023, 4, 14, 11, 15), "transporteur": "480787529",
			"motorisation": "GEN-355 - Véhicule électrique", "budget_previsionnel": 2, "budget_reel": 2, "distance": 4, "duree": 10},
		{"ref": "154675", "type": "usager", "evenement": "12548", "statut": "completed", "mode": "ORG-156 - Taxi",
			"debut": dateTime(2023, 4, 14, 10, 30), "fin": dateTime(2023, 4, 14, 11, 15),
			"budget_previsionnel": 2, "budget_reel": 2, "distance": 4, "duree": 10, "accompagnement": "oui", "asepsie": "non", "nature": "3.2.4"},
	},
}}
