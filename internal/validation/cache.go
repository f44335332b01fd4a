package validation

import (
	"hash/maphash"
	"sync"
)

// cacheKey identifies an entry resource by its fullUrl and exact bytes:
// two independent 64-bit hashes, so that a collision is out of reach.
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
}

// cacheSize bounds the results kept: a run's shared resources are a few
// dozen; each result is small (the issues of a resource, usually none).
const cacheSize = 4096

func newResultCache(max int) *resultCache {
	return &resultCache{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, max: max, cur: map[cacheKey]*result{}}
}

func (rc *resultCache) key(fullURL, src string) cacheKey {
	var k cacheKey
	for i, s := range rc.seeds {
		k[i] = maphash.String(s, src) + 0x9e3779b97f4a7c15*maphash.String(s, fullURL)
	}
	return k
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

// len is the number of results kept (old generation included).
func (rc *resultCache) len() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.cur) + len(rc.old)
}
