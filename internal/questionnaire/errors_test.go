package questionnaire

import (
	"encoding/json"
	"strings"
	"testing"
)

const (
	urlAggirPA   = "https://interop.esante.gouv.fr/ig/fhir/tddui/Questionnaire/tddui-questionnaire-aggir-pa-ssiad"
	urlSerafin   = "https://interop.esante.gouv.fr/ig/fhir/tddui/Questionnaire/tddui-questionnaire-serafin"
	urlSituation = "https://interop.esante.gouv.fr/ig/fhir/tddui/Questionnaire/tddui-questionnaire-situation-ssiad"
)

// synthetic has what no IG grid has (groups, display texts, required items,
// repeats, decimals, dates, open choice), to test the engine's handling of
// them; the IG grids are tested in the other cases.
const synthetic = `{"resourceType": "Questionnaire", "url": "urn:test", "item": [
  {"linkId": "g", "type": "group", "text": "Groupe", "item": [
    {"linkId": "poids", "type": "decimal", "text": "Poids", "required": true},
    {"linkId": "date", "type": "date", "text": "Date"},
    {"linkId": "choix", "type": "open-choice", "text": "Choix", "repeats": true,
     "answerOption": [{"valueCoding": {"system": "urn:s", "code": "A", "display": "Alpha"}}]}]},
  {"linkId": "note", "type": "display", "text": "Note"},
  {"linkId": "quand", "type": "dateTime", "text": "Quand"},
  {"linkId": "top", "type": "string", "text": "Texte", "required": true}]}`

type errorCase struct {
	name    string
	url     string // "" for the synthetic questionnaire
	cells   map[string]string
	want    []ErrorKind
	inMsg   []string // fragments the first message must hold
	wantOut string   // JSON of the items, when it matters
}

var errorCases = []errorCase{
	{name: "code hors options", url: urlAggirPA, cells: map[string]string{"resultat-eval": "GIR-7"},
		want: []ErrorKind{ErrOption}, inMsg: []string{"resultat-eval", "GIR-7", "MED-339 (GIR-1)", "MED-344 (GIR-6)"}, wantOut: "null"},
	{name: "libellé d'un autre item", url: urlAggirPA,
		cells: map[string]string{"resultat-eval": "MED-340", "fonction-pensee": "GIR-2"},
		want:  []ErrorKind{ErrOption}, inMsg: []string{"fonction-pensee", "qf0 (aucun facilitateur)"}},
	{name: "entier attendu", url: urlSerafin, cells: map[string]string{"besoin-loco-mot": "abc"},
		want: []ErrorKind{ErrType}, inMsg: []string{"besoin-loco-mot", "abc", "nombre entier"}},
	{name: "oui/non attendu", url: urlSituation, cells: map[string]string{"obesite": "peut-être"},
		want: []ErrorKind{ErrType}, inMsg: []string{"obesite", "peut-être", "oui ou non"}},
	{name: "item inconnu", url: urlSerafin, cells: map[string]string{"besoin-loco-mot": "3", "besoin-inexistant": "2"},
		want:    []ErrorKind{ErrUnknown},
		inMsg:   []string{"besoin-inexistant", "« 2 »"},
		wantOut: `[{"linkId":"besoin-loco-mot","text":"Besoins en matière de fonctions locomotrices","answer":[{"valueInteger":3}]}]`},
	{name: "sous-question sans sa question", url: urlAggirPA,
		cells: map[string]string{"resultat-eval": "MED-340", "pensee-spont": "oui"},
		want:  []ErrorKind{ErrOrphan}, inMsg: []string{"fonction-pensee", "Fonctions de la pensée"},
		wantOut: `[{"linkId":"resultat-eval","text":"Résultat évaluation","answer":[{"valueCoding":` +
			`{"system":"https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cisis","code":"MED-340","display":"GIR-2"}}]}]`},
	{name: "obligatoire vide", cells: map[string]string{"top": " "},
		want: []ErrorKind{ErrRequired}, inMsg: []string{"top", "obligatoire"}, wantOut: "null"},
	{name: "obligatoire d'un groupe présent", cells: map[string]string{"date": "14/04/2023", "top": "t"},
		want: []ErrorKind{ErrRequired}, inMsg: []string{"poids", "Poids"},
		wantOut: `[{"linkId":"g","text":"Groupe","item":[{"linkId":"date","text":"Date","answer":[{"valueDate":"2023-04-14"}]}]},` +
			`{"linkId":"top","text":"Texte","answer":[{"valueString":"t"}]}]`},
	{name: "groupe absent : ses obligatoires ne sont pas dus", cells: map[string]string{"top": "t"},
		wantOut: `[{"linkId":"top","text":"Texte","answer":[{"valueString":"t"}]}]`},
	{name: "groupe et texte ne prennent pas de valeur", cells: map[string]string{"g": "x", "note": "y", "top": "t"},
		want: []ErrorKind{ErrNotAnswered, ErrNotAnswered}, inMsg: []string{"g", "groupe de questions", "« x »"}},
	{name: "date inexistante", cells: map[string]string{"date": "2023-02-30", "poids": "1", "top": "t"},
		want: []ErrorKind{ErrType}, inMsg: []string{"date", "2023-02-30", "une date"}},
	{name: "décimal avec zéro en tête, en JSON valide", cells: map[string]string{"poids": "01,50", "top": "t"},
		wantOut: `[{"linkId":"g","text":"Groupe","item":[{"linkId":"poids","text":"Poids","answer":[{"valueDecimal":1.50}]}]},` +
			`{"linkId":"top","text":"Texte","answer":[{"valueString":"t"}]}]`},
	{name: "décimal sans chiffre avant la virgule", cells: map[string]string{"poids": "-,5", "top": "t"},
		wantOut: `[{"linkId":"g","text":"Groupe","item":[{"linkId":"poids","text":"Poids","answer":[{"valueDecimal":-0.5}]}]},` +
			`{"linkId":"top","text":"Texte","answer":[{"valueString":"t"}]}]`},
	{name: "décimal, choix ouvert répété, date et heure locale",
		cells: map[string]string{"poids": "3,50", "choix": "alpha | libre", "quand": "14/04/2023 10:30", "top": "t"},
		wantOut: `[{"linkId":"g","text":"Groupe","item":[` +
			`{"linkId":"poids","text":"Poids","answer":[{"valueDecimal":3.50}]},` +
			`{"linkId":"choix","text":"Choix","answer":[{"valueCoding":{"system":"urn:s","code":"A","display":"Alpha"}},{"valueString":"libre"}]}]},` +
			`{"linkId":"quand","text":"Quand","answer":[{"valueDateTime":"2023-04-14T10:30:00+02:00"}]},` +
			`{"linkId":"top","text":"Texte","answer":[{"valueString":"t"}]}]`},
}

func TestBuildErrors(t *testing.T) {
	syn, err := parse([]byte(synthetic))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			q := syn
			if tc.url != "" {
				if q, err = ByURL(tc.url); err != nil {
					t.Fatal(err)
				}
			}
			items, errs := Build(q, tc.cells)
			var kinds []ErrorKind
			for _, e := range errs {
				kinds = append(kinds, e.Kind)
			}
			if len(kinds) != len(tc.want) || (len(kinds) > 0 && !equalKinds(kinds, tc.want)) {
				t.Fatalf("errors %v, want kinds %v", errs, tc.want)
			}
			for _, frag := range tc.inMsg {
				if !strings.Contains(errs[0].Msg, frag) {
					t.Errorf("message %q lacks %q", errs[0].Msg, frag)
				}
			}
			if tc.wantOut != "" {
				b, _ := json.Marshal(items)
				if string(b) != tc.wantOut {
					t.Errorf("items\n got %s\nwant %s", b, tc.wantOut)
				}
			}
		})
	}
}

func equalKinds(a, b []ErrorKind) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A new grid using a type the engine cannot fill must fail at load, not
// produce wrong responses.
func TestParseRejectsUnsupported(t *testing.T) {
	for _, js := range []string{
		`{"resourceType":"Questionnaire","url":"u","item":[{"linkId":"a","type":"attachment"}]}`,
		`{"resourceType":"Questionnaire","url":"u","item":[{"linkId":"a","type":"integer","answerOption":[{"valueInteger":1}]}]}`,
		`{"resourceType":"Questionnaire","url":"u","item":[{"linkId":"a","type":"string"},{"linkId":"a","type":"string"}]}`,
	} {
		if _, err := parse([]byte(js)); err == nil {
			t.Errorf("parse accepted %s", js)
		}
	}
}
