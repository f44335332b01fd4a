package build

import (
	"strconv"
	"testing"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/internal/terminology"
	"github.com/tddui/tddui/templates"
)

// Every business status a dropdown offers maps to a code the FHIR status
// type of each profile using the list accepts.
func TestStatusTablesCoverLists(t *testing.T) {
	fields := map[string][]func() unmarshaler{
		templates.VSStatutProjet:   {func() unmarshaler { return new(fhir.RequestStatus) }},
		templates.VSStatutObjectif: {func() unmarshaler { return new(fhir.GoalLifecycleStatus) }},
		templates.VSStatutBesoin:   {func() unmarshaler { return new(fhir.RequestStatus) }},
		templates.VSStatutAction:   {func() unmarshaler { return new(fhir.TaskStatus) }},
	}
	for _, tpl := range []*templates.Template{templates.PP} {
		for _, sh := range tpl.Sheets {
			col := sh.Column("statut")
			if col == nil || ppKinds[sh.Key].code == "" {
				continue
			}
			if fields[col.ValueSet] == nil {
				t.Fatalf("%s: status list %s has no mapping", sh.Key, col.ValueSet)
			}
			for _, c := range terminology.MustGet(col.ValueSet).Concepts {
				code, ok := ppStatuses[col.ValueSet][c.Code]
				for _, f := range fields[col.ValueSet] {
					if !ok || f().UnmarshalJSON([]byte(strconv.Quote(code))) != nil {
						t.Errorf("%s: %s → %q is not a FHIR status", sh.Key, c.Code, code)
					}
				}
			}
		}
	}
}
