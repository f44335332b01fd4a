package validation

import (
	"errors"
	"strings"

	"github.com/tddui/tddui/internal/identifiant"
	"github.com/valyala/fastjson"
)

// idRule: the checks on an identifier value for one system (PROFILES.md §3).
type idRule struct {
	label  string
	check  string // "nir", "idnat", "" (shape only)
	shape  idShape
	mid    string // businessShape: "-" + code + "-"
	format string // the format, as the IG writes it, for messages
}

// idShape is the form of a value, as a hand-written scanner (the regexps
// took a twentieth of the validation time); identifier_test.go checks each
// against its expression:
//
//	rppsShape      ^(8[0-9]{11}|[0-9]{11}|0[0-9]{9,})$
//	piShape        ^3([0-9AB]{9})/[^\s/]+$
//	businessShape  ^3([0-9AB]{9})/[^\s/]+-CODE-\S+$
//
// The group, where there is one, is a FINESS ET.
type idShape int

const (
	anyShape idShape = iota
	rppsShape
	piShape
	businessShape
)

const idProfile = "PROFILES.md §3"

func business(code string) idRule {
	return idRule{label: code, shape: businessShape, mid: "-" + code + "-", format: "3+FINESS/idLocalUsager-" + code + "-num"}
}

// idRules is keyed by identifier system.
var idRules = map[string]idRule{
	identifiant.SysINSNIR:          {label: "INS-NIR", check: "nir"},
	"urn:oid:1.2.250.1.213.1.4.9":  {label: "INS-NIA", check: "nir"},
	"urn:oid:1.2.250.1.213.1.4.10": {label: "INS-NIR-TEST", check: "nir"},
	"urn:oid:1.2.250.1.213.1.4.11": {label: "INS-NIR-DEMO", check: "nir"},
	identifiant.SysIdNatS:          {label: "idNat_Struct", check: "idnat"},
	identifiant.SysIdNatP:          {label: "idNat_PS", shape: rppsShape, format: "RPPS (11 chiffres) ou 8+RPPS"},
	identifiant.SysUsager:          {label: "PI", shape: piShape, format: "3+FINESS/idLocalUsager"},
	identifiant.SysSejour:          business("SEJOUR"),
	identifiant.SysEvenement:       business("EVN"),
	identifiant.SysEvaluation:      business("EVAL"),
	identifiant.SysTransportPr:     business("TPPro"),
	identifiant.SysTransportUs:     business("TPPat"),
	identifiant.SysProjet:          business("PPER"),
	identifiant.SysAttente:         business("ATTE"),
	identifiant.SysObjectif:        business("OBJE"),
	identifiant.SysBesoin:          business("BESO"),
	identifiant.SysAction:          business("ACTI"),
	identifiant.SysMoyen:           business("MORE"),
	identifiant.SysPrestation:      business("PRES"),
	identifiant.SysBilan:           business("BILA"),
}

// identifiers checks the values of an identifier array against idRules;
// the run's path is the array's.
func (c *run) identifiers(v *fastjson.Value) {
	a, ok := items(v)
	if !ok {
		c.identifierValue(v, -1)
		return
	}
	for i, m := range a {
		c.identifierValue(m, i)
	}
}

// identifierValue checks the value of identifier m, at idx in its array.
func (c *run) identifierValue(m *fastjson.Value, idx int) {
	sys, _ := str(m, "system")
	val, _ := str(m, "value")
	if r, known := idRules[sys]; known && val != "" {
		c.identifier(r, val, idx)
	}
}

// identifier checks one value; idx is its place in the array, -1 if the
// identifier is not an array. Paths are spelled out only for an issue.
func (c *run) identifier(r idRule, val string, idx int) {
	p := func() string {
		if idx < 0 {
			return c.at() + ".value"
		}
		return c.at() + "[" + itoa(idx) + "].value"
	}
	switch r.check {
	case "nir":
		if err := identifiant.CheckNIR(val); err != nil {
			if errors.Is(err, identifiant.ErrCle) && c.v.opts.TestData {
				c.report(Warning, p(), "nir.key", idProfile, "", r.label, val, err)
			} else {
				c.report(Error, p(), "nir", idProfile, "", r.label, val, err)
			}
		}
	case "idnat":
		if err := identifiant.CheckIdNatStruct(val); err != nil {
			c.report(Error, p(), "idnat", idProfile, "", val, err)
		}
	}
	finess, ok := r.matchShape(val)
	if !ok {
		c.report(Error, p(), "identifier.format", idProfile, "", val, r.format)
		return
	}
	if finess != "" {
		if err := identifiant.CheckFINESS(finess); err != nil {
			c.report(Error, p(), "finess", idProfile, "", finess, val, err)
		}
	}
}

// matchShape tells whether v has the rule's shape, and gives the FINESS ET
// it starts with, if the shape has one.
func (r idRule) matchShape(v string) (finess string, ok bool) {
	switch r.shape {
	case rppsShape:
		return "", allDigits(v) && (len(v) == 11 || len(v) == 12 && v[0] == '8' || len(v) >= 10 && v[0] == '0')
	case piShape, businessShape:
		if len(v) < 11 || v[0] != '3' || !finessET(v[1:10]) || v[10] != '/' {
			return "", false
		}
		local := v[11:]
		if r.shape == piShape {
			return v[1:10], local != "" && !hasSpace(local) && !strings.Contains(local, "/")
		}
		return v[1:10], businessLocal(local, r.mid)
	}
	return "", true
}

// businessLocal: after "3+FINESS/", a part without "/", then mid, then a
// non-empty rest, all without white space. The first mid after the first
// byte is the one to try: a later one leaves less for the rest and more
// for the part.
func businessLocal(s, mid string) bool {
	if len(s) < 2 || hasSpace(s) {
		return false
	}
	j := strings.Index(s[1:], mid) + 1
	return j > 0 && !strings.Contains(s[:j], "/") && j+len(mid) < len(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !digit(s[i]) {
			return false
		}
	}
	return true
}

// finessET: nine characters of [0-9AB] (the FINESS key is checked apart).
func finessET(s string) bool {
	for i := 0; i < len(s); i++ {
		if !digit(s[i]) && s[i] != 'A' && s[i] != 'B' {
			return false
		}
	}
	return true
}
