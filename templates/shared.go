package templates

// Value set URLs used by the templates.
const (
	vsGender       = "https://hl7.fr/ig/fhir/core/ValueSet/fr-core-vs-patient-gender-INS"
	vsCivilite     = "urn:tddui:vs:civilite"
	vsIdentity     = "urn:tddui:vs:identity-reliability"
	vsOuiNon       = "urn:tddui:vs:oui-non"
	vsDiplome      = "https://mos.esante.gouv.fr/NOS/TRE_R48-DiplomeEtatFrancais/FHIR/TRE-R48-DiplomeEtatFrancais"
	vsProfSante    = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante"
	vsModeExercice = "https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice"
	vsFunction     = "https://mos.esante.gouv.fr/NOS/JDV_J47-FunctionCode-CISIS/FHIR/JDV-J47-FunctionCode-CISIS"
	vsProfession   = "https://mos.esante.gouv.fr/NOS/TRE_A02-ProfessionSavFaire-CISIS/FHIR/TRE-A02-ProfessionSavFaire-CISIS"
	vsRoleContact  = "urn:tddui:vs:role-contact"
	vsRelation     = "https://interop.esante.gouv.fr/ig/fhir/tddui/ValueSet/tddui-contact-relation"
	vsProtection   = "https://interop.esante.gouv.fr/ig/fhir/tddui/ValueSet/tddui-contact-protection-juridique"
)

// Sheet keys shared by both use cases.
const (
	SheetParametres     = "parametres"
	SheetStructure      = "structure"
	SheetProfessionnels = "professionnels"
	SheetUsagers        = "usagers"
	SheetContacts       = "contacts"
	SheetDocuments      = "documents"
)

// Parameter names of the Paramètres sheet (its "parametre" column).
const (
	ParamTestData  = "Données de test"
	ParamCleUsager = "Identifiant usager des identifiants métier"
	ParamCas       = "Cas d'usage"
)

// commonSheets open every template, in this order: settings, the ESSMS, its
// professionals, the usagers and their contacts.
func commonSheets() []*Sheet {
	return []*Sheet{parametresSheet(), structureSheet(), professionnelsSheet(), usagersSheet(), contactsSheet()}
}

func parametresSheet() *Sheet {
	return &Sheet{
		Key: SheetParametres, Name: "Paramètres", NameEN: "Settings",
		Help: "Réglages du classeur, une ligne par réglage.",
		Columns: []Column{
			{Key: "parametre", Label: "Paramètre", LabelEN: "Setting", Kind: Text, Required: true,
				Help: "Nom du réglage : « " + ParamTestData + " » (oui/non : identités de test, les clés NIR fausses deviennent des avertissements), « " +
					ParamCleUsager + " » (local ou ins : ce qui suit 3+FINESS/ dans les identifiants des séjours, événements, transports…), « " +
					ParamCas + " » (ssiad ou pp).",
				Example: ParamTestData},
			{Key: "valeur", Label: "Valeur", LabelEN: "Value", Kind: Text, Required: true, Example: "non"},
		},
	}
}

func structureSheet() *Sheet {
	return &Sheet{
		Key: SheetStructure, Name: "Structure", NameEN: "Organization", Profile: "tddui-organization",
		Help: "L'ESSMS qui envoie les données (entité juridique ou établissement). Une ligne suffit le plus souvent.",
		Columns: []Column{
			{Key: "finess", Label: "N° FINESS", LabelEN: "FINESS number", Kind: Text, Required: true, Compact: true,
				Help:    "FINESS de l'établissement (9 caractères). Préfixé de 3, il commence tous les identifiants métier des usagers.",
				Example: "480787529", Target: "identifiants métier (3+FINESS/…)"},
			{Key: "id_nat_struct", Label: "Identifiant national de structure", LabelEN: "idNat_Struct", Kind: Text, Compact: true,
				Help:    "idNat_Struct : préfixe (1 FINESS EJ, 3 FINESS ET, 4 SIREN, 5 SIRET) suivi du numéro. Vide : 3 + N° FINESS.",
				Example: "1480787529", Target: "Organization.identifier:idNatSt"},
			{Key: "raison_sociale", Label: "Raison sociale", LabelEN: "Name", Kind: Text, Required: true,
				Example: "Les Chênes Verts", Target: "Organization.name"},
		},
	}
}

func professionnelsSheet() *Sheet {
	return &Sheet{
		Key: SheetProfessionnels, Name: "Professionnels", NameEN: "Practitioners", Profile: "tddui-practitioner",
		Help: "Un professionnel et son rôle dans la structure (Practitioner et PractitionerRole).",
		Columns: []Column{
			{Key: "ref", Label: "Référence du professionnel", LabelEN: "Practitioner key", Kind: Text, Required: true,
				Help: "Identifiant du professionnel dans votre logiciel, repris par les autres onglets.", Example: "PRO-1"},
			{Key: "structure", Label: "Structure", LabelEN: "Organization", Kind: Ref, Ref: SheetStructure, SoleRow: true,
				Help: "N° FINESS de la structure de rattachement (vide : la seule structure du classeur).", Example: "480787529",
				Target: "PractitionerRole.organization"},
			{Key: "id_national", Label: "Identifiant national (RPPS)", LabelEN: "National id (RPPS)", Kind: Text, Compact: true,
				Help: "idNat_PS du professionnel (RPPS, ADELI…).", Example: "10103441234", Target: "Practitioner.identifier"},
			{Key: "civilite", Label: "Civilité", LabelEN: "Title", Kind: Code, ValueSet: vsCivilite, Example: "MME", Target: "Practitioner.name.prefix"},
			{Key: "nom", Label: "Nom", LabelEN: "Family name", Kind: Text, Required: true, Example: "Martin", Target: "Practitioner.name.family"},
			{Key: "prenom", Label: "Prénom", LabelEN: "Given name", Kind: Text, Example: "Claire", Target: "Practitioner.name.given"},
			{Key: "diplome", Label: "Diplôme", LabelEN: "Diploma", Kind: Code, ValueSet: vsDiplome, Example: "DE09",
				Target: "Practitioner.qualification (TRE-R48)"},
			{Key: "profession_sante", Label: "Profession de santé", LabelEN: "Health profession", Kind: Code, ValueSet: vsProfSante, Example: "60",
				Target: "Practitioner.qualification (TRE-G15)"},
			{Key: "mode_exercice", Label: "Mode d'exercice", LabelEN: "Practice mode", Kind: Code, ValueSet: vsModeExercice, Example: "S",
				Target: "PractitionerRole.extension:tddui-exercise-mode"},
			{Key: "role", Label: "Rôle fonctionnel", LabelEN: "Functional role", Kind: Code, ValueSet: vsFunction, Example: "330",
				Target: "PractitionerRole.code"},
			{Key: "profession", Label: "Profession", LabelEN: "Profession", Kind: Code, ValueSet: vsProfession, Example: "G15_60",
				Target: "PractitionerRole.code.extension:tddui-profession"},
		},
	}
}

func usagersSheet() *Sheet {
	return &Sheet{
		Key: SheetUsagers, Name: "Usagers", NameEN: "Patients", Profile: "tddui-patient / tddui-patient-ins",
		Owner: []string{},
		Help:  "Une personne accompagnée. Avec un INS : profil tddui-patient-ins ; sans INS : tddui-patient (nom de naissance obligatoire, rang de naissance obligatoire si la date de naissance est donnée).",
		Columns: []Column{
			{Key: "ref", Label: "Identifiant local de l'usager", LabelEN: "Local patient id", Kind: Text, Required: true,
				Help: "Identifiant de l'usager dans votre logiciel : identifiant PI 3+FINESS/identifiant.", Example: "194704032",
				Target: "Patient.identifier:PI"},
			{Key: "structure", Label: "Structure", LabelEN: "Organization", Kind: Ref, Ref: SheetStructure, SoleRow: true,
				Help: "N° FINESS de la structure qui accompagne l'usager (vide : la seule structure du classeur).", Example: "480787529"},
			{Key: "ins", Label: "Matricule INS", LabelEN: "INS number", Kind: Text, Compact: true,
				Help: "NIR ou NIA de l'usager, 15 caractères clé comprise, si l'identité INS est qualifiée.", Example: "147720425367411",
				Target: "Patient.identifier:INS-NIR"},
			{Key: "statut_identite", Label: "Statut de l'identité", LabelEN: "Identity status", Kind: Code, ValueSet: vsIdentity, Example: "VALI",
				Target: "Patient.extension:fr-core-identity-reliability"},
			{Key: "civilite", Label: "Civilité", LabelEN: "Title", Kind: Code, ValueSet: vsCivilite, Target: "Patient.name:officialName.prefix"},
			{Key: "nom_naissance", Label: "Nom de naissance", LabelEN: "Birth name", Kind: Text, Required: true, Example: "DUPONT",
				Target: "Patient.name:officialName.family"},
			{Key: "premier_prenom", Label: "Premier prénom de naissance", LabelEN: "First birth given name", Kind: Text, Example: "Jean",
				Target: "Patient.name:officialName.given"},
			{Key: "prenoms_naissance", Label: "Prénoms de naissance", LabelEN: "Birth given names", Kind: Text, Example: "Jean Stéphane Patrick",
				Help:   "Tous les prénoms de l'acte de naissance, séparés par des espaces.",
				Target: "Patient.name:officialName.extension:fr-core-patient-birth-list-given-name"},
			{Key: "nom_utilise", Label: "Nom utilisé", LabelEN: "Used family name", Kind: Text, Example: "DUPONT", Target: "Patient.name:usualName.family"},
			{Key: "prenom_utilise", Label: "Prénom utilisé", LabelEN: "Used given name", Kind: Text, Target: "Patient.name:usualName.given"},
			{Key: "sexe", Label: "Sexe", LabelEN: "Gender", Kind: Code, ValueSet: vsGender, Example: "male", Target: "Patient.gender",
				Help: "Obligatoire avec un INS (trait d'identité) ; facultatif sans INS (profil tddui-patient)."},
			{Key: "date_naissance", Label: "Date de naissance", LabelEN: "Birth date", Kind: Date, Example: "03/04/1947", Target: "Patient.birthDate"},
			{Key: "rang_naissance", Label: "Rang de naissance", LabelEN: "Birth order", Kind: Integer, Example: "1",
				Help:   "Rang de la naissance dans le registre (les 3 chiffres avant la clé du NIR). Obligatoire sans INS si la date de naissance est donnée.",
				Target: "Patient.birthDate.extension:tddui-birth-order"},
			{Key: "commune_naissance_insee", Label: "Code INSEE de la commune de naissance", LabelEN: "Birth town INSEE code", Kind: Text, Example: "63220",
				Target: "Patient.extension:patient-birthPlace.valueAddress.extension:fr-core-address-insee-code"},
			{Key: "commune_naissance", Label: "Commune de naissance", LabelEN: "Birth town", Kind: Text, Example: "Mazoires",
				Target: "Patient.extension:patient-birthPlace.valueAddress.city"},
			{Key: "pays_naissance", Label: "Pays de naissance", LabelEN: "Birth country", Kind: Text, Example: "FRA",
				Target: "Patient.extension:patient-birthPlace.valueAddress.country"},
			{Key: "adresse", Label: "Adresse (lignes)", LabelEN: "Address lines", Kind: Text, Multi: true, Example: "12 rue des Lilas",
				Target: "Patient.address.line"},
			{Key: "code_postal", Label: "Code postal", LabelEN: "Postal code", Kind: Text, Example: "76748", Target: "Patient.address.postalCode"},
			{Key: "ville", Label: "Ville", LabelEN: "City", Kind: Text, Example: "Vittefleur", Target: "Patient.address.city"},
			{Key: "adresse_texte", Label: "Adresse complète", LabelEN: "Full address", Kind: Text,
				Example: "12 rue des Lilas, 76748 Vittefleur, France", Target: "Patient.address.text"},
		},
	}
}

func contactsSheet() *Sheet {
	return &Sheet{
		Key: SheetContacts, Name: "Contacts", NameEN: "Contacts", Profile: "tddui-related-person-contact",
		Help:  "Un proche ou représentant de l'usager (RelatedPerson).",
		Owner: []string{"usager"},
		Columns: []Column{
			{Key: "ref", Label: "Référence du contact", LabelEN: "Contact key", Kind: Text, Required: true, Example: "C-1"},
			{Key: "usager", Label: "Usager", LabelEN: "Patient", Kind: Ref, Ref: SheetUsagers, Required: true, Example: "194704032",
				Target: "RelatedPerson.patient"},
			{Key: "identifiant", Label: "Identifiant du contact", LabelEN: "Contact identifier", Kind: Text,
				Example: "3480787529/123456789-PPAttente-1234-enfant", Target: "RelatedPerson.identifier.value"},
			{Key: "role", Label: "Rôle", LabelEN: "Role", Kind: Code, ValueSet: vsRoleContact, Multi: true, Example: "GUARD",
				Target: "RelatedPerson.relationship:Role"},
			{Key: "relation", Label: "Lien de parenté", LabelEN: "Relationship", Kind: Code, ValueSet: vsRelation, Example: "FTH",
				Target: "RelatedPerson.relationship:RelationType"},
			{Key: "protection", Label: "Protection juridique", LabelEN: "Legal protection", Kind: Code, ValueSet: vsProtection,
				Target: "RelatedPerson.relationship:LegalProtection"},
			{Key: "civilite", Label: "Civilité", LabelEN: "Title", Kind: Code, ValueSet: vsCivilite, Target: "RelatedPerson.name.prefix"},
			{Key: "nom", Label: "Nom", LabelEN: "Family name", Kind: Text, Target: "RelatedPerson.name.family"},
			{Key: "prenom", Label: "Prénom", LabelEN: "Given name", Kind: Text, Target: "RelatedPerson.name.given"},
			{Key: "telephone", Label: "Téléphone", LabelEN: "Phone", Kind: Text, Target: "RelatedPerson.telecom"},
			{Key: "email", Label: "Courriel", LabelEN: "Email", Kind: Text, Target: "RelatedPerson.telecom"},
			{Key: "description", Label: "Description", LabelEN: "Description", Kind: Text,
				Target: "RelatedPerson.extension:tddui-related-person-contact-description"},
		},
	}
}

func documentsSheet(linkHelp string) *Sheet {
	return &Sheet{
		Key: SheetDocuments, Name: "Documents", NameEN: "Documents", Profile: "tddui-document-reference",
		Help:  "Une pièce jointe (PDF, image…) intégrée en base64. " + linkHelp,
		Owner: []string{"usager"},
		Columns: []Column{
			{Key: "ref", Label: "Référence du document", LabelEN: "Document key", Kind: Text, Required: true, Example: "DOC-1"},
			{Key: "usager", Label: "Usager", LabelEN: "Patient", Kind: Ref, Ref: SheetUsagers, Required: true, Target: "DocumentReference.subject"},
			{Key: "identifiant", Label: "Identifiant du document", LabelEN: "Document identifier", Kind: Text, Required: true,
				Help: "Suffixe de l'identifiant : 3+FINESS/usager-<identifiant>.", Example: "PPER-entrant-1234",
				Target: "DocumentReference.masterIdentifier"},
			{Key: "fichier", Label: "Fichier", LabelEN: "File", Kind: File, Required: true,
				Help: "Chemin du fichier, relatif au classeur.", Example: "documents/bilan.pdf", Target: "DocumentReference.content.attachment.data"},
			{Key: "titre", Label: "Titre", LabelEN: "Title", Kind: Text,
				Help: "Titre de la pièce jointe (vide : nom du fichier).", Target: "DocumentReference.content.attachment.title"},
			{Key: "auteur_structure", Label: "Auteur (structure)", LabelEN: "Author (organization)", Kind: Ref, Ref: SheetStructure,
				Target: "DocumentReference.author"},
			{Key: "auteur_professionnel", Label: "Auteur (professionnel)", LabelEN: "Author (practitioner)", Kind: Ref, Ref: SheetProfessionnels,
				Target: "DocumentReference.author"},
			{Key: "description", Label: "Description", LabelEN: "Description", Kind: Text, Target: "DocumentReference.description"},
		},
	}
}
