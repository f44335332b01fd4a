package validation

import "strings"

// The resources of a Bundle's entries: decoded at once, or only delimited
// until the Validator knows whether its cache holds their result (see
// decoder).

// entryResource delimits an entry's resource when it is an object (the
// Validator knows it by these bytes), and decodes any other value. When
// the entry's fullUrl, among the members read before (seen), is one the
// cache surely does not know, it decodes the object at once, keeping its
// source.
func (d *decoder) entryResource(seen []member) (any, error) {
	d.space()
	if d.i >= len(d.s) || d.s[d.i] != '{' {
		return d.value(3, false)
	}
	start := d.i
	if d.surelyNew(seen) {
		v, err := d.value(3, false)
		if err != nil {
			return nil, err
		}
		return &entryRes{src: d.s[start:d.i], tree: v.(*object)}, nil
	}
	end, ok := objectEnd(d.s, start)
	if !ok {
		return nil, errSyntax
	}
	d.i = end
	er := &entryRes{src: d.s[start:end]}
	d.delim = append(d.delim, er)
	return er, nil
}

// surelyNew tells whether the members of an entry read so far hold a
// fullUrl the cache surely does not know.
func (d *decoder) surelyNew(seen []member) bool {
	if d.mayKnow == nil {
		return false
	}
	for _, p := range seen {
		if u, ok := p.v.(string); ok && p.k == "fullUrl" {
			return !d.mayKnow(u)
		}
	}
	return false
}

// objectEnd finds the end of the object that starts at s[i], counting
// brackets outside strings. It checks nothing else: decodeEntry does, and
// bytes the cache knows were decoded when they were first seen.
func objectEnd(s string, i int) (int, bool) {
	depth := 0
	for i < len(s) {
		switch s[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		case '"':
			end, ok := stringEnd(s, i+1)
			if !ok {
				return 0, false
			}
			i = end
			continue
		}
		i++
	}
	return 0, false
}

// stringEnd finds the byte after the quote that closes the string whose
// content starts at s[i]: the first quote after an even run of backslashes.
func stringEnd(s string, i int) (int, bool) {
	for {
		q := strings.IndexByte(s[i:], '"')
		if q < 0 {
			return 0, false
		}
		q += i
		bs := 0
		for bs < q-i && s[q-1-bs] == '\\' {
			bs++
		}
		if bs%2 == 0 {
			return q + 1, true
		}
		i = q + 1
	}
}

// decodeEntry decodes the source of an entry's resource once the
// document is read, with the same stacks and blocks.
func (d *decoder) decodeEntry(er *entryRes) error {
	s, i, entries := d.s, d.i, d.entries
	d.s, d.i, d.entries = er.src, 0, false
	v, err := d.document()
	d.s, d.i, d.entries = s, i, entries
	if err != nil {
		return err
	}
	er.tree = v.(*object) // the source was delimited as an object
	return nil
}
