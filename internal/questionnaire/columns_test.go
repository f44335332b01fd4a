package questionnaire

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/tddui/tddui/internal/terminology"
	"github.com/tddui/tddui/templates"
)

// rawItem is Questionnaire.item read independently of the engine.
type rawItem struct {
	LinkID       string    `json:"linkId"`
	Type         string    `json:"type"`
	Item         []rawItem `json:"item"`
	AnswerOption []struct {
		ValueCoding terminology.Concept `json:"valueCoding"`
	} `json:"answerOption"`
}

func rawAnswerable(items []rawItem, out map[string]rawItem, order *[]string) {
	for _, it := range items {
		if it.Type != "group" && it.Type != "display" {
			out[it.LinkID] = it
			*order = append(*order, it.LinkID)
		}
		rawAnswerable(it.Item, out, order)
	}
}

func TestColumns(t *testing.T) {
	qs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 4 {
		t.Fatalf("%d questionnaires embedded, want 4", len(qs))
	}
	for _, q := range qs {
		t.Run(q.ID, func(t *testing.T) {
			b, _ := data.ReadFile("data/Questionnaire-" + q.ID + ".json")
			var raw struct{ Item []rawItem }
			if err := json.Unmarshal(b, &raw); err != nil {
				t.Fatal(err)
			}
			want, order := map[string]rawItem{}, []string{}
			rawAnswerable(raw.Item, want, &order)
			cols := q.Columns()
			if len(cols) != len(order) {
				t.Fatalf("%d columns, want %d answerable items", len(cols), len(order))
			}
			labels := map[string]string{}
			for i, c := range cols {
				if c.Key != order[i] {
					t.Errorf("column %d is %s, want %s (questionnaire order)", i, c.Key, order[i])
				}
				if prev, dup := labels[templates.Fold(c.Label)]; dup {
					t.Errorf("label %q of %s already used by %s", c.Label, c.Key, prev)
				}
				labels[templates.Fold(c.Label)] = c.Key
				checkColumn(t, c, want[c.Key])
			}
		})
	}
}

// checkColumn ties a column to its raw item: kind from the type, and for
// choice items the answerOptions verbatim, reachable as a value list.
func checkColumn(t *testing.T, c templates.Column, it rawItem) {
	wantKind := map[string]templates.Kind{"choice": templates.Code, "boolean": templates.Bool, "integer": templates.Integer}[it.Type]
	if c.Kind != wantKind {
		t.Errorf("%s: kind %q for type %s, want %q", c.Key, c.Kind, it.Type, wantKind)
	}
	var opts []terminology.Concept
	for _, o := range it.AnswerOption {
		opts = append(opts, o.ValueCoding)
	}
	if !reflect.DeepEqual(c.Options, opts) {
		t.Errorf("%s: options %v, want %v", c.Key, c.Options, opts)
	}
	if vs := c.ValueSetData(); (c.Kind == templates.Code || c.Kind == templates.Bool) && (vs == nil || len(vs.Concepts) == 0) {
		t.Errorf("%s: coded column without value list", c.Key)
	}
	if c.Target != "QuestionnaireResponse.item[linkId="+c.Key+"]" || c.Help == "" {
		t.Errorf("%s: target %q help %q", c.Key, c.Target, c.Help)
	}
}

// The AGGIR sub-questions share their text: the label names the activity.
func TestColumnLabels(t *testing.T) {
	q, err := ByURL(urlAggirPA + "|2.2.0")
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]templates.Column{}
	for _, c := range q.Columns() {
		byKey[c.Key] = c
	}
	for key, label := range map[string]string{
		"resultat-eval":   "Résultat évaluation",
		"fonction-pensee": "Fonctions de la pensée",
		"pensee-spont":    "Fonctions de la pensée – fait spontanément",
		"laver-habit":     "Se laver des parties du corps – fait habituellement",
	} {
		if byKey[key].Label != label {
			t.Errorf("%s: label %q, want %q", key, byKey[key].Label, label)
		}
	}
	res := byKey["resultat-eval"]
	if c, ok := res.ValueSetData().Lookup("MED-341"); !ok || c.Display != "GIR-3" {
		t.Errorf("resultat-eval value list lookup MED-341: %v %v", c, ok)
	}
	if _, err := ByURL(urlAggirPA + "|2.1.0"); err == nil {
		t.Error("ByURL accepted a version that is not embedded")
	}
}
