package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// frenchHelp translates urfave/cli's help headings: the users are French
// unless they ask for English with --lang en.
var frenchHelp = strings.NewReplacer(
	"NAME:", "NOM :",
	"USAGE:", "UTILISATION :",
	"DESCRIPTION:", "DESCRIPTION :",
	"GLOBAL OPTIONS:", "OPTIONS GÉNÉRALES :",
	"COMMANDS:", "COMMANDES :",
	"OPTIONS:", "OPTIONS :",
	"[global options]", "[options générales]",
	"command [command options]", "commande [options]",
	"[command options]", "[options]",
	"[arguments...]", "[arguments…]",
)

// The help texts of each language.
var helpTexts = map[string]struct{ app, command, subcommand, flag string }{
	"en": {cli.AppHelpTemplate, cli.CommandHelpTemplate, cli.SubcommandHelpTemplate, "show help"},
	"fr": {frenchHelp.Replace(cli.AppHelpTemplate), frenchHelp.Replace(cli.CommandHelpTemplate),
		frenchHelp.Replace(cli.SubcommandHelpTemplate), "affiche l'aide"},
}

// helpFlag is one object for every run and language: urfave/cli adds
// HelpFlag to each command on each run unless that very flag is there
// already (tests run the app many times in one process).
var helpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}}

// localiseHelp sets the help templates and the help flag for the language
// the arguments ask for.
func localiseHelp(args []string) {
	lang := "fr"
	for i, a := range args {
		if a == "--lang=en" || (a == "--lang" && i+1 < len(args) && args[i+1] == "en") {
			lang = "en"
		}
	}
	h := helpTexts[lang]
	cli.AppHelpTemplate, cli.CommandHelpTemplate, cli.SubcommandHelpTemplate = h.app, h.command, h.subcommand
	helpFlag.Usage, cli.HelpFlag = h.flag, helpFlag
}
