package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/tddui/tddui/internal/envoi"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func init() { commands = append(commands, postCommand()) }

func postCommand() *cli.Command {
	return &cli.Command{
		Name:      "post",
		Usage:     "envoie les lots (Bundles transaction) à un serveur FHIR",
		ArgsUsage: "DOSSIER|FICHIER...",
		Flags:     postFlags(true),
		Action:    postAction,
	}
}

// postFlags are the sending flags; convert --envoyer reuses them without
// --serveur (its URL is --envoyer's value).
func postFlags(withServer bool) []cli.Flag {
	f := []cli.Flag{
		&cli.StringFlag{Name: "mode", Value: "post", Usage: "post (transaction du guide) ou upsert (mises à jour conditionnelles sur l'identifiant métier, pour un serveur FHIR générique)"},
		&cli.IntFlag{Name: "paralleles", Value: 4, Usage: "lots envoyés en même temps"},
		&cli.DurationFlag{Name: "delai", Value: 2 * time.Minute, Usage: "délai maximal d'une tentative"},
		&cli.IntFlag{Name: "essais", Value: 5, Usage: "nouvelles tentatives après un échec réseau, 429 ou 5xx"},
		&cli.StringFlag{Name: "jeton-env", Value: "TDDUI_JETON", Usage: "variable d'environnement qui contient le jeton (Bearer)"},
		&cli.StringFlag{Name: "jeton-fichier", Usage: "fichier qui contient le jeton (Bearer) ; prioritaire sur --jeton-env"},
		&cli.StringFlag{Name: "cert", Usage: "certificat client PEM (TLS mutuel)"},
		&cli.StringFlag{Name: "cle", Usage: "clé privée PEM du certificat client"},
		&cli.StringFlag{Name: "ca", Usage: "autorités de certification PEM du serveur (remplacent celles du système)"},
		&cli.StringFlag{Name: "journal", Usage: "journal des envois (défaut : DOSSIER/envoi.jsonl)"},
		&cli.BoolFlag{Name: "dry-run", Usage: "affiche ce qui serait envoyé, sans rien envoyer"},
		&cli.BoolFlag{Name: "renvoyer-incertains", Usage: "renvoie un lot peut-être déjà enregistré quand le serveur ne permet pas de le vérifier (risque de doublon)"},
	}
	if withServer {
		f = append([]cli.Flag{&cli.StringFlag{Name: "serveur", Required: true, Usage: "URL de base du serveur FHIR"}}, f...)
	}
	return f
}

func postAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return fmt.Errorf("post : indiquer le dossier de sortie ou les fichiers de lots")
	}
	files, err := envoi.BundleFiles(c.Args().Slice())
	if err != nil {
		return err
	}
	return sendBundles(c, c.String("serveur"), files, c.Args().Slice())
}

// sendBundles runs the sender with the flags of c and maps its summary to
// the exit codes: 1 if a bundle was rejected, 2 if some could not be sent.
func sendBundles(c *cli.Context, server string, files, args []string) error {
	tok, err := envoi.ReadToken(c.String("jeton-env"), c.String("jeton-fichier"))
	if err != nil {
		return err
	}
	opt := envoi.Options{
		Server: server, Mode: envoi.Mode(c.String("mode")), Parallel: c.Int("paralleles"),
		Timeout: c.Duration("delai"), Retries: c.Int("essais"), Token: tok,
		CertFile: c.String("cert"), KeyFile: c.String("cle"), CAFile: c.String("ca"),
		Journal: c.String("journal"), DryRun: c.Bool("dry-run"), ResendUncertain: c.Bool("renvoyer-incertains"),
		Out: os.Stderr, Progress: term.IsTerminal(int(os.Stderr.Fd())), Lang: c.String("lang"),
		CellOf: cellsFromReports(files),
	}
	if opt.Retries == 0 {
		opt.Retries = -1 // --essais 0: no retry (0 means "default" to the package)
	}
	if opt.Journal == "" {
		opt.Journal = envoi.DefaultJournal(args)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := envoi.Send(ctx, files, opt)
	if err != nil {
		return err
	}
	sum.Write(os.Stdout, opt.Lang, opt.Journal)
	switch {
	case sum.Unfinished():
		return fmt.Errorf("envoi inachevé : relancer la même commande pour reprendre")
	case sum.Rejected():
		return fmt.Errorf("%w : lots refusés par le serveur", errRejected)
	}
	return nil
}
