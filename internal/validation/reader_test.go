package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/valyala/fastjson"
)

// tricky documents: escapes, surrogate pairs, invalid UTF-8, numbers,
// repeated keys, empty containers, nesting.
var trickyJSON = []string{
	`{"a":"x\"y\\z\/\b\f\n\r\t","b":"\u00e9\u20ac\ud83d\ude00","c":"\u0000","\u0064":"e"}`,
	"{\"a\":\"caf\xc3\xa9\",\"b\":\"bad\xff\xfe\",\"c\":\"\\u0041\xff\",\"d\xff\":1}",
	"[\"\xe2\x80\",\"ab\xe2\x80z\",\"\xc0\xaf\",\"\xed\xa0\x80\",\"\xf5\x80\x80\x80\",\"\xf0\x9f\x98\",\"ok\xc3\"]",
	`{"n":[0,-0,1.5,-2e3,1E+2,3e-2,123456789012345678901234567890]}`,
	`{"a":1,"a":2,"b":{},"c":[],"d":[{}],"e":null,"f":true,"g":false,"f":false,"e":1}`,
	` [ {"x" : [ [ ] , { "y" : "z" } ] } ] `,
	`"just a string"`,
	"{\n\t\"a\": [1, 2],\r\n\t\"b\": \"c\"\n}\n",
	`{"resourceType":"Bundle","entry":[{"fullUrl":"u","resource":{"resourceType":"Patient","id":"p"}},{"resource":5},{"resource":null},[{"resource":{}}]]}`,
	`{"resourceType":"Bundle","entry":[{"resource":{"a":"x\\\"}{][","b":"\\","c":["}",{"d":"\\\\"}]}},{"resource":{}}]}`,
}

// The tree read is encoding/json's for every example, mutation and tricky
// document: strings unescaped, invalid UTF-8 replaced by U+FFFD, numbers
// as written, the last value of a repeated key.
func TestTreeMatchesEncodingJSON(t *testing.T) {
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
	r := &reader{}
	for _, s := range docs {
		var want any
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
		doc, err := r.read([]byte(s))
		if err != nil {
			t.Fatalf("%.60s: %v", s, err)
		}
		if got := toStd(doc); !reflect.DeepEqual(got, want) {
			t.Errorf("%.80s\ngot  %#v\nwant %#v", s, got, want)
		}
	}
}

// What encoding/json refuses, the Validator reports as unreadable, in
// encoding/json's words: fastjson.Validate checks the document, screen the
// range of its numbers.
func TestUnreadableDocuments(t *testing.T) {
	for _, s := range []string{
		``, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a":1}x`, `{a:1}`, `{'a':1}`,
		`01`, `-`, `1.`, `.5`, `1e`, `+1`, `--1`, `1.2.3`, `tru`, `nul`, `nan`, `NaN`, `inf`, `-Inf`, `"abc`,
		"\"a\tb\"", "{\"a\x01\":1}", `"\x"`, `"\u12"`, `"\u12G4"`, `{"a":01}`, `[1e999]`, `{"a":-1e400}`, `1e999`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":}}]}`, `{"resourceType":"Bundle","entry":[{"resource":{"a":[}]}]}`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":"\"}}]}`, `{"resourceType":"Bundle","entry":[{"resource":{"a":"\u12"}}]}`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":},"resource":{}}]}`, `{"entry":[{"resource":{"a":}}],"entry":[]}`,
		`{"resourceType":"Bundle","entry":[{"resource":{"a":1}x}]}`, `{"resourceType":"Bundle","entry":[{"resource":{"a":1}`,
		`{"resourceType":"Patient","multipleBirthInteger":1e999}`, `{"resourceType":"Patient","multipleBirthInteger":NaN}`,
	} {
		var v any
		jsonErr := json.Unmarshal([]byte(s), &v)
		if jsonErr == nil {
			t.Fatalf("%q: encoding/json accepts it", s)
		}
		issues := New(Options{}).Bundle([]byte(s))
		if len(issues) != 1 || issues[0].Rule != "json" || !strings.HasSuffix(issues[0].Message, jsonErr.Error()) {
			t.Errorf("%q: %v, want one json issue: %v", s, issues, jsonErr)
		}
	}
}

// Each key appears once in an object read, at its first place, with its
// last value (as encoding/json reads it), true, false and null included;
// an empty object is an object.
func TestRepeatedKeysLastWins(t *testing.T) {
	r := &reader{}
	doc, err := r.read([]byte(`{"b":1,"a":{},"b":2,"c":[{}],"a":{"x":true},"t":true,"t":true,"n":null,"n":false}`))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	members(doc, func(k string, _ *fastjson.Value) { keys = append(keys, k) })
	if want := []string{"b", "a", "c", "t", "n"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("members %v, want %v", keys, want)
	}
	if f, _ := number(get(doc, "b")); f != 2 || !has(obj(doc, "a"), "x") || get(doc, "n").Type() != fastjson.TypeFalse {
		t.Errorf("b=%v, a=%v, n=%v", get(doc, "b"), get(doc, "a"), get(doc, "n"))
	}
	if a := arr(doc, "c"); len(a) != 1 || !isObject(a[0]) {
		t.Error("an empty object in an array is not an object")
	}
	// The Validator checks the last value of a repeated key, once.
	for raw, want := range map[string]string{
		`{"resourceType":"Patient","gender":"bogus","gender":"male"}`:           "",
		`{"resourceType":"Patient","gender":"male","gender":"bogus"}`:           `code "bogus"`,
		`{"resourceType":"Patient","active":"yes","active":"no","active":true}`: "",
	} {
		issues := New(Options{}).Bundle([]byte(raw))
		if got := dump(issues); want == "" && len(issues) > 0 || want != "" && (len(issues) != 1 || !strings.Contains(got, want)) {
			t.Errorf("%s:\n%s", raw, got)
		}
	}
}

// Numbers compare as numbers: a pattern's 1 matches 1.0 and 1e0.
func TestNumbersMatchPatterns(t *testing.T) {
	p := compilePattern(json.RawMessage(`{"a":1,"b":[2.5]}`))
	for s, want := range map[string]bool{
		`{"a":1,"b":[2.5]}`: true, `{"a":1.0,"b":[1,25e-1]}`: true, `{"a":1e0,"b":2.5}`: true,
		`{"a":"1","b":[2.5]}`: false, `{"a":2,"b":[2.5]}`: false, `{"a":1,"b":[]}`: false,
	} {
		if got := matchesPattern(p, fastjson.MustParse(s)); got != want {
			t.Errorf("%s: %v, want %v", s, got, want)
		}
	}
	if got := p.compact(); got != `{"a":1,"b":[2.5]}` {
		t.Errorf("compact %s", got)
	}
}

// toStd converts a tree into encoding/json's form.
func toStd(v *fastjson.Value) any {
	switch v.Type() {
	case fastjson.TypeObject:
		m := map[string]any{}
		members(v, func(k string, x *fastjson.Value) { m[k] = toStd(x) })
		return m
	case fastjson.TypeArray:
		a, _ := items(v)
		out := make([]any, len(a))
		for i, item := range a {
			out[i] = toStd(item)
		}
		return out
	case fastjson.TypeString:
		s, _ := text(v)
		return s
	case fastjson.TypeNumber:
		f, _ := number(v)
		return f
	case fastjson.TypeTrue:
		return true
	case fastjson.TypeFalse:
		return false
	}
	return nil
}
