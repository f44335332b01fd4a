package generate

import "github.com/tddui/tddui/templates"

// parametresRows are the pre-filled (Paramètre, Valeur) rows: the safe
// defaults, so that a user who never opens the sheet gets real (not test)
// identities, local business ids, and the use case of the template. The
// setting names stay French in every language: they are data the reader
// matches, not labels.
func parametresRows(t *templates.Template) [][]string {
	return [][]string{
		{templates.ParamTestData, "non"},
		{templates.ParamCleUsager, "local"},
		{templates.ParamCas, t.Key},
	}
}
