package validation

import "regexp"

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

// formats are the R4 regular expressions of the primitive types.
var formats = map[string]*regexp.Regexp{
	"date":     regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$`),
	"dateTime": regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$`),
	"instant":  regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$`),
	"id":       regexp.MustCompile(`^[A-Za-z0-9\-\.]{1,64}$`),
	"code":     regexp.MustCompile(`^[^\s]+( [^\s]+)*$`),
	"uri":      regexp.MustCompile(`^\S+$`),
}

// format checks a string primitive. ContactPoint.system is a code, not a
// uri; a resource's own id is an id.
func (c *run) format(s, key, elem, path string) {
	t := primitiveTypes[key]
	switch {
	case key == "system" && hasSuffix(elem, "telecom.system"):
		t = "code"
	case key == "id" && isResourceID(elem):
		t = "id"
	case t == "boolean":
		c.report(Error, path, "format", coreSD+"Element", "", s, t)
		return
	}
	if re, ok := formats[t]; ok && !re.MatchString(s) {
		c.report(Error, path, "format", coreSD+"Element", "", s, t)
	}
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// isResourceID: "Patient.id" or "Bundle.entry.resource.id" style paths of a
// resource root (one dot: the walk starts at the resource type).
func isResourceID(elem string) bool {
	n := 0
	for i := 0; i < len(elem); i++ {
		if elem[i] == '.' {
			n++
		}
	}
	return n == 1
}
