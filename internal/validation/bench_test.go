package validation

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

// bigBundle builds a 1,000-entry transaction Bundle from the IG example
// Bundles: copies whose ids (and the references to them) get a suffix, so
// that references still resolve inside the Bundle.
func bigBundle(tb testing.TB, n int) []byte {
	var src []string
	for _, f := range []string{ssiad, ppPA, "Bundle-tddui-pp-ime-bundle-example.json"} {
		b, err := os.ReadFile("testdata/examples/" + f)
		if err != nil {
			tb.Fatal(err)
		}
		src = append(src, string(b))
	}
	var entries []json.RawMessage
	for k := 0; len(entries) < n; k++ {
		for _, s := range src {
			var b struct {
				Entry []json.RawMessage `json:"entry"`
			}
			s = strings.ReplaceAll(s, "-example", "-example-"+strconv.Itoa(k))
			if err := json.Unmarshal([]byte(s), &b); err != nil {
				tb.Fatal(err)
			}
			entries = append(entries, b.Entry...)
		}
	}
	out, _ := json.Marshal(map[string]any{"resourceType": "Bundle", "type": "transaction",
		"meta": map[string]any{"profile": []string{ig + "tddui-bundle"}}, "entry": entries[:n]})
	return out
}

func BenchmarkBundle1000(b *testing.B) {
	raw := bigBundle(b, 1000)
	v := New(Options{TestData: true})
	b.SetBytes(int64(len(raw)))
	cpu := StartCPU(b)
	for i := 0; i < b.N; i++ {
		v.Bundle(raw)
	}
	cpu.Report(b)
}

// The benchmark's Bundle is valid but for the IG examples' own defects.
func TestBigBundleOnlyHasExampleDefects(t *testing.T) {
	issues := New(Options{TestData: true}).Bundle(bigBundle(t, 1000))
	if HasErrors(issues) {
		t.Fatalf("errors in the benchmark bundle:\n%s", dump(issues)[:2000])
	}
}

// BenchmarkBundle1000Cold is BenchmarkBundle1000 with a new Validator each
// time: nothing is remembered from the previous op.
func BenchmarkBundle1000Cold(b *testing.B) {
	raw := bigBundle(b, 1000)
	b.SetBytes(int64(len(raw)))
	cpu := StartCPU(b)
	for i := 0; i < b.N; i++ {
		New(Options{TestData: true}).Bundle(raw)
	}
	cpu.Report(b)
}
