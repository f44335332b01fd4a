package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tddui/tddui/internal/envoi"
	"github.com/urfave/cli/v2"
)

// init adds --envoyer to convert. It runs after convert.go's init (the go
// tool initialises a package's files in file name order), and fails loudly
// if convert is not there.
func init() {
	for _, c := range commands {
		if c.Name == "convert" {
			withSend(c)
			return
		}
	}
	panic("post_convert.go : commande convert introuvable")
}

// withSend: after the conversion, send the bundles it wrote (also when some
// rows were rejected: the written bundles are valid), with the flags of post.
func withSend(c *cli.Command) {
	c.Flags = append(c.Flags, &cli.StringFlag{Name: "envoyer", Usage: "URL d'un serveur FHIR : y envoyer les bundles écrits (options d'envoi : voir tddui post)"})
	c.Flags = append(c.Flags, postFlags(false)...)
	convert := c.Action
	c.Action = func(ctx *cli.Context) error {
		err := convert(ctx)
		server := ctx.String("envoyer")
		if server == "" || (err != nil && !errors.Is(err, errRejected)) {
			return err
		}
		out := ctx.String("sortie")
		files, ferr := writtenBundles(out)
		if ferr != nil || len(files) == 0 {
			return errors.Join(err, ferr)
		}
		if serr := sendBundles(ctx, server, files, []string{out}); serr != nil {
			return serr
		}
		return err
	}
}

// writtenBundles are the bundles rapport.json lists (not older files left in
// the folder); without a report, every bundle of the folder.
func writtenBundles(out string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(out, envoi.ReportFile))
	if err != nil {
		return envoi.BundleFiles([]string{out})
	}
	var rep struct {
		Bundles []struct {
			File string `json:"fichier"`
		} `json:"bundles"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("%s : %w", envoi.ReportFile, err)
	}
	var files []string
	for _, b := range rep.Bundles {
		f := b.File
		if !filepath.IsAbs(f) {
			if _, err := os.Stat(f); err != nil {
				f = filepath.Join(out, filepath.Base(f))
			}
		}
		files = append(files, f)
	}
	return files, nil
}
