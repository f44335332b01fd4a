package validation

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/valyala/fastjson"
)

// walk visits every value of a resource once: extensions (URL, context,
// definition), primitive formats and identifier values. The run's elem is
// the element path without indices ("Encounter.status"), used for
// extension contexts; key is the JSON key v sits under.
func (c *run) walk(v *fastjson.Value, key string) {
	if v == nil {
		return
	}
	switch v.Type() {
	case fastjson.TypeObject:
		v.GetObject().Visit(c.walkMember)
	case fastjson.TypeArray:
		a, _ := v.Array()
		for i, item := range a {
			mark := len(c.path)
			c.path = append(c.path, '[')
			c.path = strconv.AppendInt(c.path, int64(i), 10)
			c.path = append(c.path, ']')
			c.walk(item, key)
			c.path = c.path[:mark]
		}
	case fastjson.TypeString:
		s, _ := text(v)
		c.format(s, key)
	case fastjson.TypeTrue, fastjson.TypeFalse:
		if t := primitiveType(key); t != "" && t != "boolean" {
			c.report(Error, c.at(), "format", coreSD+"Element", "", v.Type() == fastjson.TypeTrue, t)
		}
	}
}

// walkMember walks the member key of an object.
func (c *run) walkMember(key []byte, val *fastjson.Value) {
	k := view(key)
	if k == "resource" && bytes.HasSuffix(c.elem, []byte("Bundle.entry")) {
		return // entries are validated as resources of their own
	}
	pmark := len(c.path)
	c.path = append(c.path, '.')
	c.path = append(c.path, k...)
	switch k {
	case "extension", "modifierExtension":
		c.extensions(val)
	case "identifier":
		c.identifiers(val)
	}
	emark := len(c.elem)
	c.elem = append(c.elem, '.')
	c.elem = append(c.elem, strings.TrimPrefix(k, "_")...)
	c.walk(val, k)
	c.elem = c.elem[:emark]
	c.path = c.path[:pmark]
}

// extensions checks one extension array sitting on the element c.elem;
// the run's path is the array's.
func (c *run) extensions(v *fastjson.Value) {
	a, _ := items(v)
	for i, m := range a {
		if !isObject(m) {
			continue
		}
		mark := len(c.path)
		c.path = append(c.path, '[')
		c.path = strconv.AppendInt(c.path, int64(i), 10)
		c.path = append(c.path, ']')
		c.extension(m)
		c.path = c.path[:mark]
	}
}

func (c *run) extension(m *fastjson.Value) {
	url, _ := str(m, "url")
	if url == "" {
		c.report(Error, c.at(), "extension.url", coreSD+"Extension", "Extension.url")
		return
	}
	if has(m, "extension") && hasChoiceValue(m) {
		c.report(Error, c.at(), "extension.value", coreSD+"Extension", "ext-1", url)
	}
	def, known := c.v.c.profiles[url]
	switch {
	case known && def.isExt:
		c.extContext(def)
		c.applyProfile(def, m)
	case strings.HasPrefix(url, igSD):
		c.report(Error, c.at(), "extension.unknown", strings.Clone(url), "", url) // the issue outlives the tree
	}
}

func hasChoiceValue(m *fastjson.Value) bool {
	found := false
	members(m, func(k string, _ *fastjson.Value) { found = found || isChoiceKey(k, "value") })
	return found
}

// extContext checks the extension's declared contexts (element paths).
func (c *run) extContext(def *profile) {
	if len(def.context) == 0 {
		return
	}
	for _, ctx := range def.context {
		if ctx == string(c.elem) || ctx == "Element" || ctx == "Resource" || ctx == "DomainResource" {
			return
		}
	}
	c.report(Error, c.at(), "extension.context", def.url, "", def.url, string(c.elem), strings.Join(def.context, ", "))
}
