package validation

import (
	"regexp"
	"testing"
)

// idShapes are the expressions the scanners of identifier.go replace.
var idShapes = map[string]*regexp.Regexp{
	"idNat_PS": regexp.MustCompile(`^(8[0-9]{11}|[0-9]{11}|0[0-9]{9,})$`),
	"PI":       regexp.MustCompile(`^3([0-9AB]{9})/[^\s/]+$`),
	"SEJOUR":   regexp.MustCompile(`^3([0-9AB]{9})/[^\s/]+-SEJOUR-\S+$`),
	"EVN":      regexp.MustCompile(`^3([0-9AB]{9})/[^\s/]+-EVN-\S+$`),
}

// The scanners accept what the expressions accept, and give their group,
// on valid values and on every one-character change of them.
func TestIdentifierShapesMatchExpressions(t *testing.T) {
	seeds := []string{
		"81234567890", "812345678901", "12345678901", "0123456789", "01234567890123", "8123456789",
		"3480787529/1234", "3480787529/abc", "34807875A9/x", "3480787529/a-SEJOUR-1", "3480787529/a-EVN-1",
		"3480787529/a-EVN-EVN-1", "3480787529/-EVN-1", "3480787529/a-EVN-", "3480787529/a/b-EVN-1", "3480787529/a-EVN-1/2",
		"3480787529/a-SEJOUR-1-SEJOUR-2", "3480787529/é-EVN-\xff", "3480787529/a b-EVN-1", "3480787529/ab-EVN-c d",
		"3480787529", "3480787529/", "",
	}
	alphabet := []byte("0189AB3/-ENVSJOUR x\t\v\xff")
	corpus := oneEditAway(seeds, alphabet)
	rules := map[string]idRule{"idNat_PS": {shape: rppsShape}, "PI": {shape: piShape}, "SEJOUR": business("SEJOUR"), "EVN": business("EVN")}
	for name, re := range idShapes {
		n := 0
		for _, s := range corpus {
			sub := re.FindStringSubmatch(s)
			finess, ok := rules[name].matchShape(s)
			if ok != (sub != nil) {
				t.Errorf("%s %q: got %v, the expression says %v", name, s, ok, sub != nil)
				continue
			}
			if ok && name != "idNat_PS" && finess != sub[1] {
				t.Errorf("%s %q: FINESS %q, the expression's group %q", name, s, finess, sub[1])
			}
			if ok {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no valid value in the corpus", name)
		}
	}
}
