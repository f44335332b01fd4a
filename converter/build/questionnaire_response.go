package build

import (
	"strings"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/internal/questionnaire"
	"github.com/tddui/tddui/templates"
)

func init() {
	for _, g := range templates.EvaluationGrids {
		register(g.Sheet, builder{
			key:     func(c *Context, r *record.Record) string { return identifiant.SysEvaluation + "|" + evaluationID(c, r) },
			build:   buildEvaluation,
			prepare: attachDocuments,
		})
	}
}

func evaluationID(c *Context, r *record.Record) string {
	return identifiant.Suffixed(c.ownerID(r), "EVAL", r.Key)
}

// evaluationStatus maps the business status to QuestionnaireResponse.status
// as the profile's status element says (TERMINE is in-progress there).
var evaluationStatus = map[string]fhir.QuestionnaireResponseStatus{
	"TERMINE":  fhir.QuestionnaireResponseStatusInProgress,
	"APPROUVE": fhir.QuestionnaireResponseStatusCompleted,
	"VALIDE":   fhir.QuestionnaireResponseStatusAmended,
}

// answers are the row's item cells by linkId, as typed: the questionnaire
// engine reads and checks them.
func answers(r *record.Record) map[string]string {
	out := map[string]string{}
	for _, c := range r.Sheet.Columns {
		if c.Item && r.Has(c.Key) {
			out[c.Key] = strings.Join(r.Strs(c.Key), templates.Separator)
		}
	}
	return out
}

// buildEvaluation builds a tddui-questionnaire-response, its items nested
// and ordered as the questionnaire's. Each answer problem is reported at
// the cell of its item's column. A row without answers is an unstructured
// evaluation: no resource of its own (see attachDocuments).
func buildEvaluation(c *Context, r *record.Record) []Entry {
	cells := answers(r)
	if len(cells) == 0 {
		return nil
	}
	q, err := questionnaire.ByURL(r.Sheet.Questionnaire)
	if err != nil { // the templates built the sheet from it: cannot happen
		panic(err)
	}
	items, errs := questionnaire.Build(q, cells)
	for _, e := range errs {
		r.Reject(c.Rep, e.LinkID, e.Value, "", e.Msg)
	}
	status, _ := r.Code("statut")
	qr := fhir.QuestionnaireResponse{
		Meta:          profileMeta("tddui-questionnaire-response"),
		Extension:     c.evaluationExtensions(r),
		Identifier:    &fhir.Identifier{System: fhirx.Str(identifiant.SysEvaluation), Value: fhirx.Str(evaluationID(c, r))},
		Questionnaire: fhirx.Str(q.URL),
		Status:        evaluationStatus[status.Code],
		Subject:       c.RefTo(r, "usager"),
		Encounter:     c.RefTo(r, "evenement"),
		Authored:      fhirx.Str(r.Date("date")),
		Author:        c.RefTo(r, "auteur"),
		Source:        c.RefTo(r, "evaluateur"),
		Item:          items,
	}
	return []Entry{c.entry(r, "QuestionnaireResponse", "tddui-questionnaire-response", qr)}
}

// evaluationExtensions: the comment. The documents go to the événement
// (attachDocuments says why).
func (c *Context) evaluationExtensions(r *record.Record) []fhir.Extension {
	if s := r.Str("commentaire"); s != "" {
		return []fhir.Extension{fhirx.ExtString(fhirx.SD+"tddui-comment", s)}
	}
	return nil
}
