package terminology

import "strings"

// Fold normalises a label for matching: lower case, no accents, single
// spaces, no surrounding punctuation. It lives here, below both the
// templates and the questionnaire engine, so that headers, codes and
// answers are matched by one rule.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if f, ok := unaccent[r]; ok {
			r = f
		}
		switch {
		case r == ' ' || r == '_' || r == '-' || r == '\u00a0' || r == '\'' || r == '’':
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

var unaccent = map[rune]rune{
	'à': 'a', 'â': 'a', 'ä': 'a', 'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'î': 'i', 'ï': 'i', 'ô': 'o', 'ö': 'o', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ÿ': 'y', '°': 'o',
}
