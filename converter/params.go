package converter

import (
	"fmt"
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

// chooseTemplate: --cas, else the template whose own sheets the input has
// (the shared ones, Structure or Usagers, tell nothing).
func chooseTemplate(src source.Source, cas string) (*templates.Template, error) {
	if cas != "" {
		return templates.Get(cas)
	}
	best, score := (*templates.Template)(nil), 0
	for _, k := range templates.Keys() {
		t, _ := templates.Get(k)
		n := 0
		for _, name := range src.Sheets() {
			if s := t.MatchSheet(name); s != nil && !sharedSheets[s.Key] {
				n++
			}
		}
		if n > score {
			best, score = t, n
		}
	}
	if best == nil {
		return nil, fmt.Errorf("aucun onglet reconnu (onglets : %s) : précisez le cas d'usage avec --cas", strings.Join(src.Sheets(), ", "))
	}
	return best, nil
}

var sharedSheets = map[string]bool{
	templates.SheetParametres: true, templates.SheetStructure: true, templates.SheetProfessionnels: true,
	templates.SheetUsagers: true, templates.SheetContacts: true, templates.SheetDocuments: true,
}
