package validation

import (
	"bytes"
	"unicode/utf8"

	sutf8 "github.com/bytedance/sonic/utf8"
	"github.com/valyala/fastjson"
)

// reader reads the documents of a validation with fastjson: a Parser (and
// what the Validator keeps beside its tree) is reused from one document
// to the next, so that a warm Validator allocates little per Bundle.
// fastjson is lenient where the validator must not be: reader checks the
// syntax first (fastjson.Validate), repairs invalid UTF-8 and resolves
// repeated keys as encoding/json does (see screen).
type reader struct {
	p     fastjson.Parser
	utf8  []byte                        // the document, its invalid UTF-8 replaced
	ents  []entryRes                    // a Bundle's entries, by index
	byRes map[*fastjson.Value]*entryRes // the same, by their resource
	num   []byte                        // a number's literal (see screen)
	kvs   []keyValue                    // an object's members (see screen)
	tree  []byte                        // a resource's tree, to hash (see appendTree)
	// a summary of the keys of every object of the document (see pair):
	// allKeys, or without underBit when no key starts with "_" (screen)
	keys uint64
}

// read parses a document; its tree is valid until the reader's next read.
func (r *reader) read(raw []byte) (*fastjson.Value, error) {
	if !utf8.Valid(raw) {
		// each invalid byte becomes U+FFFD: what encoding/json makes of
		// them in strings (and they are an error anywhere else)
		r.utf8 = sutf8.CorrectWith(r.utf8[:0], raw, "\uFFFD")
		raw = r.utf8
	}
	// fastjson.Parse checks the structure of a document, not what is in
	// its strings (escapes, control characters) nor how its numbers are
	// spelled: Validate checks all, at the cost of a second parse, which
	// only documents from elsewhere pay (the converter's take readEncoded)
	if err := fastjson.ValidateBytes(raw); err != nil {
		return nil, err
	}
	r.keys = allKeys &^ underBit
	doc, err := r.p.ParseBytes(raw)
	if err != nil {
		return nil, err // nested deeper than fastjson.MaxDepth
	}
	if err := r.screen(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// readEncoded parses a document written by encoding/json or an encoder
// giving its bytes (Options.Encoded): the checks read does besides
// parsing, for UTF-8, escapes, numbers and repeated keys, would find
// nothing there; they were a sixth of the validator's time. Only the
// summary of "_" keys is taken, from the bytes: a key starting with "_"
// shows as `"_` (so may a string value: the summary then stays whole, as
// it must when unsure).
func (r *reader) readEncoded(raw []byte) (*fastjson.Value, error) {
	r.keys = allKeys &^ underBit
	if bytes.Contains(raw, []byte(`"_`)) {
		r.keys = allKeys
	}
	return r.p.ParseBytes(raw)
}

// key is the cache's key of the resource res of fullURL.
func (r *reader) key(rc *resultCache, fullURL string, res *fastjson.Value) cacheKey {
	r.tree = appendTree(r.tree[:0], res)
	return rc.key(fullURL, r.tree)
}

// release lets go of the document before the reader goes back to the
// pool: its entries point into the tree.
func (r *reader) release() {
	clear(r.ents)
	r.ents = r.ents[:0]
	clear(r.byRes)
}
