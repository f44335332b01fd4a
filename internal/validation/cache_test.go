package validation

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/valyala/fastjson"
)

// exampleEntries are the entries of the IG's SSIAD Bundle example.
func exampleEntries(t *testing.T) []json.RawMessage {
	b, err := os.ReadFile("testdata/examples/" + ssiad)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Entry []json.RawMessage `json:"entry"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Entry
}

func bundleOf(t *testing.T, entries []json.RawMessage) []byte {
	b, err := json.Marshal(map[string]any{"resourceType": "Bundle", "type": "transaction",
		"meta": map[string]any{"profile": []string{igSD + "tddui-bundle"}}, "entry": entries})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// issueLines spells out issues whole, in a stable order.
func issueLines(issues []Issue) []string {
	var out []string
	for _, is := range issues {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d|%s", is.Severity, is.Path, is.Rule, is.Element, is.Profile, is.Message, is.EntryIndex, is.FullURL))
	}
	sort.Strings(out)
	return out
}

// A Validator that has seen every resource twice (a resource is
// remembered when its fullUrl comes back) reports, for a Bundle holding
// them in another order, exactly what a new Validator reports: the
// remembered issues come back at this Bundle's entry paths, indexes and
// fullUrls.
func TestRememberedResourcesAreReportedInTheirNewPlace(t *testing.T) {
	entries := exampleEntries(t)
	v := New(Options{TestData: true})
	first := v.Bundle(bundleOf(t, entries))
	if len(first) == 0 {
		t.Fatal("the example should raise its known warnings")
	}
	if n := v.cache.len(); n != 0 {
		t.Fatalf("%d results kept after the first sight", n)
	}
	if again := v.Bundle(bundleOf(t, entries)); !reflect.DeepEqual(issueLines(again), issueLines(first)) {
		t.Fatalf("second sight:\n%s\nfirst:\n%s", dump(again), dump(first))
	}
	kept := v.cache.len()
	if kept != len(entries) {
		t.Fatalf("%d results kept for %d entries", kept, len(entries))
	}
	reversed := make([]json.RawMessage, len(entries))
	for i, e := range entries {
		reversed[len(entries)-1-i] = e
	}
	raw := bundleOf(t, reversed)
	got := v.Bundle(raw)
	if v.cache.len() != kept {
		t.Fatalf("the resources were checked again: %d results kept", v.cache.len())
	}
	want := New(Options{TestData: true}).Bundle(raw)
	if !reflect.DeepEqual(issueLines(got), issueLines(want)) {
		t.Fatalf("remembered:\n%s\nfresh:\n%s", dump(got), dump(want))
	}
}

// References of a remembered resource are resolved in each Bundle: without
// the Patient entry, the references to it are reported, although the same
// resources were fine in the previous Bundle.
func TestRememberedReferencesResolveInTheirBundle(t *testing.T) {
	entries := exampleEntries(t)
	v := New(Options{TestData: true})
	if issues := v.Bundle(bundleOf(t, entries)); HasErrors(issues) {
		t.Fatalf("example has errors:\n%s", dump(issues))
	}
	raw := bundleOf(t, entries[1:]) // entry 0 is the Patient
	got := v.Bundle(raw)
	want := New(Options{TestData: true}).Bundle(raw)
	unresolved := false
	for _, is := range got {
		unresolved = unresolved || is.Rule == "reference.unresolved" && is.Path == "Bundle.entry[1].resource.subject.reference"
	}
	if !unresolved {
		t.Fatalf("no unresolved reference to the missing Patient:\n%s", dump(got))
	}
	if !reflect.DeepEqual(issueLines(got), issueLines(want)) {
		t.Fatalf("remembered:\n%s\nfresh:\n%s", dump(got), dump(want))
	}
}

// Several goroutines share one Validator (the converter validates its
// Bundles in parallel): each gets what a Validator of its own reports.
func TestValidatorSharedByGoroutines(t *testing.T) {
	entries := exampleEntries(t)
	var bundles [][]byte
	for i := range entries {
		bundles = append(bundles, bundleOf(t, append(append([]json.RawMessage{}, entries[:i]...), entries[i+1:]...)))
	}
	want := make([][]string, len(bundles))
	for i, raw := range bundles {
		want[i] = issueLines(New(Options{TestData: true}).Bundle(raw))
	}
	v := New(Options{TestData: true})
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(bundles))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range bundles {
				i := (k + g) % len(bundles)
				if got := issueLines(v.Bundle(bundles[i])); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("bundle %d: got %v, want %v", i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// The cache never holds more than its bound, and keeps what is used.
func TestResultCacheIsBounded(t *testing.T) {
	rc := newResultCache(8)
	empty := []byte{}
	hot := rc.key("urn:uuid:org", empty)
	rc.put(hot, &result{})
	for i := 0; i < 100; i++ {
		rc.put(rc.key(fmt.Sprint("urn:uuid:", i), empty), &result{})
		if rc.get(hot) == nil {
			t.Fatalf("the resource found in every Bundle was dropped after %d others", i+1)
		}
		if n := rc.len(); n > 8 {
			t.Fatalf("%d results kept, bound 8", n)
		}
	}
	b, c := []byte("b"), []byte("c")
	if rc.key("a", b) == rc.key("a", c) || rc.key("a", b) == rc.key("x", b) {
		t.Fatal("the key ignores the fullUrl or the tree")
	}
}

// The key of a resource tells its trees apart wherever they differ, and
// however a string is cut between a key and its value (the hash is of
// lengths and contents, not of a concatenation): but for white space and
// escapes, which only spell the same tree.
func TestCacheKeyTellsTreesApart(t *testing.T) {
	rc := newResultCache(8)
	docs := []string{
		`{}`, `[]`, `""`, `null`, `true`, `false`, `0`, `0.0`, `{"a":null}`, `{"a":""}`, `{"a":[]}`, `{"a":{}}`,
		`{"ab":"c"}`, `{"a":"bc"}`, `{"a":"b","c":"d"}`, `{"a":"b"}`, `{"c":"d","a":"b"}`, `{"a":["b"]}`,
		`{"a":["b","c"]}`, `{"a":["bc"]}`, `{"a":[["b"]]}`, `{"a":1}`, `{"a":"1"}`, `{"a":true}`, `{"a":"true"}`,
	}
	seen := map[cacheKey]string{}
	for _, d := range docs {
		k := rc.key("u", appendTree(nil, fastjson.MustParse(d)))
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share a key", d, other)
		}
		seen[k] = d
	}
	if rc.key("u", appendTree(nil, fastjson.MustParse(`{"a":"b/c"}`))) != rc.key("u", appendTree(nil, fastjson.MustParse(` { "\u0061" : "b\/c" } `))) {
		t.Error("two spellings of one tree have different keys")
	}
}

// A resource whose fullUrl the Validator knows, but whose bytes changed,
// is checked again (its key is not the one of the resource remembered).
func TestChangedResourceUnderAKnownFullURLIsChecked(t *testing.T) {
	entries := exampleEntries(t)
	v := New(Options{TestData: true})
	v.Bundle(bundleOf(t, entries))
	changed := append([]json.RawMessage{}, entries...)
	changed[0] = json.RawMessage(strings.Replace(string(entries[0]), `"male"`, `"homme"`, 1))
	if string(changed[0]) == string(entries[0]) {
		t.Fatal("the example Patient has no gender to change")
	}
	raw := bundleOf(t, changed)
	got, want := v.Bundle(raw), New(Options{TestData: true}).Bundle(raw)
	if !HasErrors(got) || !reflect.DeepEqual(issueLines(got), issueLines(want)) {
		t.Fatalf("remembered:\n%s\nfresh:\n%s", dump(got), dump(want))
	}
}

// An entry's fullUrl may follow its resource in the entry: it is found all
// the same.
func TestFullURLAfterTheResource(t *testing.T) {
	entries := exampleEntries(t)
	var moved []json.RawMessage
	for _, e := range entries {
		var m struct {
			FullURL  string          `json:"fullUrl"`
			Resource json.RawMessage `json:"resource"`
			Request  json.RawMessage `json:"request"`
		}
		if err := json.Unmarshal(e, &m); err != nil {
			t.Fatal(err)
		}
		u, _ := json.Marshal(m.FullURL)
		moved = append(moved, json.RawMessage(`{"resource":`+string(m.Resource)+`,"request":`+string(m.Request)+`,"fullUrl":`+string(u)+`}`))
	}
	v := New(Options{TestData: true})
	for range 2 { // new, then known
		got, want := v.Bundle(bundleOf(t, moved)), New(Options{TestData: true}).Bundle(bundleOf(t, entries))
		if !reflect.DeepEqual(issueLines(got), issueLines(want)) {
			t.Fatalf("fullUrl last:\n%s\nfullUrl first:\n%s", dump(got), dump(want))
		}
	}
}
