package validation

import "unsafe"

// boxed is a string value and the any holding it.
type boxed struct {
	s string
	v any
}

// box puts a string value in an any. Putting a string in an any allocates
// its header; a Bundle repeats the same few values (systems, codes,
// profiles, types: 85% of its strings are among 200 values), so the
// decoder keeps the anys of the latest ones and reuses them. The others
// get a header cut from the decoder's blocks (boxNew).
func (d *decoder) box(s string) any {
	if len(s) < 2 {
		return s
	}
	if d.boxes == nil {
		d.boxes = new([256]boxed)
	}
	b := &d.boxes[boxSlot(s)]
	if b.s != s {
		b.s, b.v = s, d.boxNew(s)
	}
	return b.v
}

// boxSlot is a cheap hash: the length and three bytes.
func boxSlot(s string) uint8 {
	return uint8(len(s)*31 + int(s[0]) + int(s[len(s)/2])*7 + int(s[len(s)-1])*13)
}

// eface is the layout of an any: its type, and a pointer to its value
// when the value is not itself a pointer.
type eface struct {
	typ, data unsafe.Pointer
}

// stringType is the type word of an any holding a string.
var stringType = func() unsafe.Pointer {
	var v any = ""
	return (*eface)(unsafe.Pointer(&v)).typ
}()

// boxNew makes an any of s whose string header lies in the decoder's
// blocks instead of an allocation of its own: two thirds of the
// allocations of a validation were these 16 bytes. Like the objects and
// members cut from the blocks, the any is valid until the decoder is
// released: no value of the tree outlives the call (issues and cached
// results copy what they keep, see keep).
func (d *decoder) boxNew(s string) any {
	if len(d.strBlk) == 0 {
		d.strBlk = d.strBlocks.get(1)
	}
	h := &d.strBlk[0]
	d.strBlk = d.strBlk[1:]
	*h = s
	return *(*any)(unsafe.Pointer(&eface{typ: stringType, data: unsafe.Pointer(h)}))
}
