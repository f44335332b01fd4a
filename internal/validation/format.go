package validation

import "bytes"

// primitiveTypes: JSON key -> R4 primitive type, for the keys whose type
// does not depend on where they sit in the resources the IG profiles.
var primitiveTypes = map[string]string{
	"birthDate": "date", "deceasedDateTime": "dateTime", "authored": "dateTime", "lastUpdated": "instant",
	"start": "dateTime", "end": "dateTime", "dateTime": "dateTime", "date": "dateTime", "issued": "instant",
	"recorded": "instant", "created": "dateTime", "authoredOn": "dateTime", "lastModified": "dateTime",
	"occurrenceDateTime": "dateTime", "plannedStartDate": "dateTime",
	"valueDate": "date", "valueDateTime": "dateTime", "valueInstant": "instant", "valueUri": "uri",
	"valueUrl": "uri", "valueCanonical": "uri", "valueCode": "code", "valueId": "id", "valueBoolean": "boolean",
	"fullUrl": "uri", "url": "uri", "system": "uri", "profile": "uri", "questionnaire": "uri",
	"code": "code", "status": "code", "intent": "code", "gender": "code", "use": "code", "language": "code",
	"lifecycleStatus": "code", "method": "code", "contentType": "code", "priority": "code", "id": "string",
}

// format checks a string primitive; the run's path and elem are its own.
// ContactPoint.system is a code, not a uri; a resource's own id is an id.
func (c *run) format(s, key string) {
	t := primitiveTypes[key]
	switch {
	case key == "system" && bytes.HasSuffix(c.elem, []byte("telecom.system")):
		t = "code"
	case key == "id" && isResourceID(c.elem):
		t = "id"
	case t == "boolean":
		c.report(Error, c.at(), "format", coreSD+"Element", "", s, t)
		return
	}
	if !validFormat(t, s) {
		c.report(Error, c.at(), "format", coreSD+"Element", "", s, t)
	}
}

// isResourceID: "Patient.id" style paths of a resource root (one dot: the
// walk starts at the resource type).
func isResourceID(elem []byte) bool { return bytes.Count(elem, []byte{'.'}) == 1 }
