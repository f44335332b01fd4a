package build

import (
	"slices"
	"strings"

	"github.com/tddui/tddui/converter/record"
)

// notCarried are the columns an unstructured evaluation cannot send: with
// no QuestionnaireResponse, only its documents travel.
var notCarried = []string{"date", "evaluateur", "auteur", "commentaire"}

// attachDocuments sends the documents named on an evaluation row (the
// scanned grid, the PDF) attached to the row's événement, which is then
// required. Not to the QuestionnaireResponse: its profile slices
// tddui-attachment, but the extension's published context (Encounter,
// CarePlan, Goal, ServiceRequest) excludes QuestionnaireResponse, so a
// validator rejects it there. A row without answers is an unstructured
// evaluation: no QuestionnaireResponse (item 1..*), the documents alone.
// Putting them in the événement's own "documents" links before anything
// is built makes the événement carry the extension and the bundle carry
// the documents.
func attachDocuments(c *Context, r *record.Record) {
	structured := len(answers(r)) > 0
	docs, ev := r.LinksOf("documents"), r.Link("evenement")
	switch {
	case !structured && !r.Has("documents"):
		r.Reject(c.Rep, r.Sheet.KeyColumn().Key, r.Key, "au moins une réponse, ou un document (évaluation non structurée)",
			"évaluation sans réponse ni document : le profil exige au moins une réponse (item 1..*)")
	case len(docs) == 0: // none, or broken references already reported
	case ev == nil && !r.Has("evenement"):
		r.Reject(c.Rep, "evenement", "", "l'événement auquel rattacher les documents",
			"les documents d'une évaluation sont envoyés rattachés à son événement : indiquez-le")
	case ev != nil:
		for _, d := range docs {
			if !slices.Contains(ev.LinksOf("documents"), d) {
				ev.AddLink("documents", d)
			}
		}
		if !structured {
			warnNotCarried(c, r)
		}
	}
}

// warnNotCarried reports, at the first of them, the filled columns that
// are not sent: silently dropping them would lose data unseen.
func warnNotCarried(c *Context, r *record.Record) {
	var at string
	var filled []string
	for _, k := range notCarried {
		if r.Has(k) {
			if at == "" {
				at = k
			}
			filled = append(filled, r.Sheet.Column(k).Label)
		}
	}
	if at != "" {
		r.Warn(c.Rep, at, "", "évaluation non structurée : seul le document est envoyé (rattaché à l'événement) ; "+
			"non transmis : "+strings.Join(filled, ", "))
	}
}
