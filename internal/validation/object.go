package validation

import (
	"slices"
	"strings"
)

// object is a decoded JSON object: its members in document order, each
// key once (a repeated key keeps its last value, as encoding/json does).
// FHIR objects hold a handful of members: a linear scan finds one faster
// than a map hashes its key, and building a slice costs far less than
// building a map. Trees hold *object (a pointer goes into an any without
// an allocation, a slice does not); its methods read a nil *object as an
// empty one, as a nil map reads, so "o, _ := v.(*object)" needs no check
// before reading.
//
// The trees the validator reads hold *object, *array, string, float64,
// bool, nil and (for a Bundle's entry resources) *entryRes.
type object struct {
	m    []member
	keys uint64 // a keyBit of each key: most lookups are for absent keys
}

// array is a decoded JSON array. Trees hold *array for the reason they
// hold *object: a slice put in an any is allocated.
type array struct {
	items []any
}

// itemsOf returns the items of v when it is an array.
func itemsOf(v any) ([]any, bool) {
	a, ok := v.(*array)
	if !ok {
		return nil, false
	}
	return a.items, true
}

// keyBit is a one-bit summary of a key (its length and last byte): two
// keys with different bits differ. For a constant key it is a constant.
func keyBit(k string) uint64 {
	if k == "" {
		return 1
	}
	return 1 << ((uint(len(k))*7 + uint(k[len(k)-1])) & 63)
}

// underBit is keyBit("_" + k), without building it.
func underBit(k string) uint64 {
	if k == "" {
		return keyBit("_")
	}
	return 1 << ((uint(len(k)+1)*7 + uint(k[len(k)-1])) & 63)
}

type member struct {
	k string
	v any
}

// get returns the value of key k, nil when absent.
func (o *object) get(k string) any {
	if o == nil || o.keys&keyBit(k) == 0 {
		return nil
	}
	for i := range o.m {
		if o.m[i].k == k {
			return o.m[i].v
		}
	}
	return nil
}

// members lists the members in document order (none for a nil object).
func (o *object) members() []member {
	if o == nil {
		return nil
	}
	return o.m
}

// has tells whether key k is present (with any value, null included).
func (o *object) has(k string) bool {
	if o == nil || o.keys&keyBit(k) == 0 {
		return false
	}
	for _, p := range o.m {
		if p.k == k {
			return true
		}
	}
	return false
}

// str returns the value of key k when it is a string.
func (o *object) str(k string) (string, bool) {
	s, ok := o.get(k).(string)
	return s, ok
}

// obj returns the value of key k when it is an object.
func (o *object) obj(k string) *object {
	m, _ := o.get(k).(*object)
	return m
}

// arr returns the value of key k when it is an array.
func (o *object) arr(k string) []any {
	a, _ := itemsOf(o.get(k))
	return a
}

// pair returns in one pass the values of key k and of "_k", where a
// primitive keeps its extensions.
func (o *object) pair(k string) (v, ext any) {
	if o == nil {
		return nil, nil
	}
	if o.keys&underBit(k) == 0 { // no twin, as for most keys
		return o.get(k), nil
	}
	for _, p := range o.m {
		switch {
		case p.k == k:
			v = p.v
		case len(p.k) == len(k)+1 && p.k[0] == '_' && p.k[1:] == k:
			ext = p.v
		}
	}
	return v, ext
}

// fromStd converts a tree of encoding/json (map[string]any) into the
// validator's: maps become objects, their keys sorted so that the checks
// run in a stable order.
func fromStd(v any) any {
	switch x := v.(type) {
	case map[string]any:
		o := &object{m: make([]member, 0, len(x))}
		for k, val := range x {
			o.m = append(o.m, member{k, fromStd(val)})
			o.keys |= keyBit(k)
		}
		slices.SortFunc(o.m, func(a, b member) int { return strings.Compare(a.k, b.k) })
		return o
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = fromStd(item)
		}
		return &array{items: out}
	}
	return v
}

// toStd converts a validator's tree back into encoding/json's (tests
// compare the decoder with it; patterns are printed from it).
func toStd(v any) any {
	switch x := v.(type) {
	case *object:
		m := make(map[string]any, len(x.m))
		for _, p := range x.m {
			m[p.k] = toStd(p.v)
		}
		return m
	case *array:
		out := make([]any, len(x.items))
		for i, item := range x.items {
			out[i] = toStd(item)
		}
		return out
	}
	return v
}
