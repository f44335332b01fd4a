package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/tddui/tddui/samples/synth"
	"github.com/tddui/tddui/templates"
)

func init() {
	commands = append(commands, &cli.Command{
		Name:      "samples",
		Usage:     "génère un jeu de données fictif, réaliste et valide (tests, mesures de performance)",
		ArgsUsage: "<" + strings.Join(templates.Keys(), "|") + ">",
		Description: "Écrit, au format du modèle, un jeu de données d'usagers fictifs : noms et communes français,\n" +
			"NIR à clé valide, séjours, événements répartis sur les semaines, transports, contacts, projets.\n" +
			"La même graine donne les mêmes octets. Données de test : à ne jamais envoyer en production.\n\n" +
			"Exemples :\n" +
			"   tddui samples ssiad --usagers 200 --semaines 5 -o jeu-ssiad.xlsx\n" +
			"   tddui samples pp --usagers 50 --graine 7 -o jeu-pp   (un CSV par onglet)",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "usagers", Value: 50, Usage: "nombre d'usagers"},
			&cli.IntFlag{Name: "semaines", Value: 5, Usage: "semaines d'agenda, jusqu'au " + synth.DefaultEnd.Format("02/01/2006")},
			&cli.Uint64Flag{Name: "graine", Value: 1, Usage: "graine du générateur"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "classeur .xlsx, ou dossier où écrire un CSV par onglet (par défaut : jeu-<modèle>.xlsx)"},
		},
		Action:          samplesAction,
		HideHelpCommand: true,
	})
}

var (
	msgSamplesWrote = [2]string{"Jeu de données écrit : %s\n", "Data set written: %s\n"}
	msgSamplesTotal = [2]string{"  Total\t%d lignes\n", "  Total\t%d rows\n"}
	msgSamplesRows  = [2]string{"  %s\t%d\n", "  %s\t%d\n"}
)

func samplesAction(c *cli.Context) error {
	args, err := interspersedArgs(c)
	if err != nil || args == nil {
		return err
	}
	lang := c.String("lang")
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
	g, err := synth.New(synth.Options{Template: t, Usagers: c.Int("usagers"), Weeks: c.Int("semaines"), Seed: c.Uint64("graine")})
	if err != nil {
		return err
	}
	out := c.String("output")
	if out == "" {
		out = "jeu-" + t.Key + ".xlsx"
	}
	counts, err := synth.Write(g, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, templateText(lang, msgSamplesWrote), out)
	tw, total := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0), 0
	for _, n := range counts {
		fmt.Fprintf(tw, templateText(lang, msgSamplesRows), n.Sheet, n.Rows)
		total += n.Rows
	}
	fmt.Fprintf(tw, templateText(lang, msgSamplesTotal), total)
	return tw.Flush()
}
