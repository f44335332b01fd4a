package validation

import "bytes"

// primitiveType: JSON key -> R4 primitive type ("" if none), for the keys
// whose type does not depend on where they sit in the resources the IG
// profiles. A switch, not a map: it runs for every string of a resource,
// and comparing a short key costs less than hashing it.
func primitiveType(key string) string {
	switch key {
	case "birthDate", "valueDate":
		return "date"
	case "deceasedDateTime", "authored", "start", "end", "dateTime", "date", "created", "authoredOn", "lastModified", "occurrenceDateTime", "plannedStartDate", "valueDateTime":
		return "dateTime"
	case "lastUpdated", "issued", "recorded", "valueInstant":
		return "instant"
	case "valueUri", "valueUrl", "valueCanonical", "fullUrl", "url", "system", "profile", "questionnaire":
		return "uri"
	case "valueCode", "code", "status", "intent", "gender", "use", "language", "lifecycleStatus", "method", "contentType", "priority":
		return "code"
	case "valueId":
		return "id"
	case "valueBoolean":
		return "boolean"
	case "id":
		return "string"
	}
	return ""
}

// format checks a string primitive; the run's path and elem are its own.
// ContactPoint.system is a code, not a uri; a resource's own id is an id.
func (c *run) format(s, key string) {
	t := primitiveType(key)
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
