// Package questionnaire turns the IG's evaluation grids (AGGIR PA, AGGIR PH,
// SERAFIN, situation SSIAD) into spreadsheet columns and spreadsheet cells
// into QuestionnaireResponse items. Everything is read from the embedded
// Questionnaire JSON: a new version of a grid is a new JSON file in data/,
// not new Go code.
package questionnaire

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/tddui/tddui/internal/terminology"
)

//go:embed data/*.json
var data embed.FS

// Questionnaire is one evaluation grid.
type Questionnaire struct {
	ID      string
	URL     string // canonical, without version
	Version string
	Name    string
	Title   string
	Items   []*Item // top-level items, in questionnaire order
	index   map[string]*Item
}

// Item is one item of the grid, answerable or not (group, display).
type Item struct {
	LinkID   string
	Text     string
	Type     string // FHIR Questionnaire.item.type
	Required bool
	Repeats  bool
	// Options are the allowed codings: answerOption.valueCoding, or the
	// expansion of answerValueSet when the grid names a value set instead.
	Options []terminology.Concept
	// EnableWhen is set when the grid makes the item conditional; the
	// condition itself is not evaluated (no grid of the IG uses it).
	EnableWhen bool
	Items      []*Item
	Parent     *Item
}

// Answerable tells whether the item takes a cell (groups and display texts
// do not).
func (it *Item) Answerable() bool { return it.Type != "group" && it.Type != "display" }

// Item returns the item with this linkId, at any depth, or nil.
func (q *Questionnaire) Item(linkID string) *Item { return q.index[linkID] }

var (
	once    sync.Once
	loaded  []*Questionnaire
	errLoad error
)

// Load returns the embedded questionnaires, sorted by URL. They are parsed
// once and shared: callers must not modify them.
func Load() ([]*Questionnaire, error) {
	once.Do(func() { loaded, errLoad = loadAll() })
	return loaded, errLoad
}

// ByURL returns the questionnaire with this canonical URL; a "|version"
// suffix, as QuestionnaireResponse.questionnaire may carry, must match.
func ByURL(url string) (*Questionnaire, error) {
	qs, err := Load()
	if err != nil {
		return nil, err
	}
	base, version, _ := strings.Cut(url, "|")
	for _, q := range qs {
		if q.URL == base && (version == "" || version == q.Version) {
			return q, nil
		}
	}
	return nil, fmt.Errorf("questionnaire inconnu : %s", url)
}

func loadAll() ([]*Questionnaire, error) {
	entries, err := data.ReadDir("data")
	if err != nil {
		return nil, err
	}
	var out []*Questionnaire
	for _, e := range entries {
		b, err := data.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		q, err := parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s : %w", e.Name(), err)
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

// fhirItem is the part of Questionnaire.item the engine reads.
type fhirItem struct {
	LinkID       string `json:"linkId"`
	Text         string `json:"text"`
	Type         string `json:"type"`
	Required     bool   `json:"required"`
	Repeats      bool   `json:"repeats"`
	EnableWhen   []any  `json:"enableWhen"`
	AnswerVS     string `json:"answerValueSet"`
	AnswerOption []struct {
		ValueCoding *terminology.Concept `json:"valueCoding"`
	} `json:"answerOption"`
	Item []fhirItem `json:"item"`
}

func parse(b []byte) (*Questionnaire, error) {
	var raw struct {
		ResourceType, ID, URL, Version, Name, Title string
		Item                                        []fhirItem
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	if raw.ResourceType != "Questionnaire" || raw.URL == "" {
		return nil, fmt.Errorf("pas un Questionnaire FHIR avec une url")
	}
	q := &Questionnaire{ID: raw.ID, URL: raw.URL, Version: raw.Version, Name: raw.Name, Title: raw.Title,
		index: map[string]*Item{}}
	items, err := q.items(raw.Item, nil)
	q.Items = items
	return q, err
}

func (q *Questionnaire) items(raw []fhirItem, parent *Item) ([]*Item, error) {
	var out []*Item
	for _, r := range raw {
		it := &Item{LinkID: r.LinkID, Text: r.Text, Type: r.Type, Required: r.Required, Repeats: r.Repeats,
			EnableWhen: len(r.EnableWhen) > 0, Parent: parent}
		if _, dup := q.index[it.LinkID]; dup || it.LinkID == "" {
			return nil, fmt.Errorf("linkId vide ou en double : %q", it.LinkID)
		}
		if _, ok := kinds[it.Type]; !ok && it.Answerable() {
			return nil, fmt.Errorf("item %s : type %q non pris en charge", it.LinkID, it.Type)
		}
		if err := it.setOptions(r); err != nil {
			return nil, err
		}
		q.index[it.LinkID] = it
		children, err := q.items(r.Item, it)
		if err != nil {
			return nil, err
		}
		it.Items = children
		out = append(out, it)
	}
	return out, nil
}

func (it *Item) setOptions(r fhirItem) error {
	for _, o := range r.AnswerOption {
		if o.ValueCoding == nil {
			// Options of other types (valueString, valueInteger…) would
			// need their own matching: fail loudly rather than accept anything.
			return fmt.Errorf("item %s : answerOption autre que valueCoding non pris en charge", it.LinkID)
		}
		it.Options = append(it.Options, *o.ValueCoding)
	}
	if r.AnswerVS != "" && len(it.Options) == 0 {
		vs, err := terminology.Get(strings.SplitN(r.AnswerVS, "|", 2)[0])
		if err != nil {
			return fmt.Errorf("item %s : %w", it.LinkID, err)
		}
		it.Options = vs.Concepts
	}
	return nil
}
