package validation

// blocks hands out the blocks the decoder cuts objects, members and array
// items from, and takes them back once a document is checked: a pooled
// decoder (Validator.decoders) reuses them for the next one instead of
// allocating (and the GC scanning) new ones for every Bundle.
type blocks[T any] struct {
	used, free [][]T
}

// blockSize is the number of values a block holds: a few kilobytes, the
// size of a small resource.
const blockSize = 256

// get returns a block of at least n values, with values of an earlier
// document in it (the decoder writes each before reading it).
func (b *blocks[T]) get(n int) []T {
	if n > blockSize {
		return make([]T, n) // rare: kept by this document only
	}
	var blk []T
	if k := len(b.free); k > 0 {
		blk, b.free = b.free[k-1], b.free[:k-1]
	} else {
		blk = make([]T, blockSize)
	}
	b.used = append(b.used, blk)
	return blk
}

// recycle takes back every block handed out.
func (b *blocks[T]) recycle() {
	b.free = append(b.free, b.used...)
	clear(b.used)
	b.used = b.used[:0]
}

// clearUsed zeroes the blocks handed out, so that a pooled decoder holds
// no view of a source it has finished with.
func (b *blocks[T]) clearUsed() {
	for _, blk := range b.used {
		clear(blk)
	}
}
