package validation

import (
	"strings"
	"unsafe"
)

// The decoder reads the caller's bytes in place, for the length of the
// call only: copying them first (string(raw)) was half of the bytes a
// validation allocated. The tree's keys and values are so many views of
// those bytes, which the caller reuses once the call returns (the
// converter recycles its Bundle buffers); whatever outlives the call (an
// issue, a cached result) is copied by keep, and the pooled decoder lets
// go of them (decoder.release).

// view is raw as a string, valid while raw is neither modified nor
// reused: during the call.
func view(raw []byte) string {
	return unsafe.String(unsafe.SliceData(raw), len(raw))
}

// within tells whether s lies in src's bytes.
func within(src, s string) bool {
	if len(s) == 0 || len(src) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	b := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	return p >= b && p < b+uintptr(len(src))
}

// keep returns s, copied if it is a view of the source being checked:
// the few strings of the source that an issue or a cached result holds.
func (c *run) keep(s string) string {
	if within(c.src, s) {
		return strings.Clone(s)
	}
	return s
}

// kept copies the strings of an issue that may be views of the source.
func (c *run) kept(is *Issue) {
	is.Path, is.Element, is.Profile = c.keep(is.Path), c.keep(is.Element), c.keep(is.Profile)
}

// keptURL is the entry's fullUrl for its issues, copied once per entry.
func (c *run) keptURL() string {
	if c.urlCopy == "" {
		c.urlCopy = c.keep(c.fullURL)
	}
	return c.urlCopy
}

// atEntry makes entry i, of fullURL, the one being reported.
func (c *run) atEntry(i int, fullURL string) {
	c.entry, c.fullURL, c.urlCopy = i, fullURL, ""
}

// release lets go of the source, and of the trees read from it, before
// the decoder goes back to the pool.
func (d *decoder) release() {
	d.s = ""
	clear(d.kvs[:cap(d.kvs)])
	clear(d.vals[:cap(d.vals)])
	d.kvs, d.vals = d.kvs[:0], d.vals[:0]
	clear(d.delim)
	d.delim = d.delim[:0]
	if d.boxes != nil {
		*d.boxes = [256]boxed{}
	}
	d.objBlocks.clearUsed()
	d.memBlocks.clearUsed()
	d.itemBlocks.clearUsed()
	d.arrBlocks.clearUsed()
	d.strBlocks.clearUsed()
}
