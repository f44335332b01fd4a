package synth

import (
	"embed"
	"strings"
)

// The name and place lists are data files, not code: common French family
// and given names (given names by generation: the usagers of an SSIAD were
// born between the 1920s and the 1960s, their carers and children later),
// street names, and communes with their INSEE and postal codes.
//
//go:embed data/*.txt data/*.tsv
var dataFS embed.FS

// commune is a French commune: the INSEE code gives the NIR's birth place
// digits (department, then commune), the postal code the address.
type commune struct{ insee, postal, name string }

// dept is the department part of the INSEE code (2A/2B for Corsica, the
// first two digits of an overseas code as the NIR writes them).
func (c commune) dept() string { return c.insee[:2] }

var (
	familyNames   = lines("noms.txt")
	oldWomen      = lines("prenoms-femmes-agees.txt")
	oldMen        = lines("prenoms-hommes-ages.txt")
	youngWomen    = lines("prenoms-femmes.txt")
	youngMen      = lines("prenoms-hommes.txt")
	streets       = lines("voies.txt")
	communes      = loadCommunes()
	mainlandTowns = filterCommunes(func(c commune) bool { return c.dept() != "2A" && c.dept() != "2B" && c.insee < "97" })
)

// lines reads a list, one entry a line, dropping blanks, comments and
// repeats (the order is kept: it is part of what a seed reproduces).
func lines(name string) []string {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(err) // embedded: a missing file is a build defect
	}
	seen := map[string]bool{}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || seen[l] {
			continue
		}
		seen[l] = true
		out = append(out, l)
	}
	return out
}

func loadCommunes() []commune {
	var out []commune
	for _, l := range lines("communes.tsv") {
		f := strings.Split(l, "\t")
		if len(f) != 3 || len(f[0]) != 5 || len(f[1]) != 5 {
			panic("communes.tsv: " + l)
		}
		out = append(out, commune{f[0], f[1], f[2]})
	}
	return out
}

// filterCommunes keeps the communes keep accepts.
func filterCommunes(keep func(commune) bool) []commune {
	var out []commune
	for _, c := range communes {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}
