package questionnaire

import (
	"strings"

	"github.com/tddui/tddui/templates"
)

// vsOuiNon is the templates' yes/no list, offered for boolean items.
const vsOuiNon = "urn:tddui:vs:oui-non"

// Columns returns one spreadsheet column per answerable item, in
// questionnaire order: Key is the linkId, Label the item text made unique
// within the questionnaire (several AGGIR sub-questions read "fait
// spontanément"), choice items carry their answerOptions in Options.
func (q *Questionnaire) Columns() []templates.Column {
	var out []templates.Column
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			if it.Answerable() {
				out = append(out, it.column())
			}
			walk(it.Items)
		}
	}
	walk(q.Items)
	uniqueLabels(out, q)
	return out
}

func (it *Item) column() templates.Column {
	c := templates.Column{
		Key: it.LinkID, Label: it.label(), Kind: kinds[it.Type].column, Multi: it.Repeats,
		Required: it.alwaysRequired(), Help: it.help(),
		Target: "QuestionnaireResponse.item[linkId=" + it.LinkID + "]",
	}
	switch c.Kind {
	case templates.Bool:
		c.ValueSet = vsOuiNon
		c.Example = "oui"
	case templates.Code:
		c.Options = it.Options
		if len(it.Options) > 0 {
			c.Example = it.Options[0].Code
		}
	}
	return c
}

func (it *Item) label() string {
	if it.Text == "" {
		return it.LinkID
	}
	return it.Text
}

// alwaysRequired marks the column required only when Build would demand the
// cell whatever the other cells hold: a required item under an optional
// question is due only when that question is answered.
func (it *Item) alwaysRequired() bool {
	for p := it; p != nil; p = p.Parent {
		if !p.Required || p.EnableWhen {
			return false
		}
	}
	return true
}

// help places the item in its grid: the path of its ancestors' texts, and
// the condition on its parent question if it is a sub-question.
func (it *Item) help() string {
	var path []string
	for p := it; p != nil; p = p.Parent {
		path = append([]string{p.label()}, path...)
	}
	h := strings.Join(path, " › ")
	if p := it.Parent; p != nil && p.Answerable() {
		h += ". Sous-question de « " + p.label() + " » : ne la renseignez que si celle-ci l'est."
	}
	return h
}

// uniqueLabels disambiguates labels that fold to the same text: first by
// prefixing the parent's text, then, if still ambiguous, by the linkId.
func uniqueLabels(cols []templates.Column, q *Questionnaire) {
	for _, step := range []func(*templates.Column){
		func(c *templates.Column) {
			if p := q.Item(c.Key).Parent; p != nil {
				c.Label = p.label() + " – " + c.Label
			}
		},
		func(c *templates.Column) { c.Label += " (" + c.Key + ")" },
	} {
		count := map[string]int{}
		for _, c := range cols {
			count[templates.Fold(c.Label)]++
		}
		for i := range cols {
			if count[templates.Fold(cols[i].Label)] > 1 {
				step(&cols[i])
			}
		}
	}
}
