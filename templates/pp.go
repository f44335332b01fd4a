package templates

// Projet personnalisé sheet keys.
const (
	SheetProjets     = "projets"
	SheetAccords     = "accords"
	SheetAttentes    = "attentes"
	SheetBesoins     = "besoins"
	SheetObjectifs   = "objectifs"
	SheetActions     = "actions"
	SheetMoyens      = "moyens"
	SheetPrestations = "prestations"
	SheetBilans      = "bilans"
)

// Value sets of the Projet personnalisé columns. The status lists hold the
// French business statuses of the IG's logical model; each profile's
// builder maps them to its FHIR status.
const (
	VSStatutProjet   = "urn:tddui:vs:statut-projet"
	VSStatutObjectif = "urn:tddui:vs:statut-objectif"
	VSStatutBesoin   = "urn:tddui:vs:statut-besoin"
	VSStatutAction   = "urn:tddui:vs:statut-action"
	vsTypeProjet     = "https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j367-type-projet-personnalise-ms"
	vsStatutBilan    = "https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j366-statut-bilan-projet-personnalise-ms"
	vsBesoins        = "https://mos.esante.gouv.fr/NOS/JDV_J285-Besoins_SERAFIN/FHIR/JDV-J285-Besoins-SERAFIN"
	vsTypeAccord     = "https://interop.esante.gouv.fr/ig/fhir/tddui/ValueSet/tddui-care-plan-supporting-info"
)

// PP is the template of the Projet personnalisé (SERAFIN) use case. Every
// projet gets a bundle of its own.
var PP = register(&Template{
	Key:   "pp",
	Title: "Projet personnalisé : projets, attentes, besoins, objectifs, actions et bilans",
	Sheets: append(append(commonSheets(),
		projetsSheet(),
		accordsSheet(),
		attentesSheet(),
		besoinsSheet(),
		objectifsSheet(),
		actionsSheet(),
		moyensSheet(),
		prestationsSheet(),
		bilansSheet(),
		documentsSheet("Reliez-la à un projet, une attente, un besoin, un objectif, une action, un moyen, une prestation ou un bilan par leur colonne « Documents »."),
	), ppEvaluationSheets()...),
})

// ownedByProjet: rows below a projet belong to the projet's usager.
var ownedByProjet = []string{"projet", "usager"}

func projetColumn() Column {
	return Column{Key: "projet", Label: "Projet", LabelEN: "Care plan", Kind: Ref, Ref: SheetProjets, Required: true, Example: "1234",
		Help: "N° du projet personnalisé (onglet Projets).", Target: "extension:tddui-careplan-reference ou basedOn"}
}

func statusAuthorColumn(target string) Column {
	return Column{Key: "auteur_statut", Label: "Auteur du statut", LabelEN: "Status author", Kind: Ref, Ref: SheetProfessionnels,
		Help: "Professionnel qui a changé le statut en dernier.", Target: target + ".extension:tddui-status-author"}
}

func documentsColumn(target string) Column {
	return Column{Key: "documents", Label: "Documents", LabelEN: "Documents", Kind: Ref, Ref: SheetDocuments, Multi: true,
		Help: "Références de l'onglet Documents, séparées par |.", Target: target}
}

// evaluationsColumn names evaluations of the projet's usager by their
// number, on any evaluation sheet: the bundle carries them and the
// reference is literal.
func evaluationsColumn(multi bool, target string) Column {
	return Column{Key: "evaluations", Label: "N° d'évaluation", LabelEN: "Assessment number", Kind: Ref, Ref: GroupEvaluations, Multi: multi,
		Example: "1234", Help: "N° de l'évaluation (onglets Évaluations), du même usager que le projet.", Target: target}
}

func projetsSheet() *Sheet {
	return &Sheet{
		Key: SheetProjets, Name: "Projets", NameEN: "Care plans", Profile: "tddui-careplan-projet-personnalise",
		Help:  "Un projet personnalisé d'un usager. Chaque projet donne un bundle ; il lui faut au moins un accord de la structure (onglet Accords).",
		Owner: []string{"usager"}, OwnBundle: true,
		Columns: []Column{
			{Key: "ref", Label: "N° du projet", LabelEN: "Care plan number", Kind: Text, Required: true, Example: "1234",
				Help: "Identifiant : 3+FINESS/usager-PPER-<n°>.", Target: "CarePlan.identifier"},
			{Key: "usager", Label: "Usager", LabelEN: "Patient", Kind: Ref, Ref: SheetUsagers, Required: true, Example: "123456789",
				Target: "CarePlan.subject"},
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: VSStatutProjet, Example: "ENCOURS",
				Help: "En préparation, En cours, En pause ou Terminé.", Target: "CarePlan.status"},
			statusAuthorColumn("CarePlan.status"),
			{Key: "titre", Label: "Titre", LabelEN: "Title", Kind: Text, Required: true, Example: "Projet personnalisé de Mme Jeanne L.",
				Target: "CarePlan.title"},
			{Key: "type", Label: "Type de projet", LabelEN: "Care plan type", Kind: Code, ValueSet: vsTypeProjet, Target: "CarePlan.category"},
			{Key: "description", Label: "Description", LabelEN: "Description", Kind: Text, Target: "CarePlan.description"},
			{Key: "debut", Label: "Date de début", LabelEN: "Start date", Kind: Date, Target: "CarePlan.period.start"},
			{Key: "fin", Label: "Date de fin", LabelEN: "End date", Kind: Date, Target: "CarePlan.period.end"},
			{Key: "modalite_communication", Label: "Modalités de communication", LabelEN: "Communication arrangements", Kind: Text,
				Target: "CarePlan.note"},
			documentsColumn("CarePlan.extension:entrantProjetPerso"),
		},
	}
}

func accordsSheet() *Sheet {
	return &Sheet{
		Key: SheetAccords, Name: "Accords", NameEN: "Agreements", Profile: "tddui-consent-accord",
		Help:  "Un accord sur un projet : de l'usager ou de son entourage (accordUsager), ou de la structure (accordStructure). Un seul signataire par ligne.",
		Owner: ownedByProjet,
		Columns: []Column{
			{Key: "ref", Label: "Référence de l'accord", LabelEN: "Agreement key", Kind: Text, Required: true, Example: "ACC-1"},
			projetColumn(),
			{Key: "type", Label: "Type d'accord", LabelEN: "Agreement type", Kind: Code, Required: true, ValueSet: vsTypeAccord, Example: "accordStructure",
				Help: "accordUsager (usager ou entourage) ou accordStructure (au moins un par projet).", Target: "CarePlan.supportingInfo"},
			{Key: "date", Label: "Date de signature", LabelEN: "Signature date", Kind: DateTime, Required: true, Example: "15/01/2024 09:00",
				Target: "Consent.dateTime"},
			{Key: "signataire_professionnel", Label: "Signataire (professionnel)", LabelEN: "Signed by (practitioner)", Kind: Ref, Ref: SheetProfessionnels,
				Example: "IDE-1", Target: "Consent.performer"},
			{Key: "signataire_contact", Label: "Signataire (contact)", LabelEN: "Signed by (contact)", Kind: Ref, Ref: SheetContacts,
				Target: "Consent.performer"},
			{Key: "signataire_usager", Label: "Signé par l'usager", LabelEN: "Signed by the patient", Kind: Bool, ValueSet: vsOuiNon,
				Target: "Consent.performer"},
			{Key: "debut_validite", Label: "Début de validité", LabelEN: "Valid from", Kind: Date, Target: "Consent.extension:period.start"},
			{Key: "fin_validite", Label: "Fin de validité", LabelEN: "Valid to", Kind: Date, Target: "Consent.extension:period.end"},
		},
	}
}

func attentesSheet() *Sheet {
	return &Sheet{
		Key: SheetAttentes, Name: "Attentes", NameEN: "Expectations", Profile: "tddui-goal-attente",
		Help:  "Une attente exprimée pour le projet, par l'usager ou son entourage.",
		Owner: ownedByProjet,
		Columns: []Column{
			{Key: "ref", Label: "N° de l'attente", LabelEN: "Expectation number", Kind: Text, Required: true, Example: "1234",
				Help: "Identifiant : 3+FINESS/usager-ATTE-<n°>.", Target: "Goal.identifier"},
			projetColumn(),
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: VSStatutObjectif, Example: "ACTIF",
				Target: "Goal.lifecycleStatus"},
			{Key: "description", Label: "Attente", LabelEN: "Expectation", Kind: Text, Required: true, Example: "Prévenir les chutes",
				Target: "Goal.description.text"},
			{Key: "origine", Label: "Origine de l'attente", LabelEN: "Expressed by", Kind: Text, Required: true, Example: "Usager",
				Help: "Qui l'exprime : usager, famille, tuteur…", Target: "Goal.note:origineAttente"},
			{Key: "commentaires", Label: "Commentaires", LabelEN: "Comments", Kind: Text, Multi: true, Target: "Goal.note:commentaireAttente"},
			documentsColumn("Goal.extension:pieceJointeAttente"),
		},
	}
}

func besoinsSheet() *Sheet {
	return &Sheet{
		Key: SheetBesoins, Name: "Besoins", NameEN: "Needs", Profile: "tddui-service-request-besoin",
		Help:  "Un besoin de l'usager identifié pour le projet.",
		Owner: ownedByProjet,
		Columns: []Column{
			{Key: "ref", Label: "N° du besoin", LabelEN: "Need number", Kind: Text, Required: true, Example: "1234",
				Help: "Identifiant : 3+FINESS/usager-BESO-<n°>.", Target: "ServiceRequest.identifier"},
			projetColumn(),
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: VSStatutBesoin, Example: "ACTIF",
				Target: "ServiceRequest.status"},
			{Key: "description", Label: "Besoin", LabelEN: "Need", Kind: Text, Required: true,
				Example: "Besoin d'aide pour la mobilité et les déplacements.", Target: "ServiceRequest.code.text"},
			{Key: "categorie", Label: "Catégorie SERAFIN-PH", LabelEN: "SERAFIN-PH category", Kind: Code, ValueSet: vsBesoins, Example: "1.1",
				Target: "ServiceRequest.category"},
			{Key: "analyse", Label: "Analyse du professionnel", LabelEN: "Professional's analysis", Kind: Text, Target: "ServiceRequest.orderDetail.text"},
			{Key: "commentaire", Label: "Commentaire", LabelEN: "Comment", Kind: Text, Target: "ServiceRequest.note"},
			documentsColumn("ServiceRequest.extension:pieceJointeBesoin"),
		},
	}
}

func objectifsSheet() *Sheet {
	return &Sheet{
		Key: SheetObjectifs, Name: "Objectifs", NameEN: "Objectives", Profile: "tddui-goal-objectif",
		Help:  "Un objectif du projet, qui répond à un ou plusieurs besoins.",
		Owner: ownedByProjet,
		Columns: []Column{
			{Key: "ref", Label: "N° de l'objectif", LabelEN: "Objective number", Kind: Text, Required: true, Example: "1234",
				Help: "Identifiant : 3+FINESS/usager-OBJE-<n°>.", Target: "Goal.identifier"},
			projetColumn(),
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: VSStatutObjectif, Example: "ACTIF",
				Help: "En préparation, Actif, Terminé ou Annulé.", Target: "Goal.lifecycleStatus"},
			statusAuthorColumn("Goal.lifecycleStatus"),
			{Key: "titre", Label: "Titre", LabelEN: "Title", Kind: Text, Required: true, Example: "Objectif 1", Target: "Goal.note:titreObjectif"},
			{Key: "description", Label: "Description", LabelEN: "Description", Kind: Text, Required: true,
				Example: "Réduire le risque de chute en 6 mois.", Target: "Goal.description.text"},
			{Key: "domaine", Label: "Domaine", LabelEN: "Domain", Kind: Text, Target: "Goal.category.text"},
			{Key: "besoins", Label: "Besoins", LabelEN: "Needs", Kind: Ref, Ref: SheetBesoins, Multi: true, Example: "1234",
				Help: "N° des besoins auxquels l'objectif répond (onglet Besoins).", Target: "Goal.addresses"},
			{Key: "debut", Label: "Date de début", LabelEN: "Start date", Kind: Date, Target: "Goal.startDate"},
			{Key: "resultat_attendu", Label: "Résultat attendu", LabelEN: "Expected result", Kind: Text, Target: "Goal.target.detailString"},
			{Key: "echeance", Label: "Échéance", LabelEN: "Due date", Kind: Date, Target: "Goal.target.dueDate"},
			{Key: "referent", Label: "Référent", LabelEN: "Lead practitioner", Kind: Ref, Ref: SheetProfessionnels, Target: "Goal.expressedBy"},
			{Key: "avis_usager", Label: "Avis de l'usager", LabelEN: "Patient's opinion", Kind: Text, Target: "Goal.note:avisUsagerObjectif"},
			{Key: "strategie", Label: "Stratégie de mise en œuvre", LabelEN: "Strategy", Kind: Text, Target: "Goal.note:strategieMiseEnOeuvreObjectif"},
			evaluationsColumn(true, "Goal.extension:referenceEvaluation"),
			documentsColumn("Goal.extension:pieceJointeObjectif"),
		},
	}
}

// taskColumns are the columns every Task of the projet shares, after its
// own key: projet, status, title, description, period.
func taskColumns(statusAuthor bool, titreExample string) []Column {
	cols := []Column{
		projetColumn(),
		{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: VSStatutAction, Example: "ACTIF",
			Help: "En préparation, Actif, Terminé ou Annulé.", Target: "Task.status"},
	}
	if statusAuthor {
		cols = append(cols, statusAuthorColumn("Task.status"))
	}
	return append(cols,
		Column{Key: "titre", Label: "Titre", LabelEN: "Title", Kind: Text, Required: true, Example: titreExample, Target: "Task.input:titre"},
		Column{Key: "description", Label: "Description", LabelEN: "Description", Kind: Text, Target: "Task.description"},
		Column{Key: "debut", Label: "Date de début", LabelEN: "Start date", Kind: Date, Target: "Task.executionPeriod.start"},
		Column{Key: "fin", Label: "Date de fin", LabelEN: "End date", Kind: Date, Target: "Task.executionPeriod.end"},
	)
}

func actionsSheet() *Sheet {
	cols := []Column{{Key: "ref", Label: "N° de l'action", LabelEN: "Action number", Kind: Text, Required: true, Example: "1234",
		Help: "Identifiant : 3+FINESS/usager-ACTI-<n°>.", Target: "Task.identifier"}}
	cols = append(cols, taskColumns(true, "Action de l'IDE pour atteindre l'objectif 1")...)
	cols = append(cols,
		Column{Key: "objectifs", Label: "Objectifs", LabelEN: "Objectives", Kind: Ref, Ref: SheetObjectifs, Multi: true, Example: "1234",
			Help: "N° des objectifs que l'action sert (onglet Objectifs).", Target: "Task.input:objectif"},
		Column{Key: "referent", Label: "Référent", LabelEN: "Lead practitioner", Kind: Ref, Ref: SheetProfessionnels, Target: "Task.owner"},
		Column{Key: "referent_libelle", Label: "Référent (texte)", LabelEN: "Lead (free text)", Kind: Text, Example: "Ergothérapeute",
			Help: "Fonction ou nom du référent quand il n'est pas dans l'onglet Professionnels.", Target: "Task.owner.display"},
		Column{Key: "avis_usager", Label: "Avis de l'usager", LabelEN: "Patient's opinion", Kind: Text, Target: "Task.input:avisUsager"},
		Column{Key: "resultat_attendu", Label: "Résultat attendu", LabelEN: "Expected result", Kind: Text, Target: "Task.input:resultatAttendu"},
		evaluationsColumn(true, "Task.input:evaluation"),
		documentsColumn("Task.input:pieceJointe"),
	)
	return &Sheet{Key: SheetActions, Name: "Actions", NameEN: "Actions", Profile: "tddui-task-action",
		Help: "Une action menée pour atteindre un ou plusieurs objectifs.", Owner: ownedByProjet, Columns: cols}
}

func partOfActionColumn() Column {
	return Column{Key: "action", Label: "Action", LabelEN: "Action", Kind: Ref, Ref: SheetActions, Example: "1234",
		Help: "N° de l'action dont ceci fait partie (onglet Actions).", Target: "Task.partOf"}
}

func moyensSheet() *Sheet {
	cols := []Column{{Key: "ref", Label: "N° du moyen", LabelEN: "Resource number", Kind: Text, Required: true, Example: "1234",
		Help: "Identifiant : 3+FINESS/usager-MORE-<n°>.", Target: "Task.identifier"}}
	cols = append(cols, taskColumns(false, "Moyens mis en œuvre pour l'objectif 1")...)
	cols = append(cols,
		partOfActionColumn(),
		Column{Key: "type", Label: "Type de moyen", LabelEN: "Resource type", Kind: Text, Target: "Task.code.text"},
		evaluationsColumn(false, "Task.input:evaluation"),
		documentsColumn("Task.input:pieceJointe"),
	)
	return &Sheet{Key: SheetMoyens, Name: "Moyens et ressources", NameEN: "Means and resources", Profile: "tddui-task-moyen-ressource",
		Help: "Un moyen ou une ressource mobilisé pour une action.", Owner: ownedByProjet, Columns: cols}
}

func prestationsSheet() *Sheet {
	cols := []Column{{Key: "ref", Label: "N° de la prestation", LabelEN: "Service number", Kind: Text, Required: true, Example: "1234",
		Help: "Identifiant : 3+FINESS/usager-PRES-<n°>.", Target: "Task.identifier"}}
	cols = append(cols, taskColumns(true, "Prestation de soins infirmiers")...)
	cols = append(cols,
		partOfActionColumn(),
		Column{Key: "types", Label: "Prestations SERAFIN-PH", LabelEN: "SERAFIN-PH services", Kind: Code, Multi: true, ValueSet: vsSerafin,
			Target: "Task.input:typePrestation"},
		evaluationsColumn(false, "Task.input:evaluation"),
		documentsColumn("Task.input:pieceJointe"),
	)
	return &Sheet{Key: SheetPrestations, Name: "Prestations", NameEN: "Services", Profile: "tddui-task-prestation",
		Help: "Une prestation délivrée dans le cadre d'une action.", Owner: ownedByProjet, Columns: cols}
}

func bilansSheet() *Sheet {
	return &Sheet{
		Key: SheetBilans, Name: "Bilans", NameEN: "Reviews", Profile: "tddui-task-bilan",
		Help:  "Un bilan du projet (intermédiaire ou final).",
		Owner: ownedByProjet,
		Columns: []Column{
			{Key: "ref", Label: "N° du bilan", LabelEN: "Review number", Kind: Text, Required: true, Example: "1234",
				Help: "Identifiant : 3+FINESS/usager-BILA-<n°>.", Target: "Task.identifier"},
			projetColumn(),
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: VSStatutAction, Example: "TERMINE",
				Target: "Task.status"},
			{Key: "categorie", Label: "Catégorie de bilan", LabelEN: "Review category", Kind: Code, ValueSet: vsStatutBilan, Target: "Task.code"},
			{Key: "date", Label: "Date du bilan", LabelEN: "Review date", Kind: Date, Required: true, Example: "15/07/2024",
				Target: "Task.executionPeriod.start"},
			{Key: "perimetre", Label: "Périmètre", LabelEN: "Scope", Kind: Text, Target: "Task.input:perimetre"},
			{Key: "problematique", Label: "Problématique", LabelEN: "Issues", Kind: Text, Target: "Task.input:problematique"},
			{Key: "invites", Label: "Invités", LabelEN: "Invitees", Kind: Text, Target: "Task.input:invite"},
			documentsColumn("Task.input:pieceJointe"),
			{Key: "date_prochain", Label: "Date du prochain bilan", LabelEN: "Next review date", Kind: Date, Target: "Task.input:dateProchainBilan"},
			{Key: "synthese_preparation", Label: "Synthèse de préparation", LabelEN: "Preparation summary", Kind: Text,
				Target: "Task.input:synthesePreparationBilan.text"},
			{Key: "synthese_preparation_auteur", Label: "Auteur de la synthèse de préparation", LabelEN: "Preparation summary author", Kind: Ref,
				Ref: SheetProfessionnels, Help: "Obligatoire avec une synthèse de préparation.", Target: "Task.input:synthesePreparationBilan.authorReference"},
			{Key: "synthese", Label: "Synthèse du bilan", LabelEN: "Review summary", Kind: Text, Target: "Task.output:syntheseBilan"},
		},
	}
}
