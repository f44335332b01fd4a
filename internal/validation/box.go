package validation

// boxed is a string value and the any holding it.
type boxed struct {
	s string
	v any
}

// box puts a string value in an any. Putting a string in an any allocates
// its header; a Bundle repeats the same few values (systems, codes,
// profiles, types: 85% of its strings are among 200 values), so the
// decoder keeps the anys of the latest ones and reuses them.
func (d *decoder) box(s string) any {
	if len(s) < 2 {
		return s
	}
	if d.boxes == nil {
		d.boxes = new([256]boxed)
	}
	b := &d.boxes[boxSlot(s)]
	if b.s != s {
		b.s, b.v = s, s
	}
	return b.v
}

// boxSlot is a cheap hash: the length and three bytes.
func boxSlot(s string) uint8 {
	return uint8(len(s)*31 + int(s[0]) + int(s[len(s)/2])*7 + int(s[len(s)-1])*13)
}
