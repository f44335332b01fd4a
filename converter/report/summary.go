package report

import (
	"fmt"
	"io"
)

// summaryText holds the summary's words per language.
var summaryText = map[string]map[string]string{
	"fr": {
		"title": "Conversion de %s", "sheet": "  %-16s %6d lue(s)  %6d convertie(s)  %6d rejetée(s)  %6d non envoyée(s)  %6d hors fenêtre  %6d inutilisée(s)\n",
		"bundles": "%d bundle(s) écrit(s) dans %s", "errors": "%d erreur(s), %d avertissement(s) :", "more": "  … et %d autre(s) : voir %s",
		"window": "Fenêtre d'envoi : %s",
	},
	"en": {
		"title": "Converting %s", "sheet": "  %-16s %6d read  %6d converted  %6d rejected  %6d not sent  %6d out of window  %6d unused\n",
		"bundles": "%d bundle(s) written to %s", "errors": "%d error(s), %d warning(s):", "more": "  … and %d more: see %s",
		"window": "Send window: %s",
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
	sheets := r.Sheets
	for _, s := range sheets {
		o := s.Outcomes
		fmt.Fprintf(w, t["sheet"], s.Sheet, s.Read, o[Converted], o[Rejected], o[NotSent], o[OutOfWindow], o[Unused])
	}
	fmt.Fprintf(w, t["bundles"]+"\n", len(r.Bundles), outDir)
	warnings := len(r.Issues) - r.Errors()
	if len(r.Issues) == 0 {
		return
	}
	fmt.Fprintf(w, t["errors"]+"\n", r.Errors(), warnings)
	for i, is := range r.Issues {
		if i == maxIssues {
			fmt.Fprintf(w, t["more"]+"\n", len(r.Issues)-maxIssues, "rapport.json")
			break
		}
		fmt.Fprintf(w, "  [%s] %s : %s", is.Severity, is.Where(), is.Message)
		if is.Value != "" {
			fmt.Fprintf(w, " — valeur « %s »", is.Value)
		}
		if is.Expected != "" {
			fmt.Fprintf(w, " — attendu : %s", is.Expected)
		}
		fmt.Fprintln(w)
	}
}
