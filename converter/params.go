package converter

import (
	"fmt"
	"maps"
	"strings"

	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/source"
	"github.com/tddui/tddui/templates"
)

// params are the workbook's settings (Paramètres sheet).
type params struct {
	testData  bool
	usagerKey string
	cas       string
}

// paramValues: the accepted values of each setting.
var paramValues = map[string][]string{
	templates.Fold(templates.ParamTestData):  {"oui", "non"},
	templates.Fold(templates.ParamCleUsager): {"local", "ins"},
	templates.Fold(templates.ParamCas):       {"ssiad", "pp"},
}

func readParams(set *link.Set, rep *report.Report) params {
	p := params{usagerKey: "local"}
	for _, r := range set.Sheets[templates.SheetParametres] {
		name, v := templates.Fold(r.Str("parametre")), strings.ToLower(strings.TrimSpace(r.Str("valeur")))
		allowed, known := paramValues[name]
		switch {
		case !known:
			r.Warn(rep, "parametre", r.Str("parametre"), "réglage inconnu, ignoré")
			continue
		case !contains(allowed, v):
			r.Reject(rep, "valeur", r.Str("valeur"), strings.Join(allowed, " ou "), "valeur de réglage invalide")
			continue
		}
		switch name {
		case templates.Fold(templates.ParamTestData):
			p.testData = v == "oui"
		case templates.Fold(templates.ParamCleUsager):
			p.usagerKey = v
		case templates.Fold(templates.ParamCas):
			p.cas = v
		}
	}
	return p
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// chooseTemplates: --cas, else every template whose own sheets the input
// has (the shared ones, Structure, Usagers or the evaluations, tell
// nothing): a workbook may hold both use cases, each gets its bundles. A
// workbook of evaluations alone is the first use case's that has them (an
// SSIAD sending its grids).
func chooseTemplates(src source.Source, cas string) ([]*templates.Template, error) {
	if cas != "" {
		t, err := templates.Get(cas)
		return []*templates.Template{t}, err
	}
	out := knowing(src, func(k string) bool { return !sharedSheets[k] })
	if len(out) == 0 {
		grids := knowing(src, func(k string) bool { return !entitySheets[k] })
		out = grids[:min(1, len(grids))]
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("aucun onglet reconnu (onglets : %s) : précisez le cas d'usage avec --cas", strings.Join(src.Sheets(), ", "))
	}
	return out, nil
}

// knowing lists the templates that know a sheet of the input that tells.
func knowing(src source.Source, tells func(sheetKey string) bool) []*templates.Template {
	var out []*templates.Template
	for _, k := range templates.Keys() {
		t, _ := templates.Get(k)
		for _, name := range src.Sheets() {
			if s := t.MatchSheet(name); s != nil && tells(s.Key) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// union is the template the input is read with: the sheets of every
// chosen template, each once (the shared ones come from the first).
func union(tpls []*templates.Template) *templates.Template {
	if len(tpls) == 1 {
		return tpls[0]
	}
	u := &templates.Template{}
	for _, t := range tpls {
		u.Key += "+" + t.Key
		for _, s := range t.Sheets {
			if u.Sheet(s.Key) == nil {
				u.Sheets = append(u.Sheets, s)
			}
		}
	}
	u.Key = u.Key[1:]
	return u
}

// entitySheets are the people and the structure every use case has.
var entitySheets = map[string]bool{
	templates.SheetParametres: true, templates.SheetStructure: true, templates.SheetProfessionnels: true,
	templates.SheetUsagers: true, templates.SheetContacts: true, templates.SheetDocuments: true,
}

// sharedSheets are the sheets of every use case: the entities and the
// evaluation grids (a usager's evaluations go with its SSIAD stays as
// with its projets).
var sharedSheets = func() map[string]bool {
	m := maps.Clone(entitySheets)
	for _, g := range templates.EvaluationGrids {
		m[g.Sheet] = true
	}
	return m
}()
