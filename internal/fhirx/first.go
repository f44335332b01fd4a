package fhirx

import (
	"errors"
	"sync"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

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
	// encounterExtFirst encodes an Encounter: the members up to status
	// are declared here, in samply's order, and shadow the embedded ones
	// (a shallower field wins), so that extension is an []Ext in its
	// place and status is encoded from a table.
	encounterExtFirst struct {
		ResourceType  string          `json:"resourceType"`
		Id            *string         `json:"id,omitempty"`
		Meta          *fhir.Meta      `json:"meta,omitempty"`
		ImplicitRules *string         `json:"implicitRules,omitempty"`
		Language      *string         `json:"language,omitempty"`
		Text          *fhir.Narrative `json:"text,omitempty"`
		Extension     []Ext           `json:"extension,omitempty"`
		// ModifierExtension and Identifier precede status
		ModifierExtension []fhir.Extension  `json:"modifierExtension,omitempty"`
		Identifier        []fhir.Identifier `json:"identifier,omitempty"`
		Status            encounterStatus   `json:"status"`
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
	// taskFirst declares the members up to status, in samply's order,
	// shadowing the embedded ones, so that status is encoded from a table.
	taskFirst struct {
		ResourceType          string            `json:"resourceType"`
		Id                    *string           `json:"id,omitempty"`
		Meta                  *fhir.Meta        `json:"meta,omitempty"`
		ImplicitRules         *string           `json:"implicitRules,omitempty"`
		Language              *string           `json:"language,omitempty"`
		Text                  *fhir.Narrative   `json:"text,omitempty"`
		Extension             []fhir.Extension  `json:"extension,omitempty"`
		ModifierExtension     []fhir.Extension  `json:"modifierExtension,omitempty"`
		Identifier            []fhir.Identifier `json:"identifier,omitempty"`
		InstantiatesCanonical *string           `json:"instantiatesCanonical,omitempty"`
		InstantiatesUri       *string           `json:"instantiatesUri,omitempty"`
		BasedOn               []fhir.Reference  `json:"basedOn,omitempty"`
		GroupIdentifier       *fhir.Identifier  `json:"groupIdentifier,omitempty"`
		PartOf                []fhir.Reference  `json:"partOf,omitempty"`
		Status                taskStatus        `json:"status"`
		fhir.OtherTask
	}
)

// appendFirst appends the resource as a resourceType-first struct; ok is
// false for a type not listed here (it then goes through its own
// MarshalJSON and resourceTypeFirst, as before).
func appendFirst(dst []byte, res any) (_ []byte, ok bool, err error) {
	switch r := res.(type) {
	case fhir.CarePlan:
		dst, err = appendPooled(dst, &carePlanPool, carePlanFirst{"CarePlan", fhir.OtherCarePlan(r)})
	case fhir.Consent:
		dst, err = appendPooled(dst, &consentPool, consentFirst{"Consent", fhir.OtherConsent(r)})
	case fhir.DocumentReference:
		dst, err = appendPooled(dst, &documentReferencePool, documentReferenceFirst{"DocumentReference", fhir.OtherDocumentReference(r)})
	case fhir.Encounter:
		dst, err = appendPooled(dst, &encounterPool, encounterFirst{"Encounter", fhir.OtherEncounter(r)})
	case *Encounter:
		dst, err = appendEncounter(dst, r)
	case fhir.Goal:
		dst, err = appendPooled(dst, &goalPool, goalFirst{"Goal", fhir.OtherGoal(r)})
	case fhir.Location:
		dst, err = appendPooled(dst, &locationPool, locationFirst{"Location", fhir.OtherLocation(r)})
	case fhir.Organization:
		dst, err = appendPooled(dst, &organizationPool, organizationFirst{"Organization", fhir.OtherOrganization(r)})
	case fhir.Patient:
		dst, err = appendPooled(dst, &patientPool, patientFirst{"Patient", fhir.OtherPatient(r)})
	case fhir.Practitioner:
		dst, err = appendPooled(dst, &practitionerPool, practitionerFirst{"Practitioner", fhir.OtherPractitioner(r)})
	case fhir.PractitionerRole:
		dst, err = appendPooled(dst, &practitionerRolePool, practitionerRoleFirst{"PractitionerRole", fhir.OtherPractitionerRole(r)})
	case fhir.QuestionnaireResponse:
		dst, err = appendPooled(dst, &questionnaireResponsePool, questionnaireResponseFirst{"QuestionnaireResponse", fhir.OtherQuestionnaireResponse(r)})
	case fhir.RelatedPerson:
		dst, err = appendPooled(dst, &relatedPersonPool, relatedPersonFirst{"RelatedPerson", fhir.OtherRelatedPerson(r)})
	case fhir.ServiceRequest:
		dst, err = appendPooled(dst, &serviceRequestPool, serviceRequestFirst{"ServiceRequest", fhir.OtherServiceRequest(r)})
	case fhir.Task:
		dst, err = appendTask(dst, &r)
	default:
		return dst, false, nil
	}
	return dst, true, err
}

// appendEncounter appends an Encounter with its Ext extensions.
func appendEncounter(dst []byte, r *Encounter) ([]byte, error) {
	if len(r.Encounter.Extension) > 0 {
		return dst, errors.New("fhirx.Encounter : extensions samply et Ext mêlées")
	}
	e := &r.Encounter
	return appendPooled(dst, &encounterExtPool, encounterExtFirst{"Encounter", e.Id, e.Meta, e.ImplicitRules,
		e.Language, e.Text, r.Extension, e.ModifierExtension, e.Identifier, encounterStatus(e.Status),
		fhir.OtherEncounter(*e)})
}

// appendTask appends a Task, its members up to status declared first.
func appendTask(dst []byte, t *fhir.Task) ([]byte, error) {
	return appendPooled(dst, &taskPool, taskFirst{"Task", t.Id, t.Meta, t.ImplicitRules, t.Language, t.Text,
		t.Extension, t.ModifierExtension, t.Identifier, t.InstantiatesCanonical, t.InstantiatesUri,
		t.BasedOn, t.GroupIdentifier, t.PartOf, taskStatus(t.Status), fhir.OtherTask(*t)})
}

// The structs are taken from pools, one per type: each resource encoded
// was a heap copy of it (the encoder takes an interface), some hundreds of
// bytes, as many as the entries of every bundle.
var (
	carePlanPool              pool[carePlanFirst]
	consentPool               pool[consentFirst]
	documentReferencePool     pool[documentReferenceFirst]
	encounterPool             pool[encounterFirst]
	encounterExtPool          pool[encounterExtFirst]
	goalPool                  pool[goalFirst]
	locationPool              pool[locationFirst]
	organizationPool          pool[organizationFirst]
	patientPool               pool[patientFirst]
	practitionerPool          pool[practitionerFirst]
	practitionerRolePool      pool[practitionerRoleFirst]
	questionnaireResponsePool pool[questionnaireResponseFirst]
	relatedPersonPool         pool[relatedPersonFirst]
	serviceRequestPool        pool[serviceRequestFirst]
	taskPool                  pool[taskFirst]
)

// pool is a sync.Pool of *F.
type pool[F any] struct{ p sync.Pool }

// appendPooled copies f into a pooled struct, encodes it, and clears it
// before putting it back, so that the pool holds no resource's data.
func appendPooled[F any](dst []byte, p *pool[F], f F) ([]byte, error) {
	pf, _ := p.p.Get().(*F)
	if pf == nil {
		pf = new(F)
	}
	*pf = f
	out, err := AppendValue(dst, pf)
	var zero F
	*pf = zero
	p.p.Put(pf)
	return out, err
}
