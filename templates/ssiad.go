package templates

// SSIAD sheet keys.
const (
	SheetSejours    = "sejours"
	SheetEvenements = "evenements"
	SheetLieux      = "lieux"
	SheetTransports = "transports"
)

const (
	vsSejourStatus    = "urn:tddui:vs:encounter-status-sejour"
	vsEvenementStatus = "urn:tddui:vs:encounter-status-evenement"
	vsClass           = "urn:tddui:vs:encounter-class"
	vsTypeSSIAD       = "https://smt.esante.gouv.fr/fhir/ValueSet/jdv-type-evenement-ssiad-cisis"
	vsMotifAnnulation = "https://smt.esante.gouv.fr/fhir/ValueSet/jdv-motif-non-realisation-evenement-cisis"
	vsSerafin         = "https://interop.esante.gouv.fr/ig/fhir/tddui/ValueSet/tddui-serafin"
	vsRessourceType   = "urn:tddui:vs:ressource-type"
	vsMaterielDetail  = "urn:tddui:vs:materiel-detail"
	vsTaskStatus      = "urn:tddui:vs:task-status"
	vsTransportType   = "urn:tddui:vs:transport-type"
	vsModeTransport   = "https://smt.esante.gouv.fr/fhir/ValueSet/jdv-mode-de-transport-cisis"
	vsMotorisation    = "https://smt.esante.gouv.fr/fhir/ValueSet/jdv-type-motorisation-cisis"
	vsNatureTransport = "https://mos.esante.gouv.fr/NOS/JDV_J282-TransportsLiesAuProjetIndividuel_SERAFIN/FHIR/JDV-J282-TransportsLiesAuProjetIndividuel-SERAFIN"
)

// SSIAD is the template of the SSIAD use case.
var SSIAD = register(&Template{
	Key:   "ssiad",
	Title: "SSIAD : usagers, séjours, agenda et transports",
	Sheets: append(append(commonSheets(),
		sejoursSheet(),
		lieuxSheet(),
		evenementsSheet(),
		transportsSheet(),
		documentsSheet("Reliez-la à un événement ou à une évaluation par leur colonne « Documents »."),
	), EvaluationSheets()...),
})

func sejoursSheet() *Sheet {
	return &Sheet{
		Key: SheetSejours, Name: "Séjours", NameEN: "Stays", Profile: "tddui-encounter-sejour",
		Help:  "Un séjour (prise en charge) d'un usager dans le SSIAD.",
		Owner: []string{"usager"},
		Columns: []Column{
			{Key: "ref", Label: "N° de dossier du séjour", LabelEN: "Stay number", Kind: Text, Required: true, Example: "1012",
				Help: "Identifiant SEJ : 3+FINESS/usager-SEJOUR-<n°>.", Target: "Encounter.identifier:idStay"},
			{Key: "usager", Label: "Usager", LabelEN: "Patient", Kind: Ref, Ref: SheetUsagers, Required: true, Example: "194704032",
				Target: "Encounter.subject"},
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: vsSejourStatus, Example: "in-progress",
				Target: "Encounter.status"},
			{Key: "classe", Label: "Classe", LabelEN: "Class", Kind: Code, ValueSet: vsClass, Default: "HH", Example: "HH", Target: "Encounter.class"},
			{Key: "date_entree", Label: "Date d'entrée", LabelEN: "Start date", Kind: Date, Required: true, Example: "14/04/2023",
				Target: "Encounter.period.start"},
			{Key: "date_sortie", Label: "Date de sortie", LabelEN: "End date", Kind: Date, Target: "Encounter.period.end"},
			{Key: "date_admission", Label: "Date d'admission", LabelEN: "Admission date", Kind: Date, Example: "11/04/2023",
				Target: "Encounter.extension:tddui-admission-date"},
			{Key: "mode_entree", Label: "Mode d'entrée", LabelEN: "Entry mode", Kind: Text, Target: "Encounter.extension:tddui-entry-mode-label"},
			{Key: "mode_sortie", Label: "Mode de sortie", LabelEN: "Exit mode", Kind: Text, Target: "Encounter.extension:tddui-exit-mode-label"},
			{Key: "date_entree_prevue", Label: "Date d'entrée prévue", LabelEN: "Planned start date", Kind: Date,
				Target: "Encounter.extension:plannedStartDate"},
			{Key: "date_sortie_prevue", Label: "Date de sortie prévue", LabelEN: "Planned end date", Kind: Date,
				Target: "Encounter.extension:plannedEndDate"},
			{Key: "commentaire", Label: "Commentaire", LabelEN: "Comment", Kind: Text, Target: "Encounter.extension:tddui-comment"},
		},
	}
}

func lieuxSheet() *Sheet {
	return &Sheet{
		Key: SheetLieux, Name: "Lieux", NameEN: "Locations", Profile: "fr-core-location",
		Help: "Un lieu où se déroule un événement (domicile, local…).",
		Columns: []Column{
			{Key: "ref", Label: "Référence du lieu", LabelEN: "Location key", Kind: Text, Required: true, Example: "L-1"},
			{Key: "nom", Label: "Nom", LabelEN: "Name", Kind: Text, Target: "Location.name"},
			{Key: "adresse", Label: "Adresse (lignes)", LabelEN: "Address lines", Kind: Text, Multi: true, Example: "12 rue des Lilas",
				Target: "Location.address.line"},
			{Key: "code_postal", Label: "Code postal", LabelEN: "Postal code", Kind: Text, Example: "76748", Target: "Location.address.postalCode"},
			{Key: "ville", Label: "Ville", LabelEN: "City", Kind: Text, Example: "Vittefleur", Target: "Location.address.city"},
			{Key: "pays", Label: "Pays", LabelEN: "Country", Kind: Text, Example: "FR", Target: "Location.address.country"},
		},
	}
}

func evenementsSheet() *Sheet {
	return &Sheet{
		Key: SheetEvenements, Name: "Événements", NameEN: "Events", Profile: "tddui-encounter-evenement",
		Help:  "Un événement de l'agenda de l'usager (intervention, visite…).",
		Owner: []string{"usager"}, When: "debut",
		Columns: []Column{
			{Key: "ref", Label: "N° d'événement", LabelEN: "Event number", Kind: Text, Required: true, Example: "12548",
				Help: "Identifiant : 3+FINESS/usager-EVN-<n°>.", Target: "Encounter.identifier"},
			{Key: "usager", Label: "Usager", LabelEN: "Patient", Kind: Ref, Ref: SheetUsagers, Required: true, Example: "194704032",
				Target: "Encounter.subject"},
			{Key: "sejour", Label: "Séjour", LabelEN: "Stay", Kind: Ref, Ref: SheetSejours, Example: "1012", Target: "Encounter.partOf"},
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: vsEvenementStatus, Example: "finished",
				Help: "Planifié, Validé, Réalisé ou Annulé.", Target: "Encounter.status"},
			{Key: "motif_annulation", Label: "Motif de non-réalisation", LabelEN: "Cancel reason", Kind: Code, ValueSet: vsMotifAnnulation,
				Help:   "Code du motif (terminologie CISIS) quand l'événement n'a pas été réalisé.",
				Target: "Encounter.status.extension:tddui-event-cancel-reason"},
			{Key: "classe", Label: "Classe", LabelEN: "Class", Kind: Code, ValueSet: vsClass, Default: "HH", Example: "HH", Target: "Encounter.class"},
			{Key: "debut", Label: "Début", LabelEN: "Start", Kind: DateTime, Required: true, Example: "14/04/2023 10:30", Target: "Encounter.period.start"},
			{Key: "fin", Label: "Fin", LabelEN: "End", Kind: DateTime, Required: true, Example: "14/04/2023 11:15", Target: "Encounter.period.end"},
			{Key: "type_ssiad", Label: "Type d'événement SSIAD", LabelEN: "SSIAD event type", Kind: Code, Multi: true, ValueSet: vsTypeSSIAD,
				Example: "MED-1298", Target: "Encounter.type:ssiad"},
			{Key: "type_serafin", Label: "Prestation SERAFIN-PH", LabelEN: "SERAFIN-PH service", Kind: Code, Multi: true, ValueSet: vsSerafin,
				Target: "Encounter.type:serafin"},
			{Key: "type_libre", Label: "Type (texte libre)", LabelEN: "Type (free text)", Kind: Text, Example: "Intervention",
				Target: "Encounter.type:text"},
			{Key: "ressource_type", Label: "Type de ressource utilisée", LabelEN: "Resource type", Kind: Code, ValueSet: vsRessourceType,
				Example: "ORG-206", Target: "Encounter.extension:tddui-ressources-used.TDDUIRessourceType"},
			{Key: "materiel_detail", Label: "Détail du matériel", LabelEN: "Material detail", Kind: Code, ValueSet: vsMaterielDetail,
				Help: "Seulement si le type de ressource est ORG-206.", Example: "ORG-208",
				Target: "Encounter.extension:tddui-ressources-used.TDDUIMaterialDetail"},
			{Key: "locaux", Label: "Locaux utilisés", LabelEN: "Facility", Kind: Text,
				Help: "Seulement si le type de ressource est ORG-207.", Target: "Encounter.extension:tddui-ressources-used.TDDUIFacilityResource"},
			{Key: "compte_rendu", Label: "Compte rendu", LabelEN: "Report", Kind: Text, Target: "Encounter.extension:tddui-event-report"},
			{Key: "commentaire", Label: "Commentaire", LabelEN: "Comment", Kind: Text, Multi: true, Target: "Encounter.extension:tddui-comment"},
			{Key: "libelle", Label: "Libellé", LabelEN: "Label", Kind: Text, Target: "Encounter.extension:tddui-event-label"},
			{Key: "motif", Label: "Motif", LabelEN: "Reason", Kind: Text, Target: "Encounter.extension:tddui-event-reason"},
			{Key: "hors_prestation", Label: "Hors prestation", LabelEN: "Outside service", Kind: Bool, ValueSet: vsOuiNon,
				Target: "Encounter.extension:tddui-outside-service"},
			{Key: "usager_present", Label: "Usager présent", LabelEN: "Patient present", Kind: Bool, ValueSet: vsOuiNon,
				Target: "Encounter.extension:tddui-patient-present"},
			{Key: "repas", Label: "Repas du professionnel", LabelEN: "Professional's meal", Kind: Bool, ValueSet: vsOuiNon,
				Target: "Encounter.extension:tddui-meal"},
			{Key: "professionnels", Label: "Professionnels", LabelEN: "Practitioners", Kind: Ref, Ref: SheetProfessionnels, Multi: true,
				Example: "PRO-1", Target: "Encounter.participant:professionnel"},
			{Key: "auteur_statut", Label: "Auteur du statut", LabelEN: "Status author", Kind: Ref, Ref: SheetProfessionnels,
				Target: "Encounter.participant:auteurStatut"},
			{Key: "lieu", Label: "Lieu", LabelEN: "Location", Kind: Ref, Ref: SheetLieux, Example: "L-1", Target: "Encounter.location"},
			{Key: "documents", Label: "Documents", LabelEN: "Documents", Kind: Ref, Ref: SheetDocuments, Multi: true,
				Target: "Encounter.extension:tddui-attachment"},
			{Key: "derniere_modification", Label: "Dernière modification", LabelEN: "Last updated", Kind: DateTime,
				Target: "Encounter.meta.lastUpdated"},
		},
	}
}

func transportsSheet() *Sheet {
	return &Sheet{
		Key: SheetTransports, Name: "Transports", NameEN: "Transports", Profile: "tddui-task-transport-professionnel / -usager",
		Help:  "Un trajet lié à un événement : du professionnel (vers l'usager) ou de l'usager.",
		Owner: []string{"evenement", "usager"}, When: "evenement",
		Columns: []Column{
			{Key: "ref", Label: "Identifiant du trajet", LabelEN: "Trip id", Kind: Text, Required: true, Example: "154674",
				Help: "Identifiant : 3+FINESS/usager-TPPro-<id> ou -TPPat-<id>.", Target: "Task.identifier"},
			{Key: "type", Label: "Type de transport", LabelEN: "Transport kind", Kind: Code, Required: true, ValueSet: vsTransportType,
				Example: "professionnel"},
			{Key: "evenement", Label: "Événement", LabelEN: "Event", Kind: Ref, Ref: SheetEvenements, Required: true, Example: "12548",
				Target: "Task.encounter"},
			{Key: "professionnel", Label: "Professionnel transporté", LabelEN: "Practitioner", Kind: Ref, Ref: SheetProfessionnels,
				Help: "Obligatoire pour un transport du professionnel.", Example: "PRO-1", Target: "Task.for"},
			{Key: "statut", Label: "Statut", LabelEN: "Status", Kind: Code, Required: true, ValueSet: vsTaskStatus, Example: "completed",
				Target: "Task.status"},
			{Key: "mode", Label: "Mode de transport", LabelEN: "Transport mode", Kind: Code, Required: true, ValueSet: vsModeTransport,
				Example: "ORG-202", Target: "Task.code"},
			{Key: "debut", Label: "Début", LabelEN: "Start", Kind: DateTime, Required: true, Example: "14/04/2023 10:30", Target: "Task.executionPeriod.start"},
			{Key: "fin", Label: "Fin", LabelEN: "End", Kind: DateTime, Required: true, Example: "14/04/2023 11:15", Target: "Task.executionPeriod.end"},
			{Key: "transporteur", Label: "Structure organisatrice", LabelEN: "Owner organization", Kind: Ref, Ref: SheetStructure,
				Target: "Task.owner"},
			{Key: "motorisation", Label: "Motorisation", LabelEN: "Engine type", Kind: Code, ValueSet: vsMotorisation, Example: "GEN-355",
				Target: "Task.input:typeMotorisation"},
			{Key: "adresse_depart", Label: "Adresse de départ", LabelEN: "From address", Kind: Text, Target: "Task.input:adresseDepart"},
			{Key: "adresse_destination", Label: "Adresse de destination", LabelEN: "To address", Kind: Text, Target: "Task.input:adresseDestination"},
			{Key: "budget_previsionnel", Label: "Budget prévisionnel (€)", LabelEN: "Planned budget (EUR)", Kind: Decimal, Example: "2",
				Target: "Task.input:budgetPrevisionnel"},
			{Key: "budget_reel", Label: "Budget réel (€)", LabelEN: "Actual budget (EUR)", Kind: Decimal, Example: "2", Target: "Task.input:budgetReel"},
			{Key: "distance", Label: "Distance (km)", LabelEN: "Distance (km)", Kind: Decimal, Example: "4", Target: "Task.input:distance"},
			{Key: "duree", Label: "Durée théorique (min)", LabelEN: "Expected duration (min)", Kind: Decimal, Example: "10",
				Target: "Task.input:dureeTheorique"},
			{Key: "accompagnement", Label: "Accompagnement", LabelEN: "Escort", Kind: Bool, ValueSet: vsOuiNon,
				Help: "Transport de l'usager seulement.", Target: "Task.input:accompagnement"},
			{Key: "asepsie", Label: "Asepsie rigoureuse", LabelEN: "Strict asepsis", Kind: Bool, ValueSet: vsOuiNon,
				Help: "Transport de l'usager seulement.", Target: "Task.input:asepsie"},
			{Key: "nature", Label: "Nature du transport", LabelEN: "Transport nature", Kind: Code, ValueSet: vsNatureTransport,
				Help: "Transport de l'usager seulement.", Example: "3.2.4", Target: "Task.input:natureTransport"},
		},
	}
}
