package validation

// The defects of the mutation suite: for each profile, copies of an IG
// example with one defect each, and where it must be reported.
// Regenerate testdata/mutations with: go test -run TestGenerateMutations -update

const (
	ssiad = "Bundle-tddui-bundle-example.json"
	ppPA  = "Bundle-tddui-pp-pa-bundle-example.json"
	ig    = "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/"
)

func ex(path, rule, prof string) []expected {
	return []expected{{Path: path, Rule: rule, Profile: prof}}
}

var mutations = []mutation{
	// tddui-bundle
	{name: "bundle-type-fixed", base: ssiad, defect: "fixed value changed", op: "set", at: "type", value: "batch",
		expect: ex("Bundle.type", "pattern", ig+"tddui-bundle")},
	{name: "bundle-method-post", base: ssiad, defect: "entry.request.method other than POST", op: "set", at: "entry[1].request.method", value: "PUT",
		expect: ex("Bundle.entry[1].request.method", "pattern", ig+"tddui-bundle")},
	{name: "bundle-request-missing", base: ssiad, defect: "required element removed", op: "delete", at: "entry[2].request",
		expect: ex("Bundle.entry[2].request", "cardinality.min", ig+"tddui-bundle")},
	// tddui-patient-ins
	{name: "patient-ins-nir-length", base: ssiad, defect: "bad NIR (14 characters)", op: "set", at: "entry[0].resource.identifier[0].value", value: "14772042536741",
		expect: ex("Bundle.entry[0].resource.identifier[0].value", "nir", idProfile)},
	{name: "patient-ins-gender-code", base: ssiad, defect: "code outside its value set", op: "set", at: "entry[0].resource.gender", value: "homme",
		expect: ex("Bundle.entry[0].resource.gender", "code", coreSD+"Patient")},
	{name: "patient-ins-pi-format", base: ssiad, defect: "identifier value format", op: "set", at: "entry[0].resource.identifier[1].value", value: "194704032",
		expect: ex("Bundle.entry[0].resource.identifier[1].value", "identifier.format", idProfile)},
	// tddui-patient
	{name: "patient-official-name-missing", base: ppPA, defect: "slice missing (officialName)", op: "delete", at: "entry[0].resource.name[0].use",
		expect: ex("Bundle.entry[0].resource.name", "slice.min", ig+"tddui-patient")},
	{name: "patient-gender-binding", base: ppPA, defect: "code outside its value set (fr-core-vs-patient-gender-INS)", op: "set", at: "entry[0].resource.gender", value: "other",
		expect: ex("Bundle.entry[0].resource.gender", "binding", ig+"tddui-patient")},
	{name: "patient-birth-order-missing", base: ppPA, defect: "birthDate without its tddui-birth-order extension", op: "set", at: "entry[0].resource.birthDate", value: "1940-02-03",
		expect: ex("Bundle.entry[0].resource.birthDate.extension", "cardinality.min", ig+"tddui-patient")},
	{name: "patient-birthdate-format", base: ppPA, defect: "primitive format (date)", op: "set", at: "entry[0].resource.birthDate", value: "03/02/1940",
		expect: ex("Bundle.entry[0].resource.birthDate", "format", coreSD+"Element")},
	// tddui-organization
	{name: "organization-idnatst-missing", base: ssiad, defect: "slice missing (idNatSt)", op: "set", at: "entry[1].resource.identifier[0].system", value: "urn:oid:1.2.250.1.71.4.2.9",
		expect: ex("Bundle.entry[1].resource.identifier", "slice.min", ig+"tddui-organization")},
	{name: "organization-idnat-prefix", base: ssiad, defect: "idNat_Struct prefix", op: "set", at: "entry[1].resource.identifier[0].value", value: "9480787529",
		expect: ex("Bundle.entry[1].resource.identifier[0].value", "idnat", idProfile)},
	// tddui-encounter-sejour
	{name: "sejour-subject-missing", base: "Encounter-tddui-encounter-sejour-example.json", defect: "required element removed", op: "delete", at: "subject",
		expect: ex("Encounter.subject", "cardinality.min", ig+"tddui-encounter-sejour")},
	{name: "sejour-system-pattern", base: "Encounter-tddui-encounter-sejour-example.json", defect: "pattern value changed", op: "set", at: "identifier[0].system", value: "https://identifiant-medicosocial-evenement.esante.gouv.fr",
		expect: []expected{{"Encounter.identifier[0].system", "pattern", ig + "tddui-encounter-sejour"},
			{"Encounter.identifier[0].value", "identifier.format", idProfile}}}, // the value now follows the wrong system's format
	{name: "sejour-subject-type", base: "Encounter-tddui-encounter-sejour-example.json", defect: "reference to the wrong type", op: "set", at: "subject.reference", value: "Organization/tddui-organization-example",
		expect: ex("Encounter.subject.reference", "reference.type", ig+"tddui-encounter-sejour")},
	// tddui-encounter-evenement
	{name: "evenement-period-end", base: ssiad, defect: "required element removed (period.end)", op: "delete", at: "entry[3].resource.period.end",
		expect: ex("Bundle.entry[3].resource.period.end", "cardinality.min", ig+"tddui-encounter-evenement")},
	{name: "evenement-participant-individual-type", base: ssiad, defect: "participant.individual to a Patient (a key the rules once never looked up)", op: "set",
		at: "entry[3].resource.participant[0].individual.reference", value: "Patient/tddui-patient-ins-example",
		expect: ex("Bundle.entry[3].resource.participant[0].individual.reference", "reference.type", ig+"tddui-encounter-evenement")},
	{name: "evenement-identifier-max", base: ssiad, defect: "cardinality exceeded (identifier 1..1)", op: "dup", at: "entry[3].resource.identifier[0]",
		expect: ex("Bundle.entry[3].resource.identifier[1]", "cardinality.max", ig+"tddui-encounter-evenement")},
	{name: "evenement-invariant-206", base: ssiad, defect: "TDDUIMaterialDetail with a type other than ORG-206", op: "set",
		at: "entry[3].resource.extension[0].extension[0].valueCodeableConcept.coding[0].code", value: "ORG-207",
		expect: ex("Bundle.entry[3].resource.extension[0]", "invariant", ig+"tddui-encounter-evenement")},
	{name: "evenement-ext-value-type", base: ssiad, defect: "extension value of the wrong type", op: "set", at: "entry[3].resource.extension[3]",
		value:  map[string]any{"url": ig + "tddui-event-label", "valueBoolean": true},
		expect: ex("Bundle.entry[3].resource.extension[3].valueBoolean", "type", ig+"tddui-event-label")},
	{name: "evenement-partof-resolves-wrong", base: ssiad, defect: "reference resolved in the Bundle to the wrong profile", op: "set", at: "entry[3].resource.partOf.reference", value: "Encounter/tddui-encounter-evenement-example",
		expect: ex("Bundle.entry[3].resource.partOf.reference", "reference.profile", ig+"tddui-encounter-evenement")},
	// tddui-practitioner, tddui-practitioner-role
	{name: "practitioner-idnatps-format", base: "Practitioner-tddui-pp-pa-practitioner-ide-example.json", defect: "identifier value format", op: "set", at: "identifier[0].value", value: "RPPS-123",
		expect: ex("Practitioner.identifier[0].value", "identifier.format", idProfile)},
	{name: "practitioner-role-target", base: "PractitionerRole-tddui-practitioner-role-example.json", defect: "reference to the wrong type", op: "set", at: "practitioner.reference", value: "Patient/tddui-patient-example",
		expect: ex("PractitionerRole.practitioner.reference", "reference.type", ig+"tddui-practitioner-role")},
	{name: "practitioner-role-code-max", base: "PractitionerRole-tddui-practitioner-role-example.json", defect: "cardinality exceeded (code 0..1)", op: "dup", at: "code[0]",
		expect: ex("PractitionerRole.code[1]", "cardinality.max", ig+"tddui-practitioner-role")},
	// tddui-related-person-contact
	{name: "related-person-patient", base: "RelatedPerson-tddui-related-person-contact-example.json", defect: "required element removed (R4 base)", op: "delete", at: "patient",
		expect: ex("RelatedPerson.patient", "cardinality.min", coreSD+"RelatedPerson")},
	// tddui-document-reference
	{name: "document-reference-author", base: ppPA, defect: "required element removed (author 1..*)", op: "delete", at: "entry[3].resource.author",
		expect: ex("Bundle.entry[3].resource.author", "cardinality.min", ig+"tddui-document-reference")},
	{name: "document-reference-title", base: ppPA, defect: "required element removed (attachment.title)", op: "delete", at: "entry[3].resource.content[0].attachment.title",
		expect: ex("Bundle.entry[3].resource.content[0].attachment.title", "cardinality.min", ig+"tddui-document-reference")},
	// tddui-task-transport (+professionnel, usager)
	{name: "transport-pro-for", base: ssiad, defect: "required element removed (for)", op: "delete", at: "entry[6].resource.for",
		expect: ex("Bundle.entry[6].resource.for", "cardinality.min", ig+"tddui-task-transport-professionnel")},
	{name: "transport-pro-inherited-end", base: ssiad, defect: "parent's rule (executionPeriod.end) broken", op: "delete", at: "entry[6].resource.executionPeriod.end",
		expect: ex("Bundle.entry[6].resource.executionPeriod.end", "cardinality.min", ig+"tddui-task-transport")},
	{name: "transport-usager-system", base: "Task-tddui-task-transport-usager-example.json", defect: "pattern value changed", op: "set", at: "identifier[0].system", value: "https://identifiant-medicosocial-transportprofessionnel.esante.gouv.fr",
		expect: []expected{{"Task.identifier[0].system", "pattern", ig + "tddui-task-transport-usager"},
			{"Task.identifier[0].value", "identifier.format", idProfile}}},
	{name: "transport-usager-input-max", base: "Task-tddui-task-transport-usager-example.json", defect: "cardinality exceeded (slice accompagnement 0..1)", op: "dup", at: "input[4]",
		expect: ex("Task.input[7]", "slice.max", ig+"tddui-task-transport-usager")},
	{name: "transport-usager-encounter", base: "Task-tddui-task-transport-usager-example.json", defect: "required element removed (encounter)", op: "delete", at: "encounter",
		expect: ex("Task.encounter", "cardinality.min", ig+"tddui-task-transport")},
	// tddui-questionnaire-response
	{name: "qr-subject", base: "QuestionnaireResponse-tddui-questionnaire-response-serafin-sans-precision-example.json", defect: "required element removed", op: "delete", at: "subject",
		expect: ex("QuestionnaireResponse.subject", "cardinality.min", ig+"tddui-questionnaire-response")},
	{name: "qr-status-code", base: "QuestionnaireResponse-tddui-questionnaire-response-serafin-sans-precision-example.json", defect: "code outside its value set (R4 status)", op: "set", at: "status", value: "VALIDE",
		expect: ex("QuestionnaireResponse.status", "code", coreSD+"QuestionnaireResponse")},
	// tddui-careplan-projet-personnalise
	{name: "careplan-accord-structure", base: "CarePlan-tddui-pp-pa-careplan-example.json", defect: "slice missing (accordStructure)", op: "set",
		at: "supportingInfo[0].extension[0].valueCodeableConcept.coding[0].code", value: "accordUsager",
		expect: ex("CarePlan.supportingInfo", "slice.min", ig+"tddui-careplan-projet-personnalise")},
	{name: "careplan-title", base: "CarePlan-tddui-pp-pa-careplan-example.json", defect: "required element removed", op: "delete", at: "title",
		expect: ex("CarePlan.title", "cardinality.min", ig+"tddui-careplan-projet-personnalise")},
	// tddui-consent-accord
	{name: "consent-datetime", base: "Consent-tddui-pp-pa-consent-accord-example.json", defect: "required element removed", op: "delete", at: "dateTime",
		expect: ex("Consent.dateTime", "cardinality.min", ig+"tddui-consent-accord")},
	{name: "consent-performer-type", base: "Consent-tddui-pp-pa-consent-accord-example.json", defect: "reference to the wrong type", op: "set", at: "performer[0].reference", value: "Goal/x",
		expect: ex("Consent.performer[0].reference", "reference.type", ig+"tddui-consent-accord")},
	// tddui-goal-attente, tddui-goal-objectif
	{name: "goal-attente-origine", base: "Goal-tddui-pp-pa-goal-attente-usager-example.json", defect: "slice missing (origineAttente)", op: "set",
		at: "note[0].extension[0].valueCodeableConcept.coding[0].code", value: "commentaireAttente",
		expect: ex("Goal.note", "slice.min", ig+"tddui-goal-attente")},
	{name: "goal-attente-careplan-ref", base: "Goal-tddui-pp-pa-goal-attente-usager-example.json", defect: "slice missing (referenceProjetPerso)", op: "delete", at: "extension[0]",
		expect: ex("Goal.extension", "slice.min", ig+"tddui-goal-attente")},
	{name: "goal-objectif-addresses", base: "Goal-tddui-pp-pa-goal-objectif-2-example.json", defect: "reference to the wrong type", op: "set", at: "addresses[0].reference", value: "CarePlan/tddui-pp-pa-careplan-example",
		expect: ex("Goal.addresses[0].reference", "reference.type", ig+"tddui-goal-objectif")},
	{name: "goal-objectif-discriminator", base: "Goal-tddui-pp-pa-goal-objectif-2-example.json", defect: "code outside its value set (tddui-discriminator)", op: "set",
		at: "note[0].extension[0].valueCodeableConcept.coding[0].code", value: "titre",
		expect: ex("Goal.note[0].extension[0].valueCodeableConcept", "binding", ig+"tddui-discriminator")},
	{name: "goal-objectif-ext-context", base: "ServiceRequest-tddui-pp-pa-servicerequest-besoin-1-example.json", defect: "extension outside its context", op: "set", at: "extension",
		value:  []any{map[string]any{"url": ig + "tddui-careplan-reference", "valueReference": map[string]any{"reference": "CarePlan/tddui-pp-pa-careplan-example"}}},
		expect: ex("ServiceRequest.extension[0]", "extension.context", ig+"tddui-careplan-reference")},
	// tddui-service-request-besoin
	{name: "service-request-basedon", base: "ServiceRequest-tddui-pp-pa-servicerequest-besoin-1-example.json", defect: "required element removed", op: "delete", at: "basedOn",
		expect: ex("ServiceRequest.basedOn", "cardinality.min", ig+"tddui-service-request-besoin")},
	{name: "service-request-code-text", base: "ServiceRequest-tddui-pp-pa-servicerequest-besoin-1-example.json", defect: "required element removed (code.text)", op: "delete", at: "code.text",
		expect: ex("ServiceRequest.code.text", "cardinality.min", ig+"tddui-service-request-besoin")},
	// tddui-task-action, tddui-task-moyen-ressource
	{name: "task-action-titre", base: "Task-tddui-pp-pa-task-action-1-kine-example.json", defect: "slice missing (titre)", op: "delete", at: "input[0]",
		expect: ex("Task.input", "slice.min", ig+"tddui-task-action")},
	{name: "task-action-input-type", base: "Task-tddui-pp-pa-task-action-1-kine-example.json", defect: "code outside its value set", op: "set", at: "input[1].type.coding[0].code", value: "but",
		expect: ex("Task.input[1].type", "binding", ig+"tddui-task-action")},
	{name: "task-action-goal-ref", base: "Task-tddui-pp-pa-task-action-1-kine-example.json", defect: "reference to the wrong type (input objectif)", op: "set", at: "input[1].valueReference.reference", value: "ServiceRequest/tddui-pp-pa-servicerequest-besoin-1-example",
		expect: ex("Task.input[1].valueReference.reference", "reference.type", ig+"tddui-task-action")},
	{name: "task-moyen-identifier", base: "Task-tddui-pp-pa-task-moyen-ressource-ide-1-example.json", defect: "required element removed", op: "delete", at: "identifier",
		expect: ex("Task.identifier", "cardinality.min", ig+"tddui-task-moyen-ressource")},
	{name: "task-moyen-business-id", base: "Task-tddui-pp-pa-task-moyen-ressource-ide-1-example.json", defect: "FINESS shape in the business identifier", op: "set", at: "identifier[0].value", value: "34807875X9/123456789-MORE-1",
		expect: ex("Task.identifier[0].value", "identifier.format", idProfile)},
	// extensions in general
	{name: "extension-unknown", base: "CarePlan-tddui-pp-pa-careplan-example.json", defect: "unknown IG extension", op: "set", at: "extension[0].url", value: ig + "tddui-piece-jointe",
		expect: ex("CarePlan.extension[0]", "extension.unknown", ig+"tddui-piece-jointe")},
}
