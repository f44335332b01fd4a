package fhirx

import "github.com/samply/golang-fhir-models/fhir-models/fhir"

// samply's MarshalJSON writes resourceType last
// (json.Marshal(struct{ OtherX; ResourceType string })), which had to be
// moved first with a copy of the whole resource. For the resource types
// tddui builds, the same fields are encoded in a struct that declares
// resourceType first: the bytes are those samply gives once reordered, in
// one pass and without going through samply's method. The fhir.OtherX types
// are samply's own, without the method, so the embedded fields are encoded
// exactly as samply encodes them. The embed is by value: an embedded
// pointer is a case some encoders get wrong.
type (
	carePlanFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherCarePlan
	}
	consentFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherConsent
	}
	documentReferenceFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherDocumentReference
	}
	encounterFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherEncounter
	}
	goalFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherGoal
	}
	locationFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherLocation
	}
	organizationFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherOrganization
	}
	patientFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherPatient
	}
	practitionerFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherPractitioner
	}
	practitionerRoleFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherPractitionerRole
	}
	questionnaireResponseFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherQuestionnaireResponse
	}
	relatedPersonFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherRelatedPerson
	}
	serviceRequestFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherServiceRequest
	}
	taskFirst struct {
		ResourceType string `json:"resourceType"`
		fhir.OtherTask
	}
)

// typeFirst is the resource as a resourceType-first struct, or nil for a
// type not listed here (it then goes through its own MarshalJSON and
// resourceTypeFirst, as before). A pointer: the encoders take it without
// copying the struct again.
func typeFirst(res any) any {
	switch r := res.(type) {
	case fhir.CarePlan:
		return &carePlanFirst{"CarePlan", fhir.OtherCarePlan(r)}
	case fhir.Consent:
		return &consentFirst{"Consent", fhir.OtherConsent(r)}
	case fhir.DocumentReference:
		return &documentReferenceFirst{"DocumentReference", fhir.OtherDocumentReference(r)}
	case fhir.Encounter:
		return &encounterFirst{"Encounter", fhir.OtherEncounter(r)}
	case fhir.Goal:
		return &goalFirst{"Goal", fhir.OtherGoal(r)}
	case fhir.Location:
		return &locationFirst{"Location", fhir.OtherLocation(r)}
	case fhir.Organization:
		return &organizationFirst{"Organization", fhir.OtherOrganization(r)}
	case fhir.Patient:
		return &patientFirst{"Patient", fhir.OtherPatient(r)}
	case fhir.Practitioner:
		return &practitionerFirst{"Practitioner", fhir.OtherPractitioner(r)}
	case fhir.PractitionerRole:
		return &practitionerRoleFirst{"PractitionerRole", fhir.OtherPractitionerRole(r)}
	case fhir.QuestionnaireResponse:
		return &questionnaireResponseFirst{"QuestionnaireResponse", fhir.OtherQuestionnaireResponse(r)}
	case fhir.RelatedPerson:
		return &relatedPersonFirst{"RelatedPerson", fhir.OtherRelatedPerson(r)}
	case fhir.ServiceRequest:
		return &serviceRequestFirst{"ServiceRequest", fhir.OtherServiceRequest(r)}
	case fhir.Task:
		return &taskFirst{"Task", fhir.OtherTask(r)}
	}
	return nil
}
