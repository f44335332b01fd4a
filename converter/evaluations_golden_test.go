package converter_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/internal/fhirtest"
	"github.com/tddui/tddui/samples"
)

// igExample is one QuestionnaireResponse example of the IG, normalised.
type igExample struct {
	name, identity string
	qr             map[string]any
}

// igQuestionnaireResponses gathers every QuestionnaireResponse example:
// the standalone 2.2.0 files, the 2.2.0-ballot AGGIR PA and PH, and the one
// inside the PP-PA bundle. Each is normalised along with the SSIAD and
// PP-PA example bundles, so that its references (Patient/…, Encounter/…,
// Practitioner/…) become the identities of the resources they name.
func igQuestionnaireResponses(t *testing.T) []igExample {
	t.Helper()
	var context, exs []fhirtest.Entry
	var names []string
	for _, b := range []string{"Bundle-tddui-bundle-example.json", "Bundle-tddui-pp-pa-bundle-example.json"} {
		entries, err := fhirtest.ReadBundle(filepath.Join(examples, b))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Resource["resourceType"] == "QuestionnaireResponse" {
				exs, names = append(exs, e), append(names, b+"#"+e.Resource["id"].(string))
			} else {
				context = append(context, e)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(examples, "QuestionnaireResponse-*.json"))
	ballot, _ := filepath.Glob(filepath.Join(examples, "2.2.0-ballot", "QuestionnaireResponse-*.json"))
	for _, f := range append(files, ballot...) {
		e, err := fhirtest.ReadResource(f)
		if err != nil {
			t.Fatal(err)
		}
		exs, names = append(exs, e), append(names, filepath.Base(f))
	}
	var out []igExample
	for i, e := range exs {
		norm, err := fhirtest.Normalize(append(context[:len(context):len(context)], e))
		if err != nil {
			t.Fatal(err)
		}
		id := fhirtest.Identity(e.Resource)
		out = append(out, igExample{names[i], id, norm[id].(map[string]any)})
	}
	return out
}

// evalConvertAll converts an input that must give bundles and no error, and
// returns every entry of every bundle, normalised bundle by bundle.
func evalConvertAll(t *testing.T, input string) (map[string]any, *report.Report, []byte) {
	t.Helper()
	out := t.TempDir()
	rep, err := converter.Convert(converter.Options{Input: input, OutDir: out, RequestURL: bundle.ByProfile})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors() != 0 || len(rep.Bundles) == 0 {
		t.Fatalf("want bundles and no error, got %d bundles, issues %+v", len(rep.Bundles), rep.Issues)
	}
	all, raw := map[string]any{}, []byte{}
	for _, b := range rep.Bundles {
		path := filepath.Join(out, b.File)
		entries, err := fhirtest.ReadBundle(path)
		if err != nil {
			t.Fatal(err)
		}
		norm, err := fhirtest.Normalize(entries)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range norm {
			all[k] = v
		}
		data, _ := os.ReadFile(path)
		raw = append(raw, data...)
	}
	return all, rep, raw
}

var evaluationsSample = filepath.Join("..", "samples", "ssiad-evaluations-exemple-ig.xlsx")

// The evaluations sample converts to every IG QuestionnaireResponse
// example, element for element (items, codings, identifier, references by
// identity); the bundled example also by its request.url. No other
// QuestionnaireResponse comes out.
func TestEvaluationsSampleGivesIGExamples(t *testing.T) {
	exs := igQuestionnaireResponses(t)
	if len(exs) != 7 {
		t.Fatalf("%d QuestionnaireResponse examples, want 7 (4 standalone 2.2.0, 2 ballot, 1 in the PP-PA bundle)", len(exs))
	}
	got, _, _ := evalConvertAll(t, evaluationsSample)
	wanted := map[string]bool{}
	for _, ex := range exs {
		wanted[ex.identity] = true
		g, ok := got[ex.identity].(map[string]any)
		if !ok {
			t.Errorf("%s: no QuestionnaireResponse %s in the bundles", ex.name, ex.identity)
			continue
		}
		if _, bundled := ex.qr["(request)"]; !bundled {
			g = evalWithout(g, "(request)")
		}
		for _, d := range fhirtest.Diff(map[string]any{ex.identity: ex.qr}, map[string]any{ex.identity: g}) {
			t.Errorf("%s: %s", ex.name, d)
		}
	}
	var extra []string
	for id, r := range got {
		if r.(map[string]any)["resourceType"] == "QuestionnaireResponse" && !wanted[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("QuestionnaireResponses that are no IG example: %v", extra)
	}
}

func evalWithout(m map[string]any, key string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// The committed evaluations sample is what its data and the generator make
// today.
func TestEvaluationsSampleUpToDate(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "evaluations.xlsx")
	if err := samples.SSIADEvaluationsExempleIG.WriteXLSX(fresh); err != nil {
		t.Fatal(err)
	}
	_, _, a := evalConvertAll(t, fresh)
	_, _, b := evalConvertAll(t, evaluationsSample)
	if string(a) != string(b) {
		t.Fatal("samples/ssiad-evaluations-exemple-ig.xlsx is stale: run go run ./samples/mksamples")
	}
}

// The same evaluations as CSV files, headed by the generated item labels,
// give the same bundles, byte for byte.
func TestEvaluationsSampleAsCSV(t *testing.T) {
	dir := t.TempDir()
	if err := samples.SSIADEvaluationsExempleIG.WriteCSV(dir); err != nil {
		t.Fatal(err)
	}
	_, _, csv := evalConvertAll(t, dir)
	_, _, xlsx := evalConvertAll(t, evaluationsSample)
	if string(csv) != string(xlsx) {
		t.Fatal("CSV and xlsx inputs must give the same bundles")
	}
}
