package questionnaire

import (
	"sort"
	"strings"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// Separator splits the answers of a repeating item's cell. It is the
// templates' multi-value separator (templates.Separator, which a templates
// test holds equal); the engine does not import the templates, which
// declare the evaluation sheets from it.
const Separator = "|"

// Build turns the cells of one evaluation (cell text by linkId) into
// QuestionnaireResponse.item: nested and ordered as in the questionnaire,
// sub-questions of a question under its answer, groups only when something
// in them is answered, each item with its questionnaire text as the IG
// examples carry it. Empty cells are no answer. Items in error are left out
// and every problem is returned: cells the questionnaire has no item for
// first, then in questionnaire order.
func Build(q *Questionnaire, answers map[string]string) ([]fhir.QuestionnaireResponseItem, []AnswerError) {
	b := &builder{answers: answers, present: map[string]bool{}}
	b.unknown(q)
	items := b.items(q.Items)
	b.required(q.Items, true)
	return items, b.errs
}

type builder struct {
	answers map[string]string
	present map[string]bool // linkIds that made it into the response
	errs    []AnswerError
}

func (b *builder) cell(linkID string) string { return strings.TrimSpace(b.answers[linkID]) }

// unknown reports cells the questionnaire cannot hold: linkIds it does not
// have, and non-empty cells given to groups or display texts.
func (b *builder) unknown(q *Questionnaire) {
	keys := make([]string, 0, len(b.answers))
	for k := range b.answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		it := q.Item(k)
		switch {
		case it == nil:
			b.errs = append(b.errs, newError(ErrUnknown, nil, k, b.answers[k]))
		case !it.Answerable() && b.cell(k) != "":
			b.errs = append(b.errs, newError(ErrNotAnswered, it, k, b.answers[k]))
		}
	}
}

func (b *builder) items(items []*Item) []fhir.QuestionnaireResponseItem {
	var out []fhir.QuestionnaireResponseItem
	for _, it := range items {
		if r, ok := b.item(it); ok {
			b.present[it.LinkID] = true
			out = append(out, r)
		}
	}
	return out
}

func (b *builder) item(it *Item) (fhir.QuestionnaireResponseItem, bool) {
	r := fhir.QuestionnaireResponseItem{LinkId: it.LinkID}
	if it.Text != "" {
		text := it.Text
		r.Text = &text
	}
	children := b.items(it.Items)
	if !it.Answerable() {
		r.Item = children
		return r, len(children) > 0
	}
	cell := b.cell(it.LinkID)
	if cell == "" {
		if len(children) > 0 {
			// FHIR nests sub-question answers under their question's
			// answer: without one they have nowhere to go.
			b.errs = append(b.errs, newError(ErrOrphan, it, it.LinkID, ""))
		}
		return r, false
	}
	answers, ok := b.parse(it, cell)
	if !ok {
		return r, false
	}
	// A row cannot say which answer of a repeating question the
	// sub-questions belong to: they go with the first.
	answers[0].Item = children
	r.Answer = answers
	return r, true
}

// parse reads a cell: several values separated by Separator when
// the item repeats, one otherwise.
func (b *builder) parse(it *Item, cell string) ([]fhir.QuestionnaireResponseItemAnswer, bool) {
	values := []string{cell}
	if it.Repeats {
		values = strings.Split(cell, Separator)
	}
	k := kinds[it.Type]
	var out []fhir.QuestionnaireResponseItemAnswer
	for _, v := range values {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		a, ok := k.parse(it, v)
		if !ok {
			b.errs = append(b.errs, newError(k.failure, it, it.LinkID, v))
			return nil, false
		}
		out = append(out, a)
	}
	return out, len(out) > 0
}

// required reports required items left empty whose parent is in the
// response (a required sub-question of an unanswered question is not due).
// Items with enableWhen are skipped: the engine does not evaluate it, and a
// disabled item is never required.
func (b *builder) required(items []*Item, parentPresent bool) {
	for _, it := range items {
		if parentPresent && it.Required && !it.EnableWhen && !b.present[it.LinkID] && b.cell(it.LinkID) == "" {
			b.errs = append(b.errs, newError(ErrRequired, it, it.LinkID, ""))
		}
		b.required(it.Items, b.present[it.LinkID])
	}
}
