package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// tricky documents: escapes, surrogates (paired, lone), invalid UTF-8,
// numbers, duplicate keys, empty containers, nesting.
var trickyJSON = []string{
	`{"a":"x\"y\\z\/\b\f\n\r\t","b":"\u00e9\u20ac\ud83d\ude00","c":"\ud800","d":"\ud800\u0041","e":"\udc00x"}`,
	"{\"a\":\"caf\xc3\xa9\",\"b\":\"bad\xff\xfe\",\"c\":\"\\u0041\xff\"}",
	`{"n":[0,-0,1.5,-2e3,1E+2,3e-2,123456789012345678901234567890]}`,
	`{"a":1,"a":2,"b":{},"c":[],"d":[{}],"e":null,"f":true,"g":false}`,
	` [ {"x" : [ [ ] , { "y" : "z" } ] } ] `,
	`"just a string"`,
	`{"resourceType":"Bundle","entry":[{"fullUrl":"u","resource":{"resourceType":"Patient","id":"p"}},{"resource":5},{"resource":null},[{"resource":{}}]]}`,
	`{"resourceType":"Bundle","entry":[{"resource":{"a":"x\\\"}{][","b":"\\","c":["}",{"d":"\\\\"}]}},{"resource":{}}]}`,
}

// The decoder gives encoding/json's tree for every example, mutation and
// tricky document.
func TestDecodeMatchesEncodingJSON(t *testing.T) {
	docs := append([]string{}, trickyJSON...)
	for _, glob := range []string{"testdata/examples/*.json", "testdata/mutations/*.json"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, string(b))
		}
	}
	for _, s := range docs {
		var want any
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
		for _, entries := range []bool{false, true} {
			got, err := decodeJSON(s, entries)
			if err != nil {
				t.Fatalf("%.60s: %v", s, err)
			}
			if entries {
				got = unwrapEntries(t, got)
			}
			checkKeyBits(t, got)
			got = toStd(got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("entries=%v: %.80s\ngot  %#v\nwant %#v", entries, s, got, want)
			}
		}
	}
}

// unwrapEntries puts each entry's tree back in place, checking that its
// source decodes to the same tree.
func unwrapEntries(t *testing.T, doc any) any {
	m, _ := doc.(*object)
	for _, e := range m.arr("entry") {
		em, _ := e.(*object)
		for i, p := range em.members() {
			if er, ok := p.v.(*entryRes); ok {
				tree, err := decodeJSON(er.src, false)
				if err != nil {
					t.Errorf("entry source %.60s: %v", er.src, err)
				}
				em.m[i].v = tree
			}
		}
	}
	return doc
}

// What encoding/json refuses, the decoder refuses too (the Validator then
// reports encoding/json's message).
func TestDecodeRejectsInvalidJSON(t *testing.T) {
	for _, s := range []string{
		``, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a":1}x`, `{a:1}`, `{'a':1}`,
		`01`, `-`, `1.`, `.5`, `1e`, `+1`, `tru`, `nul`, `"abc`, "\"a\tb\"", `"\x"`, `"\u12"`, `"\u12G4"`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":}}]}`, `1e999`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":[}]}]}`, `{"resourceType":"Bundle","entry":[{"resource":{"a":"\"}}]}`,
		`{"resourceType":"Patient","entry":[{"resource":{"a":}}]}`, `{"resourceType":"Bundle","entry":[{"resource":{"a":"\u12"}}]}`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":},"resource":{}}]}`, `{"entry":[{"resource":{"a":}}],"entry":[]}`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":1}x}]}`, `{"resourceType":"Bundle","entry":[{"resource":{"a":1}`,
	} {
		var v any
		if json.Unmarshal([]byte(s), &v) == nil {
			t.Fatalf("%q: encoding/json accepts it", s)
		}
		if _, err := decodeJSON(s, false); err == nil {
			t.Errorf("%q: accepted", s)
		}
		if _, err := New(Options{}).decode(&decoder{}, s); err == nil {
			t.Errorf("%q: accepted with its entries", s)
		}
	}
}

// Each key appears once in a decoded object (the checks read every member
// as a map's key would be read once), in document order, and an empty
// object is not nil (nil means "not an object").
func TestDecodeObjectMembers(t *testing.T) {
	doc, err := decodeJSON(`{"b":1,"a":{},"b":2,"c":[{}],"a":{"x":true}}`, false)
	if err != nil {
		t.Fatal(err)
	}
	o := doc.(*object)
	var keys []string
	for _, p := range o.members() {
		keys = append(keys, p.k)
	}
	if !reflect.DeepEqual(keys, []string{"b", "a", "c"}) || o.get("b") != 2.0 || o.obj("a").get("x") != true {
		t.Errorf("members %v, b=%v, a=%v", keys, o.get("b"), toStd(o.get("a")))
	}
	empty, _ := decodeJSON(`{}`, false)
	if e, ok := empty.(*object); !ok || e == nil {
		t.Errorf("{} decodes to %#v", empty)
	}
	if o.arr("c")[0].(*object) == nil {
		t.Error("an empty object in an array is nil")
	}
}

// plainRun stops where a byte-by-byte scan does, whatever the bytes and
// wherever the first special one sits in a word.
func TestPlainRunStopsAtTheFirstSpecialByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 20; pos++ {
			b := []byte("abcdefghijklmnopqrstuvwxyz0123456789")
			b[pos] = byte(c)
			s := string(b)
			for start := 0; start <= pos; start++ {
				want := start
				for want < len(s) && plain[s[want]] {
					want++
				}
				if got := plainRun(s, start); got != want {
					t.Fatalf("byte %#x at %d, from %d: %d, want %d", c, pos, start, got, want)
				}
			}
		}
	}
}

// checkKeyBits checks that every object of a tree finds each of its keys.
func checkKeyBits(t *testing.T, v any) {
	switch x := v.(type) {
	case *object:
		for _, p := range x.m {
			if !x.has(p.k) {
				t.Errorf("key %q not found in its object", p.k)
			}
			if under, ok := strings.CutPrefix(p.k, "_"); ok && under != "" && p.v != nil {
				if _, ext := x.pair(under); ext == nil {
					t.Errorf("key %q not found as the twin of %q", p.k, under)
				}
			}
			checkKeyBits(t, p.v)
		}
	case *array:
		for _, item := range x.items {
			checkKeyBits(t, item)
		}
	}
}

// decodeJSON decodes a whole document: one value and white space.
func decodeJSON(s string, entries bool) (any, error) {
	d := &decoder{s: s, entries: entries}
	return d.document()
}
