// Command tddui converts ESSMS spreadsheets into FHIR transaction Bundles of
// the TDDUI implementation guide (ans.fhir.fr.tddui 2.2.0). This package only
// parses flags and calls the packages that do the work.
package main

import (
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/urfave/cli/v2"
)

// Exit codes: 0 all good, 1 some rows (or bundles) rejected, 2 usage or I/O.
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
)

// commands is filled by each command's file (init), one file a command.
var commands []*cli.Command

// errRejected is returned by a command whose run went through but rejected
// some input: exit code 1.
var errRejected = errors.New("des lignes ont été rejetées")

func main() {
	stop := startProfiles()
	code := run(os.Args)
	stop()
	os.Exit(code)
}

func run(args []string) int {
	localiseHelp(args)
	sort.Slice(commands, func(i, j int) bool { return commands[i].Name < commands[j].Name })
	app := &cli.App{
		Name:  "tddui",
		Usage: "convertit des tableurs d'ESSMS en Bundles FHIR du guide TDDUI (ans.fhir.fr.tddui 2.2.0)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "fr", Usage: "langue des messages : fr ou en"},
		},
		Commands:        commands,
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
	}
	err := app.Run(args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errRejected):
		return exitRejected
	default:
		fmt.Fprintln(os.Stderr, "tddui :", err)
		return exitUsage
	}
}
