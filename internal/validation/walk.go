package validation

import (
	"strconv"
	"strings"
)

// walk visits every value of a resource once: extensions (URL, context,
// definition), primitive formats and identifier values. elem is the element
// path without indices ("Encounter.status"), used for extension contexts.
func (c *run) walk(v any, elem, path, key string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if k == "resource" && strings.HasSuffix(elem, "Bundle.entry") {
				continue // entries are validated as resources of their own
			}
			name := strings.TrimPrefix(k, "_")
			sub := elem + "." + name
			p := path + "." + k
			switch k {
			case "extension", "modifierExtension":
				c.extensions(val, elem, p)
			case "identifier":
				c.identifiers(val, p)
			}
			c.walk(val, sub, p, k)
		}
	case []any:
		for i, item := range x {
			c.walk(item, elem, path+"["+strconv.Itoa(i)+"]", key)
		}
	case string:
		c.format(x, key, elem, path)
	case bool:
		if t, ok := primitiveTypes[key]; ok && t != "boolean" {
			c.report(Error, path, "format", coreSD+"Element", "", x, t)
		}
	}
}

// extensions checks one extension array sitting on element elem.
func (c *run) extensions(v any, elem, path string) {
	arr, _ := v.([]any)
	for i, item := range arr {
		m, _ := item.(map[string]any)
		if m == nil {
			continue
		}
		p := path + "[" + strconv.Itoa(i) + "]"
		url, _ := m["url"].(string)
		if url == "" {
			c.report(Error, p, "extension.url", coreSD+"Extension", "Extension.url")
			continue
		}
		if _, sub := m["extension"]; sub && hasChoiceValue(m) {
			c.report(Error, p, "extension.value", coreSD+"Extension", "ext-1", url)
		}
		def, known := c.v.c.profiles[url]
		switch {
		case known && def.isExt:
			c.extContext(def, elem, p)
			c.applyProfile(def, node{v: m, path: p})
		case strings.HasPrefix(url, igSD):
			c.report(Error, p, "extension.unknown", url, "", url)
		}
	}
}

func hasChoiceValue(m map[string]any) bool {
	for k := range m {
		if isChoiceKey(k, "value") {
			return true
		}
	}
	return false
}

// extContext checks the extension's declared contexts (element paths).
func (c *run) extContext(def *profile, elem, path string) {
	if len(def.context) == 0 {
		return
	}
	for _, ctx := range def.context {
		if ctx == elem || ctx == "Element" || ctx == "Resource" || ctx == "DomainResource" {
			return
		}
	}
	c.report(Error, path, "extension.context", def.url, "", def.url, elem, strings.Join(def.context, ", "))
}
