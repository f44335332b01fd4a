package envoi

import (
	"fmt"
	"net/url"
	"strings"
)

// toUpsert rewrites every entry as a conditional update on its business
// identifier (PUT Type?identifier=system|value), so that a resend to a
// generic FHIR server overwrites instead of duplicating. An entry without
// identifier (Consent, DocumentReference, PractitionerRole in the IG) is
// updated at an id taken from its fullUrl: the converter derives fullUrls
// from source data (v5 UUIDs), so a resend hits the same id.
func (b *bundle) toUpsert() error {
	for _, e := range b.entries {
		req := object{"method": "PUT"}
		switch id := idFromFullURL(e.fullURL); {
		case e.identifier != "":
			// The server gives the id; one in the body would be refused
			// ("Cannot provide ID for create by update").
			delete(e.resource, "id")
			req["url"] = e.typ + "?identifier=" + url.QueryEscape(e.identifier)
		case id != "":
			e.resource["id"] = id
			req["url"] = e.typ + "/" + id
		default:
			return fmt.Errorf("%s : entrée %d (%s) sans identifiant ni fullUrl stable : mise à jour conditionnelle impossible",
				b.file, e.index, e.typ)
		}
		e.raw["request"] = req
	}
	return nil
}

// idFromFullURL is the id a fullUrl stands for: the UUID of urn:uuid:…, or
// the last segment of an absolute …/Type/id URL.
func idFromFullURL(full string) string {
	if id, ok := strings.CutPrefix(full, "urn:uuid:"); ok {
		return id
	}
	u, err := url.Parse(full)
	if err != nil || u.Scheme == "" || u.Path == "" {
		return ""
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-1]
}
