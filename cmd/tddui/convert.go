package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/sink"
)

func init() { commands = append(commands, convertCommand()) }

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convertit un classeur .xlsx ou un dossier de fichiers CSV en Bundles FHIR TDDUI",
		ArgsUsage: "ENTREE",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "sortie", Aliases: []string{"o"}, Value: "sortie", Usage: "dossier où écrire les bundles et rapport.json"},
			&cli.StringFlag{Name: "cas", Usage: "cas d'usage : ssiad ou pp (par défaut : d'après les onglets)"},
			&cli.StringFlag{Name: "encodage", Usage: "encodage des CSV : utf-8 ou windows-1252 (par défaut : détecté)"},
			&cli.BoolFlag{Name: "donnees-test", Usage: "identités de test : une clé NIR/INS fausse n'est qu'un avertissement"},
			&cli.StringFlag{Name: "request-url", Value: "type", Usage: "entry.request.url : type (Patient…) ou profil (TDDUIPatientINS…, comme les exemples du guide)"},
			&cli.StringFlag{Name: "du", Usage: "début de la fenêtre d'envoi (JJ/MM/AAAA)"},
			&cli.StringFlag{Name: "au", Usage: "fin de la fenêtre d'envoi (JJ/MM/AAAA) ; par défaut les 5 semaines jusqu'au dernier événement"},
			&cli.BoolFlag{Name: "decouper", Usage: "migration : tout l'historique, en fenêtres successives de 5 semaines (un bundle chacune)"},
			&cli.BoolFlag{Name: "strict", Usage: "à la moindre erreur, n'écrire aucun bundle"},
			&cli.BoolFlag{Name: "indente", Usage: "bundles indentés, lisibles (par défaut : JSON compact, plus léger)"},
			&cli.BoolFlag{Name: "sans-validation", Usage: "ne pas valider les bundles contre le guide TDDUI avant de les écrire"},
			&cli.IntFlag{Name: "memoire", Value: defaultMemoryMB, Usage: "mémoire visée en Mo (limite souple : au-delà, Go récupère la mémoire plus souvent) ; 0 : sans limite ; la variable GOMEMLIMIT, si elle est posée, l'emporte"},
			&cli.BoolFlag{Name: "annoter", Usage: "classeur .xlsx : écrire aussi une copie où chaque cellule en erreur est colorée et commentée"},
		}, sendFlags()...),
		Action: func(c *cli.Context) error { return sendConverted(c, runConvert(c)) },
	}
}

func runConvert(c *cli.Context) error {
	args, err := interspersedArgs(c)
	if err != nil || args == nil {
		return err
	}
	if len(args) != 1 {
		return fmt.Errorf("convert attend un classeur .xlsx ou un dossier CSV (tddui convert ENTREE -o SORTIE)")
	}
	opt := converter.Options{
		Input: args[0], OutDir: c.String("sortie"), Case: c.String("cas"), Encoding: c.String("encodage"),
		TestData: c.Bool("donnees-test"), RequestURL: bundle.RequestURL(c.String("request-url")),
		Split: c.Bool("decouper"), Strict: c.Bool("strict"), NoValidate: c.Bool("sans-validation"), Indent: c.Bool("indente"),
	}
	limitMemory(c.Int("memoire"))
	if opt.RequestURL != bundle.ByType && opt.RequestURL != bundle.ByProfile {
		return fmt.Errorf("--request-url : type ou profil attendu, pas %q", opt.RequestURL)
	}
	if opt.From, err = flagDate(c, "du"); err != nil {
		return err
	}
	if opt.To, err = flagDate(c, "au"); err != nil {
		return err
	}
	if opt.Split && (!opt.From.IsZero() || !opt.To.IsZero()) {
		return fmt.Errorf("--decouper couvre tout l'historique : pas de --du ni --au avec lui")
	}
	if p := newProgress(lang(c)); p != nil {
		opt.Progress = p
		defer p.finish()
	}
	rep, err := converter.Convert(opt)
	if err != nil {
		return err
	}
	rep.Summary(os.Stderr, lang(c), opt.OutDir, 20)
	if c.Bool("annoter") && len(rep.Issues) > 0 {
		if filepath.Ext(opt.Input) != ".xlsx" {
			return fmt.Errorf("--annoter : seulement pour un classeur .xlsx")
		}
		name, err := sink.Annotate(opt.Input, opt.OutDir, rep.Issues)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "Classeur annoté : %s\n", filepath.Join(opt.OutDir, name))
	}
	if rep.Rejected() > 0 || rep.Errors() > 0 {
		return errRejected
	}
	return nil
}

func flagDate(c *cli.Context, name string) (time.Time, error) {
	s := c.String(name)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range []string{"02/01/2006", "2006-01-02"} {
		if t, err := time.ParseInLocation(l, s, record.Paris); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--%s : date JJ/MM/AAAA attendue, pas %q", name, s)
}

// lang is the root --lang flag.
func lang(c *cli.Context) string {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("lang") {
			return ctx.String("lang")
		}
	}
	return "fr"
}
