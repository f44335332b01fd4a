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

// sendFlags are convert's --envoyer and the sending options of post.
func sendFlags() []cli.Flag {
	return append([]cli.Flag{&cli.StringFlag{Name: "envoyer",
		Usage: "URL d'un serveur FHIR : y envoyer les bundles écrits (options d'envoi : voir tddui post)"}}, postFlags(false)...)
}

// sendConverted runs after a conversion whose outcome is convErr: with
// --envoyer, it sends the bundles written (also when some rows were
// rejected: the written bundles are valid).
func sendConverted(c *cli.Context, convErr error) error {
	server := c.String("envoyer")
	if server == "" || (convErr != nil && !errors.Is(convErr, errRejected)) {
		return convErr
	}
	out := c.String("sortie")
	files, err := writtenBundles(out)
	if err != nil || len(files) == 0 {
		return errors.Join(convErr, err)
	}
	if err := sendBundles(c, server, files, []string{out}); err != nil {
		return err
	}
	return convErr
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
