package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tddui/tddui/templates"
	"github.com/tddui/tddui/templates/generate"
	"github.com/urfave/cli/v2"
)

func init() {
	commands = append(commands, &cli.Command{
		Name:      "template",
		Usage:     "écrit un classeur modèle vide à remplir (Excel, ou un CSV par onglet)",
		ArgsUsage: "<" + strings.Join(templates.Keys(), "|") + ">",
		Description: "Écrit le modèle d'un cas d'usage : un classeur Excel avec un onglet « Lisez-moi »,\n" +
			"un onglet par type de données, des listes déroulantes pour les colonnes codées ;\n" +
			"ou, avec --csv, un fichier CSV (séparateur ;) par onglet.\n\n" +
			"Exemples :\n" +
			"   tddui template ssiad -o modele-ssiad.xlsx\n" +
			"   tddui template ssiad --csv modele-ssiad\n" +
			"   tddui --lang en template ssiad -o template-ssiad.xlsx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "classeur Excel à écrire (par défaut : modele-<modèle>.xlsx)"},
			&cli.StringFlag{Name: "csv", Usage: "dossier où écrire un fichier CSV par onglet (au lieu du classeur, sauf si -o est aussi donné)"},
		},
		Action:          templateAction,
		HideHelpCommand: true, // a leaf command: no "help" subcommand to list
	})
}

// Messages of the command, French by default.
var (
	msgTemplateArg     = [2]string{"indiquez un modèle : %s", "give a template: %s"}
	msgTemplateExtra   = [2]string{"un seul modèle à la fois (reçu : %s)", "one template at a time (got: %s)"}
	msgTemplateUnknown = [2]string{"modèle inconnu %q (modèles : %s)", "unknown template %q (templates: %s)"}
	msgTemplateLang    = [2]string{"langue inconnue %q : fr ou en", "unknown language %q: fr or en"}
	msgTemplateWrote   = [2]string{"Modèle écrit : %s\n", "Template written: %s\n"}
)

func templateText(lang string, m [2]string) string {
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

func templateAction(c *cli.Context) error {
	args, err := interspersedArgs(c)
	if err != nil || args == nil {
		return err
	}
	lang := c.String("lang")
	if lang != "fr" && lang != "en" {
		return fmt.Errorf(templateText("fr", msgTemplateLang), lang)
	}
	known := strings.Join(templates.Keys(), ", ")
	switch {
	case len(args) == 0:
		return fmt.Errorf(templateText(lang, msgTemplateArg), known)
	case len(args) > 1:
		return fmt.Errorf(templateText(lang, msgTemplateExtra), strings.Join(args, " "))
	}
	t, err := templates.Get(args[0])
	if err != nil {
		return fmt.Errorf(templateText(lang, msgTemplateUnknown), args[0], known)
	}
	return writeTemplate(c, t, lang)
}

// writeTemplate writes the CSV files and/or the workbook: the workbook by
// default, CSV alone when only --csv is given.
func writeTemplate(c *cli.Context, t *templates.Template, lang string) error {
	if dir := c.String("csv"); dir != "" {
		if err := generate.WriteCSV(t, dir, lang); err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, templateText(lang, msgTemplateWrote), filepath.Join(dir, "*.csv"))
		if c.String("output") == "" {
			return nil
		}
	}
	out := c.String("output")
	if out == "" {
		out = "modele-" + t.Key + ".xlsx"
	}
	if err := generate.WriteXLSX(t, out, lang); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, templateText(lang, msgTemplateWrote), out)
	return nil
}
