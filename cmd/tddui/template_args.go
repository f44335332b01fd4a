package main

import (
	"errors"
	"flag"
	"io"

	"github.com/urfave/cli/v2"
)

// interspersedArgs returns the command's positional arguments after
// applying the flags written among or after them. urfave/cli v2 stops
// parsing flags at the first positional argument, so without this
// `tddui template ssiad -o modele.xlsx` would silently ignore -o. It knows
// the command's flags and the app's (--lang). A nil slice with a nil error
// means help was asked for and shown.
func interspersedArgs(c *cli.Context) ([]string, error) {
	fs, canonical := tailFlagSet(c)
	rest, args := c.Args().Slice(), []string{}
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, templateHelp(c)
			}
			return nil, err
		}
		rest = fs.Args()
		if len(rest) > 0 {
			args, rest = append(args, rest[0]), rest[1:]
		}
	}
	var err error
	fs.Visit(func(f *flag.Flag) {
		if name := canonical[f.Name]; name == "help" {
			err = errors.Join(err, templateHelp(c), errHelpShown)
		} else if err == nil {
			err = c.Set(name, f.Value.String())
		}
	})
	if errors.Is(err, errHelpShown) {
		return nil, nil
	}
	return args, err
}

var errHelpShown = errors.New("aide affichée")

// tailFlagSet mirrors the command's and the app's flags (every alias) in a
// plain flag set, and maps each alias to the name the cli context knows.
func tailFlagSet(c *cli.Context) (*flag.FlagSet, map[string]string) {
	fs := flag.NewFlagSet(c.Command.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	canonical := map[string]string{}
	for _, group := range [][]cli.Flag{c.Command.Flags, c.App.Flags} {
		for _, f := range group {
			for _, name := range f.Names() {
				if fs.Lookup(name) != nil {
					continue // --help is on both the app and the command
				}
				canonical[name] = f.Names()[0]
				if _, ok := f.(*cli.BoolFlag); ok {
					fs.Bool(name, false, "")
				} else {
					fs.String(name, "", "")
				}
			}
		}
	}
	return fs, canonical
}

// templateHelp prints the same help as `tddui template --help`.
func templateHelp(c *cli.Context) error { return cli.ShowSubcommandHelp(c) }
