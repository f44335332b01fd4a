package validation

import "strings"

// bundleIndex resolves references inside a Bundle: by fullUrl (urn:uuid or
// absolute) and by Type/id.
type bundleIndex struct {
	byURL    map[string]map[string]any
	byTypeID map[string]map[string]any
}

func newBundleIndex(entries []any) *bundleIndex {
	ix := &bundleIndex{byURL: map[string]map[string]any{}, byTypeID: map[string]map[string]any{}}
	for _, e := range entries {
		em, _ := e.(map[string]any)
		res, _ := em["resource"].(map[string]any)
		if res == nil {
			continue
		}
		if u, ok := em["fullUrl"].(string); ok {
			ix.byURL[u] = res
		}
		t, _ := res["resourceType"].(string)
		if id, ok := res["id"].(string); ok {
			ix.byTypeID[t+"/"+id] = res
		}
	}
	return ix
}

func (ix *bundleIndex) resolve(ref string) map[string]any {
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
	parts := strings.Split(ref, "/")
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-2] + "/" + parts[len(parts)-1]
}

// checkReference checks the target's type and declared profiles.
func (c *run) checkReference(k node, r *rule) {
	m, _ := k.v.(map[string]any)
	ref, _ := m["reference"].(string)
	if ref == "" {
		return
	}
	p := k.path + ".reference"
	var target map[string]any
	if c.bundle != nil {
		target = c.bundle.resolve(ref)
	}
	if target == nil {
		if c.bundle != nil {
			sev := Warning
			if strings.HasPrefix(ref, "urn:") || strings.HasPrefix(ref, "#") {
				sev = Error // can only point inside the Bundle
			}
			c.rule(sev, p, "reference.unresolved", r, ref)
		}
		if t := strings.Split(typeID(ref), "/")[0]; t != "" && len(r.targetTypes) > 0 && !contains(r.targetTypes, t) {
			c.rule(Error, p, "reference.type", r, t, strings.Join(r.targetTypes, ", "))
		}
		return
	}
	t, _ := target["resourceType"].(string)
	if len(r.targetTypes) > 0 && !contains(r.targetTypes, t) {
		c.rule(Error, p, "reference.type", r, t, strings.Join(r.targetTypes, ", "))
		return
	}
	declared := declaredProfiles(target)
	if len(declared) == 0 {
		return // nothing declared: only the type can be checked
	}
	for _, tp := range r.targets {
		if tp == coreSD+t || c.v.declares(target, tp) {
			return
		}
	}
	c.rule(Error, p, "reference.profile", r, ref, strings.Join(r.targets, ", "))
}

func declaredProfiles(res map[string]any) []string {
	meta, _ := res["meta"].(map[string]any)
	arr, _ := meta["profile"].([]any)
	out := make([]string, 0, len(arr))
	for _, p := range arr {
		if s, ok := p.(string); ok {
			out = append(out, stripVersion(s))
		}
	}
	return out
}

// declares tells whether the resource claims url, or a profile derived from it.
func (v *Validator) declares(res map[string]any, url string) bool {
	for _, d := range declaredProfiles(res) {
		if d == url {
			return true
		}
		if p, ok := v.c.profiles[d]; ok && p.derivesFrom(url) {
			return true
		}
	}
	return false
}
