package validation

import (
	"regexp"
	"testing"
)

// r4Formats are the R4 expressions the scanners of primitive.go replace.
var r4Formats = map[string]*regexp.Regexp{
	"date":     regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$`),
	"dateTime": regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$`),
	"instant":  regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$`),
	"id":       regexp.MustCompile(`^[A-Za-z0-9\-\.]{1,64}$`),
	"code":     regexp.MustCompile(`^[^\s]+( [^\s]+)*$`),
	"uri":      regexp.MustCompile(`^\S+$`),
}

// The scanners accept exactly what the R4 expressions accept, on valid
// values and on every one-character change (replaced, removed, inserted)
// of them.
func TestPrimitiveFormatsMatchR4Expressions(t *testing.T) {
	seeds := []string{
		"2024", "2024-03", "2024-03-15", "0001-01-01", "0000", "1000", "0100", "0010", "9999-12-31",
		"2024-03-15T10:30:00Z", "2024-03-15T23:59:60+14:00", "2024-03-15T00:00:00.123-13:59", "2024-02-30T24:00:00+01:00",
		"2024-03-15T10:30:00.5+02:00", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-00",
		"abc-DEF.123", "a", "urn:uuid:0b7a", "http://x.y/z", "ORG-206", "a b", "a  b", " a", "a ", "\tx",
		"é", "caf\xff", "", "1234567890123456789012345678901234567890123456789012345678901234",
	}
	alphabet := []byte("0123456789-:.TZ+ aA\t\n\f\r\v/é\xff")
	corpus := oneEditAway(seeds, alphabet)
	corpus = append(corpus, string(make([]byte, 65)), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	for typ, re := range r4Formats {
		n := 0
		for _, s := range corpus {
			want := re.MatchString(s)
			if got := validFormat(typ, s); got != want {
				t.Errorf("%s %q: got %v, R4 expression says %v", typ, s, got, want)
			}
			if want {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no valid value in the corpus", typ)
		}
	}
}

// hasSpace finds a white space wherever it sits, and only those.
func TestHasSpace(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 20; pos++ {
			b := []byte("http://example.org/a-long-path")
			b[pos] = byte(c)
			want := c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
			if got := hasSpace(string(b)); got != want {
				t.Fatalf("byte %#x at %d: %v, want %v", c, pos, got, want)
			}
		}
	}
}

// oneEditAway is every seed and every string one edit from it: a byte
// removed, or a byte of alphabet inserted or put in its place. The
// checks compared with a regular expression meet their edge cases there.
func oneEditAway(seeds []string, alphabet []byte) []string {
	var corpus []string
	for _, s := range seeds {
		corpus = append(corpus, s)
		for i := 0; i <= len(s); i++ {
			if i < len(s) {
				corpus = append(corpus, s[:i]+s[i+1:])
			}
			for _, c := range alphabet {
				corpus = append(corpus, s[:i]+string(c)+s[i:])
				if i < len(s) {
					corpus = append(corpus, s[:i]+string(c)+s[i+1:])
				}
			}
		}
	}
	return corpus
}
