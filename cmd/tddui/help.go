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

// localiseHelp sets the help templates and the help flag for a language.
func localiseHelp(args []string) {
	for i, a := range args {
		if a == "--lang=en" || (a == "--lang" && i+1 < len(args) && args[i+1] == "en") {
			return
		}
	}
	cli.AppHelpTemplate = frenchHelp.Replace(cli.AppHelpTemplate)
	cli.CommandHelpTemplate = frenchHelp.Replace(cli.CommandHelpTemplate)
	cli.SubcommandHelpTemplate = frenchHelp.Replace(cli.SubcommandHelpTemplate)
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "affiche l'aide"}
}
