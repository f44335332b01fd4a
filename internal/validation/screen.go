package validation

import (
	"errors"
	"strconv"

	"github.com/valyala/fastjson"
)

// screen goes over a parsed document once for what fastjson.Validate
// lets through and encoding/json did not: a number out of float64's range
// is an error (1e999), and of a key repeated in an object, the last value
// is the one read, at the place of the first (fastjson's Get would find
// the first). Most objects are small: a one-word summary of their keys
// (keyBit) shows most of them free of repeats without looking keys up.
func (r *reader) screen(v *fastjson.Value) error {
	switch v.Type() {
	case fastjson.TypeObject:
		return r.screenObject(v)
	case fastjson.TypeArray:
		a, _ := v.Array()
		for _, item := range a {
			if item.Type() == fastjson.TypeString {
				continue // most values: nothing to screen, and no call
			}
			if err := r.screen(item); err != nil {
				return err
			}
		}
	case fastjson.TypeNumber:
		return r.number(v)
	}
	return nil
}

// number checks a number's range (fastjson.Validate checked its
// spelling).
func (r *reader) number(v *fastjson.Value) error {
	r.num = v.MarshalTo(r.num[:0]) // the literal, as the document spells it
	if _, err := strconv.ParseFloat(view(r.num), 64); err != nil {
		return errNumber
	}
	return nil
}

var errNumber = errors.New("invalid number")

func (r *reader) screenObject(v *fastjson.Value) error {
	var seen uint64
	repeats := false
	var err error
	o := v.GetObject()
	o.Visit(func(key []byte, x *fastjson.Value) {
		bit := keyBit(view(key))
		if len(key) > 0 && key[0] == '_' {
			r.keys = allKeys
		}
		repeats = repeats || seen&bit != 0 && repeated(o, view(key), x)
		seen |= bit
		if err == nil && x.Type() != fastjson.TypeString { // as in screen
			err = r.screen(x)
		}
	})
	if err == nil && repeats {
		r.lastWins(o)
	}
	return err
}

// repeated tells whether the member k of o, x, has a twin before it: the
// first member of key k is another one (but for true, false and null,
// which fastjson does not tell apart).
func repeated(o *fastjson.Object, k string, x *fastjson.Value) bool {
	switch x.Type() {
	case fastjson.TypeTrue, fastjson.TypeFalse, fastjson.TypeNull:
		return true // maybe: lastWins tells
	}
	return o.Get(k) != x
}

// keyBit is a one-bit summary of a key (its length, first and last
// byte): two keys with different bits differ. The first byte tells apart
// more of the keys the rules look up from those an object holds (see
// keySummary), which paid for more repeats to rule out in screen.
func keyBit(k string) uint64 {
	if k == "" {
		return 1
	}
	return 1 << ((uint(len(k))*7 + uint(k[0])*5 + uint(k[len(k)-1])) & 63)
}

type keyValue struct {
	k string
	v *fastjson.Value
}

// lastWins leaves each key of o once, at its first place, with its last
// value. fastjson has no way to drop one member among others of the same
// key: every member is dropped, then set again (the keys
// lie in the parser's buffer, not in the members).
func (r *reader) lastWins(o *fastjson.Object) {
	kvs := r.kvs[:0]
	o.Visit(func(k []byte, v *fastjson.Value) {
		key := view(k)
		for i := range kvs {
			if kvs[i].k == key {
				kvs[i].v = v
				return
			}
		}
		kvs = append(kvs, keyValue{key, v})
	})
	if len(kvs) == o.Len() {
		clear(kvs)
		r.kvs = kvs[:0]
		return // no repeat after all: two keys shared a bit
	}
	for _, p := range kvs {
		for o.Get(p.k) != nil {
			o.Del(p.k)
		}
	}
	for _, p := range kvs {
		o.Set(p.k, p.v)
	}
	clear(kvs)
	r.kvs = kvs[:0]
}
