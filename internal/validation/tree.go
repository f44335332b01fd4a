package validation

import (
	"unsafe"

	"github.com/valyala/fastjson"
)

// The validator reads documents as fastjson trees (see reader): a value is
// a *fastjson.Value, nil when absent. These helpers read the trees as the
// checks need them: a missing or mistyped value as the zero value, so
// that "m := obj(v, k)" needs no check before reading m. A JSON null is a
// value of its own, which the steps of the rules read as absent (see
// valuesAt): FHIR gives it no meaning.
//
// Objects keep their members in document order, each key once (reader
// resolves repeated keys).

// get returns the member k of v when v is an object, nil when absent.
func get(v *fastjson.Value, k string) *fastjson.Value {
	if o := v.GetObject(); o != nil {
		return o.Get(k)
	}
	return nil
}

// present is v, nil for a JSON null.
func present(v *fastjson.Value) *fastjson.Value {
	if v != nil && v.Type() == fastjson.TypeNull {
		return nil
	}
	return v
}

// has tells whether v is an object with member k (null included).
func has(v *fastjson.Value, k string) bool { return get(v, k) != nil }

// isObject tells whether v is an object.
func isObject(v *fastjson.Value) bool { return v != nil && v.Type() == fastjson.TypeObject }

// objectOrNil is v when it is an object.
func objectOrNil(v *fastjson.Value) *fastjson.Value {
	if isObject(v) {
		return v
	}
	return nil
}

// obj returns the member k of v when it is an object.
func obj(v *fastjson.Value, k string) *fastjson.Value {
	if m := get(v, k); isObject(m) {
		return m
	}
	return nil
}

// items returns the items of v when it is an array.
func items(v *fastjson.Value) ([]*fastjson.Value, bool) {
	if v == nil || v.Type() != fastjson.TypeArray {
		return nil, false
	}
	a, _ := v.Array() // no error: an array
	return a, true
}

// arr returns the items of member k of v when it is an array.
func arr(v *fastjson.Value, k string) []*fastjson.Value {
	a, _ := items(get(v, k))
	return a
}

// text returns v when it is a string.
func text(v *fastjson.Value) (string, bool) {
	if v == nil || v.Type() != fastjson.TypeString {
		return "", false
	}
	b, _ := v.StringBytes() // no error: a string
	return view(b), true
}

// str returns the member k of v when it is a string.
func str(v *fastjson.Value, k string) (string, bool) { return text(get(v, k)) }

// isString tells whether v is the string s.
func isString(v *fastjson.Value, s string) bool {
	t, ok := text(v)
	return ok && t == s
}

// view is b as a string, without a copy. fastjson hands a string's (or a
// key's) bytes as a view of its parser's buffer, valid until its next
// Parse, and takes the same view the other way inside; copying every
// string the checks read (a resource has hundreds) was most of the
// allocations of a validation. The views live as long as the tree: the
// call. What outlives it (an issue, a cached result) is copied.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// members calls f for each member of v, in document order, when v is an
// object.
func members(v *fastjson.Value, f func(k string, v *fastjson.Value)) {
	v.GetObject().Visit(func(k []byte, v *fastjson.Value) { f(view(k), v) })
}

// pair returns the member s.name of o and its twin s.under, where a
// primitive keeps its extensions. keys summarises o's keys (see
// summaryBit): a key whose bit it lacks is not looked up, for the
// lookup of a missing key reads every member (and "_k" is rarely there).
func pair(o *fastjson.Object, s *seg, keys uint64) (val, ext *fastjson.Value) {
	if o == nil {
		return nil, nil
	}
	if keys&s.nameBit != 0 {
		val = o.Get(s.name)
	}
	if keys&s.underBit != 0 {
		ext = o.Get(s.under)
	}
	return val, ext
}

// allKeys is the summary of an object not summarised: any key may be in it.
const allKeys = ^uint64(0)

// underBit is the summaryBit of every key starting with "_": the keys
// with a primitive's extensions, which most documents lack (see
// reader.keys).
const underBit = 1 << 63

// summaryBit is a one-bit summary of a key: two keys with different bits
// differ. The keys of "_" share one bit, underBit; another key whose
// keyBit is that one ("id", "div", "individual"…) takes bit 0 instead: a
// key without a bit would never be looked up.
func summaryBit(k string) uint64 {
	if k != "" && k[0] == '_' {
		return underBit
	}
	if b := keyBit(k); b != underBit {
		return b
	}
	return 1
}

// keySummary is the union of the summaryBit of o's keys: the steps below
// one rule node look up a dozen keys in the same object, most of them
// missing, and a missing one costs a read of every member.
func keySummary(o *fastjson.Object) uint64 {
	var keys uint64
	o.Visit(func(k []byte, _ *fastjson.Value) { keys |= summaryBit(view(k)) })
	return keys
}

// twin returns the member "_k" of v, for a key k known only as the
// document spells it (building "_" + k would allocate).
func twin(v *fastjson.Value, k string) *fastjson.Value {
	var ext *fastjson.Value
	members(v, func(key string, x *fastjson.Value) {
		if ext == nil && len(key) == len(k)+1 && key[0] == '_' && key[1:] == k {
			ext = x
		}
	})
	return ext
}
