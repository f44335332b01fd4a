package validation

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decoder reads JSON into the validator's tree (see object: *object,
// *array, string, float64, bool, nil) in one pass, several times faster
// than encoding/json's Unmarshal into an any: strings without escapes are
// views of the source (no copy of the input, see view; none per string),
// objects are slices of members, and the members and array items of a
// document are cut from a few shared blocks instead of allocated one by
// one. It is strict: whatever it rejects, the caller hands to
// encoding/json, which gives the error message (or, should this decoder
// be wrong, the tree).
//
// With entries set, the "resource" object of each Bundle.entry comes as
// an *entryRes holding its source, so that the Validator recognises a
// resource it has already checked. Unless its fullUrl came first and is
// surely new to the cache (mayKnow), it is only delimited, not decoded:
// the Validator decodes it (decodeEntry) if the cache does not know it.
// Delimiting costs a small part of decoding (strings are skipped with
// IndexByte), but most resources of a run are new.
type decoder struct {
	s          string
	i          int
	entries    bool
	kvs        []member // stack of the objects being read
	vals       []any    // stack of the arrays being read
	objBlk     []object // free part of the current block of objects
	memBlk     []member // free part of the current block of members
	valBlk     []any    // free part of the current block of array items
	arrBlk     []array  // free part of the current block of arrays
	strBlk     []string // free part of the current block of boxed strings (see boxNew)
	objBlocks  blocks[object]
	memBlocks  blocks[member]
	itemBlocks blocks[any]
	arrBlocks  blocks[array]
	strBlocks  blocks[string]
	delim      []*entryRes               // the entry resources delimited, not decoded
	mayKnow    func(fullURL string) bool // whether the cache may know an entry (nil: it may)
	boxes      *[256]boxed               // string values lately put in an any, by boxSlot
}

var errSyntax = errors.New("json syntax")

// reset readies a decoder for another document: the trees of the
// previous one must be out of use, their blocks are reused.
func (d *decoder) reset(s string, entries bool, mayKnow func(string) bool) {
	d.s, d.i, d.entries, d.mayKnow = s, 0, entries, mayKnow
	d.objBlk, d.memBlk, d.valBlk, d.arrBlk, d.strBlk = nil, nil, nil, nil, nil
	d.objBlocks.recycle()
	d.memBlocks.recycle()
	d.itemBlocks.recycle()
	d.arrBlocks.recycle()
	d.strBlocks.recycle()
	d.delim = d.delim[:0] // cleared by release, as the boxes
}

func (d *decoder) document() (any, error) {
	v, err := d.value(0, false)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.i != len(d.s) {
		return nil, errSyntax
	}
	return v, nil
}

func (d *decoder) space() {
	i := d.i
	for i < len(d.s) && (d.s[i] == ' ' || d.s[i] == '\n' || d.s[i] == '\t' || d.s[i] == '\r') {
		i++
	}
	d.i = i
}

// value reads one value; depth and inEntry say where it sits, so that the
// entries' resources can be left undecoded (root object depth 0, its
// "entry" array's items depth 2).
func (d *decoder) value(depth int, inEntry bool) (any, error) {
	d.space()
	if d.i >= len(d.s) {
		return nil, errSyntax
	}
	switch c := d.s[d.i]; {
	case c == '{':
		return d.object(depth, inEntry)
	case c == '[':
		return d.array(depth, inEntry)
	case c == '"':
		s, err := d.str()
		if err != nil {
			return nil, err
		}
		return d.box(s), nil
	case c == 't':
		return d.literal("true", true)
	case c == 'f':
		return d.literal("false", false)
	case c == 'n':
		return d.literal("null", nil)
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return nil, errSyntax
}

// afterValue reads what follows a member or an item: a comma (more to
// come) or the closing byte of the object or array.
func (d *decoder) afterValue(closing byte) (more bool, err error) {
	d.space()
	if d.i >= len(d.s) {
		return false, errSyntax
	}
	switch d.s[d.i] {
	case ',':
		d.i++
		return true, nil
	case closing:
		d.i++
		return false, nil
	}
	return false, errSyntax
}

func (d *decoder) literal(word string, v any) (any, error) {
	if len(d.s)-d.i < len(word) || d.s[d.i:d.i+len(word)] != word {
		return nil, errSyntax
	}
	d.i += len(word)
	return v, nil
}

func (d *decoder) object(depth int, inEntry bool) (any, error) {
	d.i++ // {
	base := len(d.kvs)
	d.space()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		return d.object0(0), nil
	}
	var seen uint64 // keys read so far, by keyBit: most never need a scan for duplicates
	for {
		d.space()
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return nil, errSyntax
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return nil, errSyntax
		}
		d.i++
		var v any
		switch {
		case d.entries && inEntry && depth == 2 && k == "resource":
			v, err = d.entryResource(d.kvs[base:])
		default:
			v, err = d.value(depth+1, d.entries && depth == 0 && k == "entry")
		}
		if err != nil {
			return nil, err
		}
		seen = d.addMember(base, seen, k, v)
		more, err := d.afterValue('}')
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	o := d.object0(len(d.kvs) - base)
	copy(o.m, d.kvs[base:])
	o.keys = seen
	d.kvs = d.kvs[:base] // cleared by release
	return o, nil
}

// addMember pushes a member of the object whose members start at base,
// or, for a key already read, replaces its value (the last one wins, as
// with encoding/json).
func (d *decoder) addMember(base int, seen uint64, k string, v any) uint64 {
	bit := keyBit(k)
	if seen&bit != 0 {
		for i := base; i < len(d.kvs); i++ {
			if d.kvs[i].k == k {
				d.kvs[i].v = v
				return seen
			}
		}
	}
	d.kvs = append(d.kvs, member{k, v})
	return seen | bit
}

// object0 returns an object with room for n members, all cut from the
// current blocks.
func (d *decoder) object0(n int) *object {
	if len(d.objBlk) == 0 {
		d.objBlk = d.objBlocks.get(1)
	}
	o := &d.objBlk[0]
	d.objBlk = d.objBlk[1:]
	o.keys = 0
	if n > len(d.memBlk) {
		d.memBlk = d.memBlocks.get(n)
	}
	o.m = d.memBlk[:n:n]
	d.memBlk = d.memBlk[n:]
	return o
}

// array0 returns an array with room for n items, all cut from the
// current blocks.
func (d *decoder) array0(n int) *array {
	if len(d.arrBlk) == 0 {
		d.arrBlk = d.arrBlocks.get(1)
	}
	a := &d.arrBlk[0]
	d.arrBlk = d.arrBlk[1:]
	if n > len(d.valBlk) {
		d.valBlk = d.itemBlocks.get(n)
	}
	a.items = d.valBlk[:n:n]
	d.valBlk = d.valBlk[n:]
	return a
}

// array reads an array; entries marks the Bundle's entry array, whose
// object items are entries.
func (d *decoder) array(depth int, entries bool) (any, error) {
	d.i++ // [
	base := len(d.vals)
	d.space()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		return d.array0(0), nil
	}
	for {
		v, err := d.value(depth+1, entries)
		if err != nil {
			return nil, err
		}
		d.vals = append(d.vals, v)
		more, err := d.afterValue(']')
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	out := d.array0(len(d.vals) - base)
	copy(out.items, d.vals[base:])
	d.vals = d.vals[:base]
	return out, nil
}

// plain marks the bytes a string holds as they are: not a quote, a
// backslash, a control character or a byte of a multi-byte character.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string. The scan runs on locals: through d, every step
// would store d.i back to memory.
func (d *decoder) str() (string, error) {
	src, i := d.s, d.i+1 // after the opening quote
	start := i
	ascii := true
	for i < len(src) {
		i = plainRun(src, i)
		if i >= len(src) {
			break
		}
		d.i = i
		c := src[i]
		switch {
		case c == '"':
			s := src[start:i]
			d.i++
			if !ascii && !utf8.ValidString(s) {
				return string([]rune(s)), nil // invalid bytes become U+FFFD, as encoding/json does
			}
			return s, nil
		case c == '\\':
			return d.escaped(start)
		case c < 0x20:
			return "", errSyntax
		}
		ascii = false
		i++
	}
	d.i = i
	return "", errSyntax
}

// escaped finishes a string that holds escapes, from its first byte.
// The string is built once at its final capacity: it is no longer than
// its source (narratives, with their escaped markup, are long).
func (d *decoder) escaped(start int) (string, error) {
	var b strings.Builder
	if end, ok := stringEnd(d.s, d.i); ok {
		b.Grow(end - start)
	}
	b.WriteString(d.s[start:d.i])
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			s := b.String()
			if !utf8.ValidString(s) {
				return string([]rune(s)), nil // invalid bytes become U+FFFD, as encoding/json does
			}
			return s, nil
		case c < 0x20:
			return "", errSyntax
		case c != '\\':
			j := d.i + 1 // copy the run up to the next quote, escape or control character
			for {
				j = plainRun(d.s, j)
				if j >= len(d.s) || d.s[j] < 0x80 {
					break
				}
				j++
			}
			b.WriteString(d.s[d.i:j])
			d.i = j
			continue
		}
		if d.i+1 >= len(d.s) {
			return "", errSyntax
		}
		e := d.s[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", errSyntax
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if d.i+1 < len(d.s) && d.s[d.i] == '\\' && d.s[d.i+1] == 'u' {
					save := d.i
					d.i += 2
					if r2, ok = d.hex4(); !ok {
						return "", errSyntax
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						b.WriteRune(dec)
						continue
					}
					d.i = save // not a pair: the second escape stands alone
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default:
			return "", errSyntax
		}
	}
	return "", errSyntax
}

func (d *decoder) hex4() (rune, bool) {
	if len(d.s)-d.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[d.i : d.i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	d.i += 4
	return r, true
}

// number reads a JSON number (RFC 8259 grammar) as a float64.
func (d *decoder) number() (any, error) {
	start := d.i
	if d.s[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.s) && d.s[d.i] == '0':
		d.i++
	case d.i < len(d.s) && d.s[d.i] >= '1' && d.s[d.i] <= '9':
		d.digits()
	default:
		return nil, errSyntax
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return nil, errSyntax
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return nil, errSyntax
		}
	}
	f, err := strconv.ParseFloat(d.s[start:d.i], 64)
	if err != nil {
		return nil, errSyntax // out of range: encoding/json says so
	}
	return f, nil
}

func (d *decoder) digits() int {
	n := 0
	for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}
