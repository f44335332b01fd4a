package validation

import (
	"bytes"
	"encoding/binary"
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
	plain bool                          // the document is plainText: numbers are checked by screen
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
	plain := plainText(bytes.TrimSpace(raw))
	if !plain {
		if err := fastjson.ValidateBytes(raw); err != nil {
			return nil, err
		}
	}
	r.plain, r.keys = plain, allKeys&^underBit
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
	r.plain, r.keys = true, allKeys&^underBit
	if bytes.Contains(raw, []byte(`"_`)) {
		r.keys = allKeys
	}
	return r.p.ParseBytes(raw)
}

// plainText tells whether b holds no backslash and no control character.
// fastjson.Parse checks all of a document but its strings (escapes and
// control characters in them) and the spelling of its numbers, which
// fastjson.Validate checks at the cost of a second parse: a document
// without escapes or control characters (but the white space around it:
// the compact JSON the converter writes) has nothing in its strings for
// Validate to find, and screen checks its numbers. bytes.IndexByte finds
// a backslash faster than a loop of ours can: the loop looks for control
// characters only.
func plainText(b []byte) bool { return bytes.IndexByte(b, '\\') < 0 && !hasControl(b) }

// hasControl tells whether b holds a byte below 0x20, 32 bytes at a time
// (the usual test of SIMD within a register: below(x) sets the high bit
// of such a byte, and of no byte unless there is one).
func hasControl(b []byte) bool {
	for ; len(b) >= 32; b = b[32:] {
		le := binary.LittleEndian
		if (below(le.Uint64(b))|below(le.Uint64(b[8:]))|below(le.Uint64(b[16:]))|below(le.Uint64(b[24:])))&highs != 0 {
			return true
		}
	}
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

func below(x uint64) uint64 { return (x - ones*0x20) &^ x }

const ones, highs = 0x0101010101010101, 0x8080808080808080

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
