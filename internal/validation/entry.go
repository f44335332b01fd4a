package validation

import (
	"strings"

	"github.com/valyala/fastjson"
)

// entryRes is the resource of a Bundle entry: its tree, what the
// Bundle-level checks read of it, and, when the Validator had already
// checked the same resource, its result.
type entryRes struct {
	tree  *fastjson.Value
	info  *resInfo
	res   *result // the issues of the resource itself, from the cache or checked now
	key   cacheKey
	keyed bool // key is set
}

// resInfo is what the Bundle's own checks read of an entry's resource:
// entry slicing (declared profiles) and reference targets.
type resInfo struct {
	typ, id  string
	hasID    bool
	profiles []string   // declared, versions stripped
	known    []*profile // the embedded definition of each, nil if none
	// Room for the one profile most resources declare: the info of every
	// entry took three allocations, profiles and known being two of them.
	oneProfile [1]string
	oneKnown   [1]*profile
}

// infoOf reads a resource's info; ps are the embedded profiles, by URL.
func infoOf(res *fastjson.Value, ps map[string]*profile) *resInfo {
	info := &resInfo{}
	info.profiles = declaredProfiles(info.oneProfile[:0], res)
	info.setKnown(ps)
	info.typ, _ = str(res, "resourceType")
	info.id, info.hasID = str(res, "id")
	return info
}

// setKnown looks up the embedded definition of each declared profile.
func (info *resInfo) setKnown(ps map[string]*profile) {
	info.known = info.oneKnown[:0]
	for _, u := range info.profiles {
		info.known = append(info.known, ps[u])
	}
}

// resInfo reads the info of an entry's resource, read once for a
// Bundle's entries; nil when there is no resource object.
func (c *run) resInfo(res *fastjson.Value) *resInfo {
	if !isObject(res) {
		return nil
	}
	if er := c.r.byRes[res]; er != nil {
		return er.info
	}
	return infoOf(res, c.v.c.profiles)
}

// claims tells whether the resource declares url, or a profile derived
// from it. The declared profiles were looked up once, in infoOf: entry
// slicing asks this of every entry for every slice.
func (info *resInfo) claims(url string) bool {
	for i, d := range info.profiles {
		if d == url || info.known[i].derivesFrom(url) {
			return true
		}
	}
	return false
}

// result is the outcome of checking one entry resource on its own, kept
// by the Validator for the next Bundles that carry the same bytes: the
// issues in order, with paths relative to the resource, and the
// references to check against each Bundle in their place.
type result struct {
	info   *resInfo
	events []event
}

// event is an issue (path relative to the resource), or, when rule is
// set, the reference ref to check at path. While the resource is being
// checked, a reference's path and ref are the bytes text[start:mid] and
// text[mid:end] of the run's text (see seal).
type event struct {
	path            string
	is              *Issue
	rule            *rule
	ref             string
	start, mid, end int
}

// seal keeps a copy of the events recorded by the run, at their final
// size, and gives the references their strings, cut from a single copy of
// the run's text: one allocation for all of them, instead of two for each.
func (r *result) seal(events []event, text []byte) {
	if len(events) > 0 {
		r.events = append(make([]event, 0, len(events)), events...)
	}
	s := string(text)
	for i := range r.events {
		if e := &r.events[i]; e.rule != nil {
			e.path, e.ref = s[e.start:e.mid], s[e.mid:e.end]
		}
	}
}

// detach copies what the resource's info reads of its tree, views of the
// parser's buffer, which the next document reuses (see view). The issues'
// strings were copied as they were reported, references by seal.
func (r *result) detach() {
	in := r.info
	out := &resInfo{typ: strings.Clone(in.typ), id: strings.Clone(in.id), hasID: in.hasID}
	out.profiles = out.oneProfile[:0]
	for _, p := range in.profiles {
		out.profiles = append(out.profiles, strings.Clone(p))
	}
	out.known = append(out.oneKnown[:0], in.known...) // not in's array: in views the source
	r.info = out
}

// replay reports a resource's result as entry i of this Bundle: paths
// under prefix, the recorded references resolved in this Bundle.
func (c *run) replay(res *result, i int, fullURL, prefix string) {
	c.atEntry(i, fullURL)
	for _, e := range res.events {
		if e.rule != nil {
			c.path = append(c.path[:0], prefix...)
			c.checkRef(c.path, e.path, e.rule, e.ref)
			continue
		}
		is := *e.is
		is.Path, is.EntryIndex, is.FullURL = prefix+e.path, i, c.keptURL()
		c.rep.Report(is)
	}
}
