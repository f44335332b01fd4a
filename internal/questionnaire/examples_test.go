package questionnaire

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// disagreeing lists the IG examples that do not match their questionnaire
// (a linkId or code it does not have), with the reason. Build must reject
// them; all 2.2.0 examples currently agree, so it is empty.
var disagreeing = map[string]string{}

// example is one QuestionnaireResponse of the IG, as a generic JSON tree.
type example struct {
	name string
	qr   map[string]any
}

// examples gathers every QuestionnaireResponse example copied from the IG
// into testdata: standalone files (2.2.0 and the ballot AGGIR ones) and
// those inside example Bundles.
func examples(t *testing.T) []example {
	files, _ := filepath.Glob("testdata/*.json")
	var out []example
	for _, f := range files {
		var res map[string]any
		b, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(b, &res)
		}
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		switch res["resourceType"] {
		case "QuestionnaireResponse":
			out = append(out, example{filepath.Base(f), res})
		case "Bundle":
			for _, e := range res["entry"].([]any) {
				r := e.(map[string]any)["resource"].(map[string]any)
				if r["resourceType"] == "QuestionnaireResponse" {
					out = append(out, example{filepath.Base(f) + "#" + r["id"].(string), r})
				}
			}
		}
	}
	return out
}

// cells turns an example's item tree back into spreadsheet cells, writing
// each coding in turn as its code, "CODE - Libellé", its display and its
// display in lower case, and booleans in French or English, so that every
// accepted spelling meets real data.
func cells(items []any, out map[string]string, n *int) {
	for _, raw := range items {
		it := raw.(map[string]any)
		link := it["linkId"].(string)
		for _, ra := range asList(it["answer"]) {
			a := ra.(map[string]any)
			out[link] = cellText(a, *n)
			*n++
			cells(asList(a["item"]), out, n)
		}
		cells(asList(it["item"]), out, n)
	}
}

func cellText(a map[string]any, n int) string {
	switch {
	case a["valueCoding"] != nil:
		c := a["valueCoding"].(map[string]any)
		code, display := c["code"].(string), c["display"].(string)
		return []string{code, code + " - " + display, display, strings.ToLower(display)}[n%4]
	case a["valueBoolean"] != nil:
		return map[bool][]string{true: {"oui", "Vrai", "true"}, false: {"non", "FAUX", "false"}}[a["valueBoolean"].(bool)][n%3]
	case a["valueInteger"] != nil:
		return strconv.Itoa(int(a["valueInteger"].(float64)))
	}
	panic("answer type not covered by the IG examples: extend cellText")
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// TestExamples rebuilds every IG example's items from its cells and
// requires the very same JSON.
func TestExamples(t *testing.T) {
	exs := examples(t)
	if len(exs) != 7 {
		t.Fatalf("%d QuestionnaireResponse examples in testdata, want 7 (4 standalone 2.2.0, 2 ballot, 1 in the PP-PA bundle)", len(exs))
	}
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			q, err := ByURL(ex.qr["questionnaire"].(string))
			if err != nil {
				t.Fatal(err)
			}
			in := map[string]string{}
			cells(asList(ex.qr["item"]), in, new(int))
			items, errs := Build(q, in)
			if reason, ok := disagreeing[ex.name]; ok {
				if len(errs) == 0 {
					t.Fatalf("listed as disagreeing (%s) but Build accepts it: remove it from the list", reason)
				}
				return
			}
			for _, e := range errs {
				t.Errorf("Build: %s", e.Msg)
			}
			if got, want := normalise(t, items), normalise(t, ex.qr["item"]); !reflect.DeepEqual(got, want) {
				gb, _ := json.MarshalIndent(got, "", " ")
				wb, _ := json.MarshalIndent(want, "", " ")
				t.Fatalf("items differ\ngot:  %s\nwant: %s", gb, wb)
			}
		})
	}
}

// normalise round-trips a value through JSON, so that typed Go structs and
// the parsed example compare as the same generic tree.
func normalise(t *testing.T, v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
