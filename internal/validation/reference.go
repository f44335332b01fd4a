package validation

import (
	"strings"

	"github.com/valyala/fastjson"
)

// bundleIndex resolves references inside a Bundle: by fullUrl (urn:uuid or
// absolute) and by Type/id. It keeps of each entry only what a reference
// check reads: its type and declared profiles.
type bundleIndex struct {
	byURL    map[string]*resInfo
	byTypeID map[string]*resInfo
}

func (c *run) newBundleIndex(entries []*fastjson.Value) *bundleIndex {
	ix := &bundleIndex{byURL: make(map[string]*resInfo, len(entries)), byTypeID: make(map[string]*resInfo, len(entries))}
	for _, em := range entries {
		info := c.resInfo(get(em, "resource"))
		if info == nil {
			continue
		}
		if u, ok := str(em, "fullUrl"); ok {
			ix.byURL[u] = info
		}
		if info.hasID {
			ix.byTypeID[info.typ+"/"+info.id] = info
		}
	}
	return ix
}

func (ix *bundleIndex) resolve(ref string) *resInfo {
	if r, ok := ix.byURL[ref]; ok {
		return r
	}
	if r, ok := ix.byTypeID[typeID(ref)]; ok {
		return r
	}
	return nil
}

// typeID keeps the last "Type/id" of a relative or absolute reference.
func typeID(ref string) string {
	i := strings.LastIndexByte(ref, '/')
	if i < 0 {
		return ""
	}
	return ref[strings.LastIndexByte(ref[:i], '/')+1:]
}

// checkReference checks the target's type and declared profiles. The
// target is an entry of the Bundle: inside an entry resource, whose issues
// the Validator remembers for the next Bundles, the check is recorded and
// runs against each Bundle (see run.replay).
func (c *run) checkReference(v *fastjson.Value, r *rule) {
	ref, _ := str(v, "reference")
	if ref == "" {
		return
	}
	mark := len(c.path)
	c.path = append(c.path, ".reference"...)
	if c.rec != nil {
		start := len(c.text)
		c.text = append(c.text, c.path[c.base:]...)
		mid := len(c.text)
		c.text = append(c.text, ref...)
		c.events = append(c.events, event{rule: r, start: start, mid: mid, end: len(c.text)})
	} else {
		c.checkRef(c.path, "", r, ref)
	}
	c.pop(mark)
}

// checkRef checks reference ref found at path prefix+rel against the
// Bundle; the path is spelled out only for an issue (most references
// resolve: a string per reference was a fifth of a run's allocations).
func (c *run) checkRef(prefix []byte, rel string, r *rule, ref string) {
	var target *resInfo
	if c.bundle != nil {
		target = c.bundle.resolve(ref)
	}
	if target == nil {
		if c.bundle != nil {
			sev := Warning
			if strings.HasPrefix(ref, "urn:") || strings.HasPrefix(ref, "#") {
				sev = Error // can only point inside the Bundle
			}
			c.rule(sev, string(prefix)+rel, "reference.unresolved", r, ref)
		}
		t, _, _ := strings.Cut(typeID(ref), "/")
		if t != "" && len(r.targetTypes) > 0 && !contains(r.targetTypes, t) {
			c.rule(Error, string(prefix)+rel, "reference.type", r, t, strings.Join(r.targetTypes, ", "))
		}
		return
	}
	t := target.typ
	if len(r.targetTypes) > 0 && !contains(r.targetTypes, t) {
		c.rule(Error, string(prefix)+rel, "reference.type", r, t, strings.Join(r.targetTypes, ", "))
		return
	}
	if len(target.profiles) == 0 {
		return // nothing declared: only the type can be checked
	}
	for _, tp := range r.targets {
		if (strings.HasPrefix(tp, coreSD) && tp[len(coreSD):] == t) || target.claims(tp) {
			return
		}
	}
	c.rule(Error, string(prefix)+rel, "reference.profile", r, ref, strings.Join(r.targets, ", "))
}

// declaredProfiles appends meta.profile, versions stripped, to out.
func declaredProfiles(out []string, res *fastjson.Value) []string {
	for _, p := range arr(obj(res, "meta"), "profile") {
		if s, ok := text(p); ok {
			out = append(out, stripVersion(s))
		}
	}
	return out
}

// declares tells whether an entry's resource claims url, or a profile
// derived from it.
func (c *run) declares(res *fastjson.Value, url string) bool {
	if info := c.resInfo(res); info != nil {
		return info.claims(url)
	}
	return false
}
