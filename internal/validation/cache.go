package validation

import (
	"hash/maphash"
	"sync"
)

// cacheKey identifies an entry resource by its fullUrl and exact bytes.
// The bytes are hashed once (they are most of what a warm Bundle costs:
// hashing them twice was a third of its time); the fullUrl twice, with
// independent seeds, and the length: two entries collide only if their
// fullUrls do (a 2^-64 chance, times the bytes' 2^-64 one), or if they are
// versions of the same length of one fullUrl with equal 64-bit hashes of
// their bytes (2^-64 for each such pair kept, of which there are a few).
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

func (rc *resultCache) key(fullURL, src string) cacheKey {
	return cacheKey{
		maphash.String(rc.seeds[0], src) + 0x9e3779b97f4a7c15*maphash.String(rc.seeds[0], fullURL),
		maphash.String(rc.seeds[1], fullURL) + uint64(len(src)),
	}
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
// noted): when it says no, the decoder decodes the resource at once
// instead of delimiting it first (most resources of a run are new). It is
// a hint: it may say yes wrongly, and no for a result whose fullUrl has
// not been noted lately, which then costs a check, not a wrong result: an
// entry decoded at once is checked without asking the cache (nor hashing
// its bytes for the key).
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
