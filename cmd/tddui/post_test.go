package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestConvertHasTheSendFlags(t *testing.T) {
	for _, c := range commands {
		if c.Name != "convert" {
			continue
		}
		names := map[string]bool{}
		for _, f := range c.Flags {
			names[f.Names()[0]] = true
		}
		for _, n := range []string{"envoyer", "mode", "paralleles", "jeton-fichier", "cert", "ca", "journal"} {
			if !names[n] {
				t.Fatalf("convert : pas de --%s", n)
			}
		}
		return
	}
	t.Fatal("pas de commande convert")
}

// runPost runs a fresh post command (urfave/cli mutates the commands it
// runs, so the package's run() is good for one call a process).
func runPost(args ...string) error {
	app := &cli.App{Name: "tddui", Commands: []*cli.Command{postCommand()},
		Flags: []cli.Flag{&cli.StringFlag{Name: "lang", Value: "fr"}}, ExitErrHandler: func(*cli.Context, error) {}}
	return app.Run(append([]string{"tddui", "post"}, args...))
}

func TestPostDryRunAndUsage(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "envoi", "testdata", "bundles", "pp-ime.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "pp-ime.json"), data, 0o644)
	if err := runPost("--serveur", "http://127.0.0.1:9/fhir", "--dry-run", dir); err != nil {
		t.Fatalf("dry-run : %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "envoi.jsonl")); !os.IsNotExist(err) {
		t.Fatalf("dry-run ne doit pas écrire de journal : %v", err)
	}
	if err := runPost(dir); err == nil {
		t.Fatal("sans --serveur : pas d'erreur")
	}
	// Unreachable server: nothing sent, an error that is not a rejection
	// (exit 2: re-run later), and the journal says so.
	err = runPost("--serveur", "http://127.0.0.1:9/fhir", "--essais", "0", dir)
	if err == nil || errors.Is(err, errRejected) {
		t.Fatalf("serveur injoignable : %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "envoi.jsonl")); err != nil {
		t.Fatalf("journal : %v", err)
	}
}
