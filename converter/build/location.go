package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetLieux, builder{
		key:   func(_ *Context, r *record.Record) string { return "lieu|" + r.Key },
		build: buildLocation,
	})
}

// buildLocation builds a FR Core Location: the IG has no Location profile,
// but its événement example points to one (open slicing lets it in).
// locationMeta is shared by every Location (read only).
var locationMeta = fhirx.Meta(fhirx.FRCoreSD + "fr-core-location")

func buildLocation(c *Context, r *record.Record) []Entry {
	l := fhir.Location{Meta: locationMeta, Name: fhirx.Str(r.Str("nom"))}
	if r.Has("adresse") || r.Has("ville") || r.Has("code_postal") || r.Has("pays") {
		l.Address = &fhir.Address{Line: r.Strs("adresse"), City: fhirx.Str(r.Str("ville")),
			PostalCode: fhirx.Str(r.Str("code_postal")), Country: fhirx.Str(r.Str("pays"))}
	}
	return []Entry{{FullURL: c.URL(r), Type: "Location", Profile: "fr-core-location", Resource: l, Record: r}}
}
