package validation

import (
	"encoding/binary"
	"hash/maphash"
	"sync"

	"github.com/valyala/fastjson"
)

// cacheKey identifies an entry resource by its fullUrl and its tree: the
// checks read nothing else of it. The tree is hashed once, with the
// length of what was hashed; the fullUrl twice, with independent seeds:
// two entries collide only if their fullUrls do (a 2^-64 chance, times
// the trees' 2^-64 one), or if they are versions of one fullUrl with as
// many bytes and equal 64-bit hashes of their trees (2^-64 for each such
// pair kept, of which there are a few).
//
// The tree, not the bytes: fastjson does not say where a value lies in
// the document, and serialising the resource again to hash its bytes
// (Value.MarshalTo) cost seven times as much as hashing its tree. Two
// spellings of one resource (white space, escapes) share a result, as
// they would share their issues.
type cacheKey [2]uint64

// resultCache keeps the results of the entry resources checked lately:
// the structure, its professionals and places recur in every Bundle of a
// run and are checked once. It is bounded (two generations of at most
// max/2 results: a lookup moves a result to the current one, a full
// current one becomes the old one and the old one is dropped), and safe
// for concurrent use.
type resultCache struct {
	seeds    [2]maphash.Seed
	mu       sync.Mutex
	max      int
	cur, old map[cacheKey]*result
	urls     [2]urlBits // the fullUrls noted, by generation (cur, old)
	noted    int        // the fullUrls noted in the current generation
}

// urlBits has a bit set for the hash of each fullUrl noted: a generation
// holds at most a few thousand results, a small part of its 65,536 bits.
type urlBits [1024]uint64

// cacheSize bounds the results kept: a run's shared resources are a few
// dozen; each result is small (the issues of a resource, usually none).
const cacheSize = 4096

func newResultCache(max int) *resultCache {
	return &resultCache{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, max: max, cur: map[cacheKey]*result{}}
}

// key is the key of the resource of fullURL whose tree appendTree spelled.
func (rc *resultCache) key(fullURL string, tree []byte) cacheKey {
	return cacheKey{
		maphash.Bytes(rc.seeds[0], tree) + 0x9e3779b97f4a7c15*maphash.String(rc.seeds[0], fullURL),
		maphash.String(rc.seeds[1], fullURL) + uint64(len(tree)),
	}
}

// appendTree appends to dst a spelling of v without ambiguity, to hash:
// each value's kind, then the length of each string and container before
// it, the literal of a number (digits and signs, never a zero byte)
// before a zero byte. Building it in a buffer and hashing that at once
// cost half of feeding a maphash.Hash value by value.
func appendTree(dst []byte, v *fastjson.Value) []byte {
	switch t := v.Type(); t {
	case fastjson.TypeObject:
		o, _ := v.Object()
		dst = appendHead(dst, t, o.Len())
		o.Visit(func(k []byte, x *fastjson.Value) {
			dst = append(appendHead(dst, fastjson.TypeString, len(k)), k...)
			dst = appendTree(dst, x)
		})
		return dst
	case fastjson.TypeArray:
		a, _ := v.Array()
		dst = appendHead(dst, t, len(a))
		for _, item := range a {
			dst = appendTree(dst, item)
		}
		return dst
	case fastjson.TypeString:
		b, _ := v.StringBytes()
		return append(appendHead(dst, t, len(b)), b...)
	case fastjson.TypeNumber:
		return append(v.MarshalTo(append(dst, byte(t))), 0) // as the document spells it
	}
	return append(dst, byte(v.Type())) // true, false, null
}

// appendHead appends a value's kind and length.
func appendHead(dst []byte, t fastjson.Type, n int) []byte {
	return binary.AppendUvarint(append(dst, byte(t)), uint64(n))
}

func (rc *resultCache) get(k cacheKey) *result {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if r, ok := rc.cur[k]; ok {
		return r
	}
	r, ok := rc.old[k]
	if ok {
		rc.putLocked(k, r)
	}
	return r
}

func (rc *resultCache) put(k cacheKey, r *result) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.putLocked(k, r)
}

func (rc *resultCache) putLocked(k cacheKey, r *result) {
	if len(rc.cur) >= rc.max/2 {
		rc.old, rc.cur = rc.cur, make(map[cacheKey]*result, rc.max/2)
	}
	rc.cur[k] = r
}

// noteURL records that an entry of fullURL was found, and tells whether
// one had been (maybe wrongly, as mayHold). The generations of fullUrls
// turn every max notes: the bits of a generation stay sparse.
func (rc *resultCache) noteURL(fullURL string) bool {
	w, b := rc.urlBit(fullURL)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	seen := (rc.urls[0][w]|rc.urls[1][w])&b != 0
	if rc.noted++; rc.noted > rc.max {
		rc.urls[1], rc.urls[0], rc.noted = rc.urls[0], urlBits{}, 1
	}
	rc.urls[0][w] |= b
	return seen
}

// mayHold tells whether a result for fullURL may be kept (its fullUrl was
// noted): when it says no, the Validator neither hashes the resource nor
// asks the cache (most resources of a run are new). It is a hint: it may
// say yes wrongly, and no for a result whose fullUrl has not been noted
// lately, which then costs a check, not a wrong result.
func (rc *resultCache) mayHold(fullURL string) bool {
	w, b := rc.urlBit(fullURL)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return (rc.urls[0][w]|rc.urls[1][w])&b != 0
}

func (rc *resultCache) urlBit(fullURL string) (word int, bit uint64) {
	h := maphash.String(rc.seeds[0], fullURL)
	return int(h>>6) % len(urlBits{}), 1 << (h & 63)
}

// len is the number of results kept (old generation included).
func (rc *resultCache) len() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.cur) + len(rc.old)
}
