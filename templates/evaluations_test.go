package templates

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tddui/tddui/internal/questionnaire"
	"github.com/tddui/tddui/internal/terminology"
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

func TestItemColumns(t *testing.T) {
	qs, err := questionnaire.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 4 {
		t.Fatalf("%d questionnaires embedded, want 4", len(qs))
	}
	for _, q := range qs {
		t.Run(q.ID, func(t *testing.T) {
			b, err := os.ReadFile("../internal/questionnaire/data/Questionnaire-" + q.ID + ".json")
			var raw struct{ Item []rawItem }
			if err == nil {
				err = json.Unmarshal(b, &raw)
			}
			if err != nil {
				t.Fatal(err)
			}
			want, order := map[string]rawItem{}, []string{}
			rawAnswerable(raw.Item, want, &order)
			cols := ItemColumns(q)
			if len(cols) != len(order) {
				t.Fatalf("%d columns, want %d answerable items", len(cols), len(order))
			}
			labels := map[string]string{}
			for i, c := range cols {
				if c.Key != order[i] {
					t.Errorf("column %d is %s, want %s (questionnaire order)", i, c.Key, order[i])
				}
				if prev, dup := labels[Fold(c.Label)]; dup {
					t.Errorf("label %q of %s already used by %s", c.Label, c.Key, prev)
				}
				labels[Fold(c.Label)] = c.Key
				checkColumn(t, c, want[c.Key])
			}
		})
	}
}

// checkColumn ties a column to its raw item: kind from the type, and for
// choice items the answerOptions verbatim, reachable as a value list.
func checkColumn(t *testing.T, c Column, it rawItem) {
	wantKind := map[string]Kind{"choice": Code, "boolean": Bool, "integer": Integer}[it.Type]
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
	if vs := c.ValueSetData(); (c.Kind == Code || c.Kind == Bool) && (vs == nil || len(vs.Concepts) == 0) {
		t.Errorf("%s: coded column without value list", c.Key)
	}
	if c.Target != "QuestionnaireResponse.item[linkId="+c.Key+"]" || c.Help == "" {
		t.Errorf("%s: target %q help %q", c.Key, c.Target, c.Help)
	}
	if !c.Item || c.LabelEN != itemLabelENPrefix+c.Label {
		t.Errorf("%s: item %v, English label %q", c.Key, c.Item, c.LabelEN)
	}
	if _, ok := itemKinds[it.Type]; !ok {
		t.Errorf("%s: item type %s has no column kind in itemKinds", c.Key, it.Type)
	}
}

// The engine splits repeating answers on its own constant (it cannot
// import the templates): it must be the templates' separator.
func TestItemSeparator(t *testing.T) {
	if questionnaire.Separator != Separator {
		t.Fatalf("questionnaire.Separator %q, templates.Separator %q", questionnaire.Separator, Separator)
	}
}

// Each grid is a sheet of the SSIAD template: the common columns first,
// then every answerable item, and the sheet names its questionnaire.
func TestEvaluationSheets(t *testing.T) {
	for _, g := range EvaluationGrids {
		s := SSIAD.Sheet(g.Sheet)
		if s == nil {
			t.Fatalf("SSIAD has no sheet %s", g.Sheet)
		}
		q, err := questionnaire.ByURL(s.Questionnaire)
		if err != nil {
			t.Fatal(err)
		}
		common, items := len(evaluationColumns()), ItemColumns(q)
		if len(s.Columns) != common+len(items) || s.Columns[common].Key != items[0].Key || s.When != "date" {
			t.Errorf("%s: %d columns (want %d+%d), When %q", g.Sheet, len(s.Columns), common, len(items), s.When)
		}
		if len([]rune(s.Name)) > 31 || !strings.Contains(s.Help, "item 1..*") {
			t.Errorf("%s: tab name %q too long for Excel or help without the unstructured path", g.Sheet, s.Name)
		}
	}
}

// The AGGIR sub-questions share their text: the label names the activity.
func TestColumnLabels(t *testing.T) {
	q, err := questionnaire.ByURL(qBase + "tddui-questionnaire-aggir-pa-ssiad|2.2.0")
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]Column{}
	for _, c := range ItemColumns(q) {
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
	if _, err := questionnaire.ByURL(qBase + "tddui-questionnaire-aggir-pa-ssiad|2.1.0"); err == nil {
		t.Error("ByURL accepted a version that is not embedded")
	}
}
