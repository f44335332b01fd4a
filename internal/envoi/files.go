package envoi

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ReportFile is the converter's report, in OUTDIR next to the bundles: not a
// bundle.
const ReportFile = "rapport.json"

// JournalFile is the journal's name in OUTDIR.
const JournalFile = "envoi.jsonl"

// BundleFiles expands the arguments: a folder gives its *.json files (but
// the report), sorted; a file is taken as is.
func BundleFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("lot introuvable : %w", err)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		list, err := filepath.Glob(filepath.Join(a, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("%s : %w", a, err)
		}
		sort.Strings(list)
		for _, f := range list {
			if !strings.EqualFold(filepath.Base(f), ReportFile) {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("aucun lot à envoyer dans %s", strings.Join(args, ", "))
	}
	return out, nil
}

// DefaultJournal is OUTDIR/envoi.jsonl: the first argument if it is a
// folder, else the folder of the first file.
func DefaultJournal(args []string) string {
	if len(args) == 0 {
		return JournalFile
	}
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		return filepath.Join(args[0], JournalFile)
	}
	return filepath.Join(filepath.Dir(args[0]), JournalFile)
}
