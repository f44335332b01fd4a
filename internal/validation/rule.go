package validation

import (
	"strconv"
	"strings"
)

// rule is one compiled differential element: where it applies and what it
// requires there.
type rule struct {
	prof        *profile
	id          string
	segs        []seg
	min         int
	max         int // -1: unbounded or not stated
	maxStr      string
	fixed       *pattern
	pattern     *pattern
	bind        *boundSet
	codes       map[string]bool
	codeList    string
	types       []string // allowed value[x] types
	typeList    string
	targetTypes []string // allowed reference target resource types
	targets     []string // allowed target profiles
}

func compileRule(p *profile, e *element, sets *valueSets) (*rule, error) {
	r := &rule{prof: p, id: e.ID, segs: splitID(e.ID), max: -1}
	if len(r.segs) == 0 {
		return nil, nil
	}
	parts := strings.Split(e.ID, ".")
	for i := range r.segs {
		if r.segs[i].slice != "" && !r.segs[i].choice {
			r.segs[i].match = buildMatcher(p, strings.Join(parts[:i+2], "."))
		}
	}
	useful := false
	if e.Min != nil && *e.Min > 0 {
		r.min, useful = *e.Min, true
	}
	if e.Max != "" && e.Max != "*" {
		n, err := strconv.Atoi(e.Max)
		if err != nil {
			return nil, err
		}
		r.max, r.maxStr, useful = n, e.Max, true
	}
	if e.Fixed != nil {
		r.fixed, useful = compilePattern(e.Fixed), true
	}
	if e.Pattern != nil {
		r.pattern, useful = compilePattern(e.Pattern), true
	}
	if e.Binding != "" {
		r.bind, useful = sets.get(e.Binding), true
	}
	if len(e.Codes) > 0 {
		r.codes, r.codeList, useful = map[string]bool{}, strings.Join(e.Codes, ", "), true
		for _, c := range e.Codes {
			r.codes[c] = true
		}
	}
	last := r.segs[len(r.segs)-1]
	for _, t := range e.Type {
		if last.choice {
			r.types = append(r.types, upperFirst(t.Code))
			useful = true
		}
		for _, tp := range t.TargetProfile {
			r.targets = append(r.targets, stripVersion(tp))
			useful = true
		}
	}
	r.typeList = strings.Join(r.types, ", ")
	if !useful {
		return nil, nil
	}
	return r, nil
}

// resolveTargets maps target profiles to resource types, once all profiles
// are known (FR Core and core FHIR ones by their URL).
func (r *rule) resolveTargets(ps map[string]*profile) {
	for _, t := range r.targets {
		typ := ""
		if p, ok := ps[t]; ok {
			typ = p.typ
		} else if ft, ok := externalTypes[t]; ok {
			typ = ft
		} else if strings.HasPrefix(t, coreSD) {
			typ = strings.TrimPrefix(t, coreSD)
		}
		if typ != "" && !contains(r.targetTypes, typ) {
			r.targetTypes = append(r.targetTypes, typ)
		}
	}
}

const coreSD = "http://hl7.org/fhir/StructureDefinition/"

// externalTypes: profiles outside the IG that references target, and the
// resource type they constrain.
var externalTypes = map[string]string{
	"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-organization":   "Organization",
	"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-related-person": "RelatedPerson",
	"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-appointment":    "Appointment",
	"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-location":       "Location",
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkCard checks the number of values; at gives the i-th (the first
// beyond the maximum is where an excess is reported).
func (r *rule) checkCard(count int, at func(int) kid, last *seg, ctx *run) {
	if count >= r.min && (r.max < 0 || count <= r.max) {
		return
	}
	card := "cardinality"
	if last.slice != "" && !last.choice {
		card = "slice"
	}
	if count < r.min {
		ctx.rule(Error, ctx.atChild(last.name, -1), card+".min", r, r.id, r.min, count)
	}
	if r.max >= 0 && count > r.max {
		k := at(r.max)
		ctx.rule(Error, ctx.atChild(k.key, k.idx), card+".max", r, r.id, r.maxStr, count)
	}
}

// checkValue checks one value; the run's path is the value's.
func (r *rule) checkValue(k kid, last *seg, ctx *run) {
	if r.fixed != nil && !matchesPattern(r.fixed, k.v) {
		ctx.rule(Error, ctx.at(), "fixed", r, r.id, r.fixed.compact())
	}
	if r.pattern != nil && !matchesPattern(r.pattern, k.v) {
		ctx.rule(Error, ctx.at(), "pattern", r, r.id, r.pattern.compact())
	}
	if r.codes != nil {
		if s, ok := text(k.v); ok && !r.codes[s] {
			ctx.rule(Error, ctx.at(), "code", r, s, r.codeList)
		}
	}
	if r.bind != nil {
		r.bind.check(k.v, r, ctx)
	}
	if len(r.types) > 0 && last.choice {
		if t := strings.TrimPrefix(k.key, last.name); !contains(r.types, t) {
			ctx.rule(Error, ctx.at(), "type", r, r.id, t, r.typeList)
		}
	}
	if len(r.targets) > 0 {
		ctx.checkReference(k.v, r)
	}
}
