package report

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// summaryText holds the summary's words per language.
var summaryText = map[string]map[string]string{
	"fr": {
		"title": "Conversion de %s", "window": "Fenêtre d'envoi : %s",
		"header":  "Onglet\tlues\tconverties\trejetées\tnon envoyées\thors fenêtre\tinutilisées\t",
		"bundles": "%d bundle(s) écrit(s) dans %s (rapport complet : rapport.json)", "errors": "%d erreur(s), %d avertissement(s) :",
		"more": "  … et %d autre(s) : voir rapport.json", "value": " — valeur « %s »", "expected": " — attendu : %s",
	},
	"en": {
		"title": "Converting %s", "window": "Send window: %s",
		"header":  "Sheet\tread\tconverted\trejected\tnot sent\tout of window\tunused\t",
		"bundles": "%d bundle(s) written to %s (full report: rapport.json)", "errors": "%d error(s), %d warning(s):",
		"more": "  … and %d more: see rapport.json", "value": " — value “%s”", "expected": " — expected: %s",
	},
}

// Summary writes the one-screen summary: counts per sheet, then the first
// problems with their cells.
func (r *Report) Summary(w io.Writer, lang, outDir string, maxIssues int) {
	t, ok := summaryText[lang]
	if !ok {
		t = summaryText["fr"]
	}
	fmt.Fprintf(w, t["title"]+"\n", r.Input)
	if r.Window != "" {
		fmt.Fprintf(w, t["window"]+"\n", r.Window)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, t["header"])
	for _, s := range r.Sheets {
		o := s.Outcomes
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t\n", s.Sheet, s.Read, o[Converted], o[Rejected], o[NotSent], o[OutOfWindow], o[Unused])
	}
	tw.Flush()
	fmt.Fprintf(w, t["bundles"]+"\n", len(r.Bundles), outDir)
	if len(r.Issues) == 0 {
		return
	}
	fmt.Fprintf(w, t["errors"]+"\n", r.Errors(), len(r.Issues)-r.Errors())
	for i, is := range r.Issues {
		if i == maxIssues {
			fmt.Fprintf(w, t["more"]+"\n", len(r.Issues)-maxIssues)
			break
		}
		fmt.Fprintf(w, "  [%s] %s : %s", inLang(lang, string(is.Severity)), is.Where(), inLang(lang, is.Message))
		if is.Value != "" {
			fmt.Fprintf(w, t["value"], is.Value)
		}
		if is.Expected != "" {
			fmt.Fprintf(w, t["expected"], inLang(lang, is.Expected))
		}
		fmt.Fprintln(w)
	}
}
