package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tddui/tddui/internal/envoi"
	"github.com/tddui/tddui/internal/validation"
	"github.com/urfave/cli/v2"
)

func init() {
	commands = append(commands, &cli.Command{
		Name:      "validate",
		Usage:     "vérifie des ressources FHIR (Bundle ou ressources seules) contre le guide TDDUI 2.2.0",
		ArgsUsage: "FICHIER|DOSSIER...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text ou json (OperationOutcome)"},
			&cli.BoolFlag{Name: "donnees-test", Usage: "clé NIR/INS fausse = avertissement (identités de test)"},
		},
		Action: runValidate,
	})
}

// errUnreadable: some input could not be read or parsed (exit code 2).
var errUnreadable = errors.New("entrée illisible")

func runValidate(c *cli.Context) error {
	if c.NArg() == 0 {
		return fmt.Errorf("aucun fichier à valider")
	}
	files, err := jsonFiles(c.Args().Slice())
	if err != nil {
		return err
	}
	v := validation.New(validation.Options{TestData: c.Bool("donnees-test"), Lang: c.String("lang")})
	rejected, unreadable := false, false
	outcome := map[string]json.RawMessage{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "tddui :", err)
			unreadable = true
			continue
		}
		issues := v.Bundle(raw)
		if len(issues) == 1 && issues[0].Rule == "json" {
			unreadable = true
		}
		rejected = rejected || validation.HasErrors(issues)
		if c.String("format") == "json" {
			outcome[f] = toOutcome(issues)
			continue
		}
		printIssues(c.App.Writer, f, issues, c.String("lang"))
	}
	if c.String("format") == "json" {
		if err := writeOutcomes(c.App.Writer, files, outcome); err != nil {
			return err
		}
	}
	switch {
	case unreadable:
		return errUnreadable
	case rejected:
		return fmt.Errorf("%w : ressources non conformes", errRejected)
	}
	return nil
}

// jsonFiles expands directories into their *.json files, sorted. In a
// folder, a conversion's rapport.json is left out: it is tddui's report,
// not FHIR, and `tddui validate sortie` is how one checks what convert
// wrote (named on its own, it is read like any file).
func jsonFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(strings.ToLower(p), ".json") && d.Name() != envoi.ReportFile {
				out = append(out, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

func printIssues(w io.Writer, file string, issues []validation.Issue, lang string) {
	if len(issues) == 0 {
		fmt.Fprintf(w, "%s : %s\n", file, tr(lang, "conforme", "conformant"))
		return
	}
	for _, is := range issues {
		where := is.FullURL
		if where == "" && is.EntryIndex >= 0 {
			where = fmt.Sprintf("entry[%d]", is.EntryIndex)
		}
		if where != "" {
			where = " [" + where + "]"
		}
		fmt.Fprintf(w, "%s%s : %s %s : %s (%s %s", file, where, sevLabel(is.Severity, lang), is.Path, is.Message, tr(lang, "règle", "rule"), is.Rule)
		if is.Profile != "" {
			fmt.Fprintf(w, ", %s %s", tr(lang, "profil", "profile"), is.Profile)
		}
		fmt.Fprintln(w, ")")
	}
}

func sevLabel(s validation.Severity, lang string) string {
	switch s {
	case validation.Error:
		return tr(lang, "ERREUR", "ERROR")
	case validation.Warning:
		return tr(lang, "AVERTISSEMENT", "WARNING")
	}
	return "INFO"
}

func tr(lang, fr, en string) string {
	if strings.HasPrefix(lang, "en") {
		return en
	}
	return fr
}

func toOutcome(issues []validation.Issue) json.RawMessage {
	var o validation.OutcomeReporter
	for _, is := range issues {
		o.Report(is)
	}
	b, _ := o.JSON()
	return b
}

// writeOutcomes prints one OperationOutcome, or a JSON object of them by
// file name when several files were given.
func writeOutcomes(w io.Writer, files []string, outcome map[string]json.RawMessage) error {
	var b []byte
	var err error
	if len(files) == 1 {
		b = outcome[files[0]]
	} else if b, err = json.MarshalIndent(outcome, "", "  "); err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}
