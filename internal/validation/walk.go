package validation

import (
	"bytes"
	"strconv"
	"strings"
)

// walk visits every value of a resource once: extensions (URL, context,
// definition), primitive formats and identifier values. The run's elem is
// the element path without indices ("Encounter.status"), used for
// extension contexts; key is the JSON key v sits under.
func (c *run) walk(v any, key string) {
	switch x := v.(type) {
	case *object:
		for _, p := range x.m {
			k, val := p.k, p.v
			if k == "resource" && bytes.HasSuffix(c.elem, []byte("Bundle.entry")) {
				continue // entries are validated as resources of their own
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
	case *array:
		for i, item := range x.items {
			mark := len(c.path)
			c.path = append(c.path, '[')
			c.path = strconv.AppendInt(c.path, int64(i), 10)
			c.path = append(c.path, ']')
			c.walk(item, key)
			c.path = c.path[:mark]
		}
	case string:
		c.format(x, key)
	case bool:
		if t := primitiveType(key); t != "" && t != "boolean" {
			c.report(Error, c.at(), "format", coreSD+"Element", "", x, t)
		}
	}
}

// extensions checks one extension array sitting on the element c.elem;
// the run's path is the array's.
func (c *run) extensions(v any) {
	arr, _ := itemsOf(v)
	for i, item := range arr {
		m, _ := item.(*object)
		if m == nil {
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

func (c *run) extension(m *object) {
	url, _ := m.str("url")
	if url == "" {
		c.report(Error, c.at(), "extension.url", coreSD+"Extension", "Extension.url")
		return
	}
	if m.has("extension") && hasChoiceValue(m) {
		c.report(Error, c.at(), "extension.value", coreSD+"Extension", "ext-1", url)
	}
	def, known := c.v.c.profiles[url]
	switch {
	case known && def.isExt:
		c.extContext(def)
		c.applyProfile(def, m)
	case strings.HasPrefix(url, igSD):
		c.report(Error, c.at(), "extension.unknown", url, "", url)
	}
}

func hasChoiceValue(m *object) bool {
	for _, p := range m.m {
		if isChoiceKey(p.k, "value") {
			return true
		}
	}
	return false
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
