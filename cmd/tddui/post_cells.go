package main

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/tddui/tddui/internal/envoi"
)

// cellsFromReports maps a bundle entry's fullUrl to the spreadsheet row it
// was built from, as the conversion's rapport.json beside the bundles
// records it: a server's rejection can then name the row to fix. Bundles
// without a report (another producer's) map to nothing.
func cellsFromReports(files []string) func(string) string {
	sources := map[string]string{}
	seen := map[string]bool{}
	for _, f := range files {
		dir := filepath.Dir(f)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		data, err := os.ReadFile(filepath.Join(dir, envoi.ReportFile))
		if err != nil {
			continue
		}
		var rep struct {
			Bundles []struct {
				Sources map[string]string `json:"sources"`
			} `json:"bundles"`
		}
		if json.Unmarshal(data, &rep) != nil {
			continue
		}
		for _, b := range rep.Bundles {
			for url, src := range b.Sources {
				sources[url] = src
			}
		}
	}
	return func(fullURL string) string { return sources[fullURL] }
}
