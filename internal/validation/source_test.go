package validation

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// sourceBundle is the SSIAD example whose Organization carries strings of
// its own that end up in issues: an unknown profile (its slashes escaped),
// an unknown extension, a key and a value with escapes.
func sourceBundle(t *testing.T) []byte {
	entries := exampleEntries(t)
	var e map[string]any
	if err := json.Unmarshal(entries[1], &e); err != nil {
		t.Fatal(err)
	}
	res := e["resource"].(map[string]any)
	meta := res["meta"].(map[string]any)
	meta["profile"] = append(meta["profile"].([]any), igSD+"no-such-profile")
	res["extension"] = []any{map[string]any{"url": igSD + "no-such-extension", "valueString": "x"}}
	res["name"] = "Clinique des Érables"
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `"name":"Clinique des Érables"`, `"n\u0061me":"Clinique des \u00c9rables \"ouest\""`, 1)
	s = strings.Replace(s, igSD+"no-such-profile", strings.ReplaceAll(igSD, "/", `\/`)+"no-such-profile", 1)
	entries[1] = json.RawMessage(s)
	return bundleOf(t, entries)
}

// The trees views the parser's buffer, which the next document reuses:
// the issues of a call, and the results it leaves in the cache, must not
// change when the parser reads another document, nor when the caller
// reuses its buffer. Three sights of one Bundle (checked in place, then
// recorded for the cache, then replayed from it), each followed by
// another document and its buffer overwritten, report what
// encoding/json's tree reports.
func TestIssuesOutliveTheInputBuffer(t *testing.T) {
	pristine := sourceBundle(t)
	var std map[string]any
	if err := json.Unmarshal(pristine, &std); err != nil {
		t.Fatal(err)
	}
	var wantList IssueList
	New(Options{TestData: true}).Value(std, &wantList)
	want := strings.Join(issueLines(wantList), "\n")
	for _, rule := range []string{"|profile.unknown|", "|extension.unknown|"} {
		if !strings.Contains(want, rule) {
			t.Fatalf("the Bundle should raise %s:\n%s", rule, want)
		}
	}
	if !strings.Contains(want, "https://test-server.fr/Organization/tddui-organization-example") {
		t.Fatalf("the Organization's issues should carry its fullUrl:\n%s", want)
	}
	v := New(Options{TestData: true})
	for sight := 1; sight <= 3; sight++ {
		buf := bytes.Clone(pristine)
		issues := v.Bundle(buf)
		copy(buf, bytes.Repeat([]byte{'#'}, len(buf)))
		v.Bundle(bytes.Repeat([]byte(`{"resourceType":"Basic","id":"x"} `), len(buf)/34+1))
		if got := strings.Join(issueLines(issues), "\n"); got != want {
			t.Fatalf("sight %d, once the buffer is overwritten:\n%s\nwant:\n%s", sight, got, want)
		}
	}
	if v.cache.len() == 0 {
		t.Fatal("nothing cached: the third sight did not replay")
	}
}
