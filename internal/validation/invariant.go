package validation

import (
	"strconv"

	"github.com/valyala/fastjson"
)

func itoa(i int) string { return strconv.Itoa(i) }

// invariant is one of the IG's FHIRPath constraints, hand-coded (no FHIRPath
// engine here); data/sd names them by key on the element that carries them.
type invariant struct {
	key   string
	human [2]string // fr, en
	check func(root *fastjson.Value, c *run, p *profile, inv invariant)
}

func (inv invariant) run(root *fastjson.Value, c *run, p *profile) { inv.check(root, c, p, inv) }

// invariants by key.
var invariants = map[string]invariant{
	"MatDetailOnlyIfTypeOrg206": {
		key:   "MatDetailOnlyIfTypeOrg206",
		human: [2]string{"TDDUIMaterialDetail n'est admis que si TDDUIRessourceType = ORG-206", "TDDUIMaterialDetail is allowed only when TDDUIRessourceType = ORG-206"},
		check: subExtOnlyIf("TDDUIMaterialDetail", "ORG-206"),
	},
	"FacilityOnlyIfTypeOrg207": {
		key:   "FacilityOnlyIfTypeOrg207",
		human: [2]string{"TDDUIFacilityResource n'est admis que si TDDUIRessourceType = ORG-207", "TDDUIFacilityResource is allowed only when TDDUIRessourceType = ORG-207"},
		check: subExtOnlyIf("TDDUIFacilityResource", "ORG-207"),
	},
}

const ressourcesUsed = igSD + "tddui-ressources-used"

// subExtOnlyIf: inside each tddui-ressources-used extension of the root,
// sub-extension sub may appear only when TDDUIRessourceType has code want.
func subExtOnlyIf(sub, want string) func(*fastjson.Value, *run, *profile, invariant) {
	return func(root *fastjson.Value, c *run, p *profile, inv invariant) {
		var exts [8]kid
		for _, e := range plainKids(exts[:0], root, nil, &extensionSeg) {
			if !isString(get(e.v, "url"), ressourcesUsed) {
				continue
			}
			hasSub, typeOK := false, false
			var subs [8]kid
			for _, s := range plainKids(subs[:0], e.v, e.ext, &extensionSeg) {
				switch u, _ := str(s.v, "url"); u {
				case sub:
					hasSub = true
				case "TDDUIRessourceType":
					var buf [4]coding
					for _, cd := range codings(buf[:0], get(s.v, "valueCodeableConcept")) {
						typeOK = typeOK || cd.Code == want
					}
				}
			}
			if hasSub && !typeOK {
				h := inv.human[0]
				if c.v.en {
					h = inv.human[1]
				}
				c.report(Error, c.atChild(e.key, e.idx), "invariant", p.url, inv.key, inv.key, h)
			}
		}
	}
}
