package validation

import (
	"errors"
	"regexp"

	"github.com/tddui/tddui/internal/identifiant"
)

// idRule: the checks on an identifier value for one system (PROFILES.md §3).
// shape is a regexp whose first group, when present, is a FINESS ET.
type idRule struct {
	label  string
	check  string // "nir", "idnat", "" (shape only)
	shape  *regexp.Regexp
	format string // the format, as the IG writes it, for messages
}

const idProfile = "PROFILES.md §3"

func business(code string) idRule {
	return idRule{label: code, shape: regexp.MustCompile(`^3([0-9AB]{9})/[^\s/]+-` + code + `-\S+$`), format: "3+FINESS/idLocalUsager-" + code + "-num"}
}

// idRules is keyed by identifier system.
var idRules = map[string]idRule{
	identifiant.SysINSNIR:          {label: "INS-NIR", check: "nir"},
	"urn:oid:1.2.250.1.213.1.4.9":  {label: "INS-NIA", check: "nir"},
	"urn:oid:1.2.250.1.213.1.4.10": {label: "INS-NIR-TEST", check: "nir"},
	"urn:oid:1.2.250.1.213.1.4.11": {label: "INS-NIR-DEMO", check: "nir"},
	identifiant.SysIdNatS:          {label: "idNat_Struct", check: "idnat"},
	identifiant.SysIdNatP:          {label: "idNat_PS", shape: regexp.MustCompile(`^(8[0-9]{11}|[0-9]{11}|0[0-9]{9,})$`), format: "RPPS (11 chiffres) ou 8+RPPS"},
	identifiant.SysUsager:          {label: "PI", shape: regexp.MustCompile(`^3([0-9AB]{9})/[^\s/]+$`), format: "3+FINESS/idLocalUsager"},
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
func (c *run) identifiers(v any) {
	arr, ok := v.([]any)
	if !ok {
		arr = []any{v}
	}
	for i, item := range arr {
		m, _ := item.(*object)
		sys, _ := m.str("system")
		val, _ := m.str("value")
		r, known := idRules[sys]
		if !known || val == "" {
			continue
		}
		idx := -1
		if ok {
			idx = i
		}
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
	if r.shape == nil {
		return
	}
	sub := r.shape.FindStringSubmatch(val)
	if sub == nil {
		c.report(Error, p(), "identifier.format", idProfile, "", val, r.format)
		return
	}
	if len(sub) > 1 && sub[1] != "" && r.label != "idNat_PS" {
		if err := identifiant.CheckFINESS(sub[1]); err != nil {
			c.report(Error, p(), "finess", idProfile, "", sub[1], val, err)
		}
	}
}
