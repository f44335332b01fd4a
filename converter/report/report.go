// Package report collects what happened to every input row: the problems
// found (each at its cell, in plain words) and the outcome per sheet. It is
// the reporter the checks call and keep going, as in google/fhir's
// errorreporter; rapport.json and the terminal summary are two renderings.
package report

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

// Severity of an issue: an error rejects the row (and its usager's bundle),
// a warning does not.
type Severity string

const (
	Error   Severity = "erreur"
	Warning Severity = "avertissement"
)

// Issue is one problem, located as precisely as known.
type Issue struct {
	Severity Severity `json:"gravite"`
	File     string   `json:"fichier,omitempty"`
	Sheet    string   `json:"feuille,omitempty"`
	Line     int      `json:"ligne,omitempty"`
	Column   string   `json:"colonne,omitempty"` // header text
	Cell     string   `json:"cellule,omitempty"` // Usagers!C14
	Value    string   `json:"valeur,omitempty"`
	Expected string   `json:"attendu,omitempty"`
	Message  string   `json:"message"`
}

// Where renders the location: Usagers!C14, else file:line.
func (i Issue) Where() string {
	switch {
	case i.Cell != "":
		return i.Cell
	case i.Sheet != "" && i.Line > 0:
		return fmt.Sprintf("%s!%d", i.Sheet, i.Line)
	case i.Sheet != "":
		return i.Sheet
	}
	return i.File
}

// Outcome of one input row.
type Outcome string

const (
	Converted   Outcome = "convertie"    // in a written bundle
	Rejected    Outcome = "rejetee"      // has an error of its own
	NotSent     Outcome = "non_envoyee"  // its bundle was not written because of another row
	OutOfWindow Outcome = "hors_fenetre" // outside the send window (--du/--au)
	Unused      Outcome = "inutilisee"   // referenced by no usager: in no bundle
)

// SheetStats counts rows per outcome.
type SheetStats struct {
	Sheet    string          `json:"feuille"`
	Read     int             `json:"lues"`
	Outcomes map[Outcome]int `json:"resultats"`
}

// BundleInfo describes one written bundle.
type BundleInfo struct {
	File    string `json:"fichier"`
	Usager  string `json:"usager"`
	Case    string `json:"cas"`
	From    string `json:"du,omitempty"`
	To      string `json:"au,omitempty"`
	Entries int    `json:"entrees"`
	// Sources gives, for each entry's fullUrl, the row it was built from
	// (Usagers!14): the sender maps a server's rejection back to it.
	Sources Sources `json:"sources,omitempty"`
}

// Source is the row an entry was built from.
type Source struct {
	FullURL string
	Sheet   string // the tab's name
	Line    int
}

// Sources are a bundle's sources as rapport.json shows them, the object
// {"fullUrl": "Usagers!14", …} in entry order, kept as that text: one
// pointer-free allocation per bundle, where a million sources as strings
// and structs were a million objects for the collector to trace, run
// after run, until the end.
type Sources []byte

// NewSources renders sources (fullUrls are unique in a bundle).
// encoding/json escapes each string.
func NewSources(list []Source) Sources {
	buf := make([]byte, 0, 80*len(list)+2)
	buf = append(buf, '{')
	for i, x := range list {
		if i > 0 {
			buf = append(buf, ',')
		}
		k, _ := json.Marshal(x.FullURL) // a string always marshals
		v, _ := json.Marshal(x.Sheet + "!" + strconv.Itoa(x.Line))
		buf = append(append(append(buf, k...), ':'), v...)
	}
	return append(buf, '}')
}

// MarshalJSON gives the object as rendered.
func (s Sources) MarshalJSON() ([]byte, error) {
	if len(s) == 0 {
		return []byte("{}"), nil
	}
	return s, nil
}

// Report is safe for concurrent use.
type Report struct {
	mu      sync.Mutex
	Input   string        `json:"entree"`
	Issues  []Issue       `json:"problemes"`
	Sheets  []*SheetStats `json:"feuilles"`
	Bundles []BundleInfo  `json:"bundles"`
	Window  string        `json:"fenetre,omitempty"`
}

// Add records an issue.
func (r *Report) Add(i Issue) {
	r.mu.Lock()
	r.Issues = append(r.Issues, i)
	r.mu.Unlock()
}

// Count records one row of a sheet with its outcome.
func (r *Report) Count(sheet string, o Outcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sheet(sheet)
	s.Read++
	s.Outcomes[o]++
}

func (r *Report) sheet(name string) *SheetStats {
	for _, s := range r.Sheets {
		if s.Sheet == name {
			return s
		}
	}
	s := &SheetStats{Sheet: name, Outcomes: map[Outcome]int{}}
	r.Sheets = append(r.Sheets, s)
	return s
}

// AddBundle records a written bundle.
func (r *Report) AddBundle(b BundleInfo) {
	r.mu.Lock()
	r.Bundles = append(r.Bundles, b)
	r.mu.Unlock()
}

// Errors counts error-severity issues.
func (r *Report) Errors() int {
	n := 0
	for _, i := range r.Issues {
		if i.Severity == Error {
			n++
		}
	}
	return n
}

// Rejected counts rows rejected or not sent.
func (r *Report) Rejected() int {
	n := 0
	for _, s := range r.Sheets {
		n += s.Outcomes[Rejected] + s.Outcomes[NotSent]
	}
	return n
}

// Sort orders issues by file, sheet, line, cell and message so that the
// report does not depend on the order work was done in.
func (r *Report) Sort() {
	sort.SliceStable(r.Issues, func(a, b int) bool {
		x, y := r.Issues[a], r.Issues[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Sheet != y.Sheet {
			return x.Sheet < y.Sheet
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		if x.Cell != y.Cell {
			return x.Cell < y.Cell
		}
		return x.Message < y.Message // bundles are checked in parallel
	})
}
