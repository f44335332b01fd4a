// Package benchdata prepares the input of the pipeline benchmarks: a
// generated SSIAD data set of about 10,000 rows (samples/synth), and the
// output of every stage up to the one a benchmark times, so that each
// benchmark measures its own stage only.
package benchdata

import (
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/source"
	"github.com/tddui/tddui/samples/synth"
	"github.com/tddui/tddui/templates"
)

// Usagers and Weeks give about 10,000 rows (48 a usager over 5 weeks).
const (
	Usagers = 205
	Weeks   = 5
)

// Generate writes the data set into a temporary folder: name ending in
// .xlsx for a workbook, else a folder of CSV files. It returns the path
// and the number of data rows.
func Generate(tb testing.TB, name string) (string, int) {
	tb.Helper()
	g, err := synth.New(synth.Options{Template: templates.SSIAD, Usagers: Usagers, Weeks: Weeks, Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), name)
	counts, err := synth.Write(g, path)
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c.Rows
	}
	return path, n
}

// Sheet is one sheet read whole: what the typing stage receives.
type Sheet struct {
	Def    *templates.Sheet
	Name   string
	File   string
	Header []string
	Line   int
	Rows   []source.Row
}

// ReadAll reads every sheet of the template, rows in memory.
func ReadAll(tb testing.TB, path string) []Sheet {
	tb.Helper()
	src, err := source.Open(path, source.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	var out []Sheet
	for _, name := range src.Sheets() {
		def := templates.SSIAD.MatchSheet(name)
		if def == nil {
			continue
		}
		s, err := read(src, name)
		if err != nil {
			tb.Fatal(err)
		}
		s.Def = def
		out = append(out, s)
	}
	return out
}

func read(src source.Source, name string) (Sheet, error) {
	in, err := src.Open(name)
	if err != nil {
		return Sheet{}, err
	}
	defer in.Close()
	s := Sheet{Name: name, File: in.File()}
	if s.Header, s.Line, err = in.Header(); err != nil {
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return s, err
	}
	for {
		row, err := in.Next()
		if errors.Is(err, io.EOF) {
			return s, nil
		}
		if err != nil {
			return s, err
		}
		s.Rows = append(s.Rows, row)
	}
}

// named gives NewTyper the file and sheet names its messages need.
type named struct{ file, name string }

func (n named) Name() string                   { return n.name }
func (n named) File() string                   { return n.file }
func (n named) Header() ([]string, int, error) { return nil, 0, io.EOF }
func (n named) Next() (source.Row, error)      { return source.Row{}, io.EOF }
func (n named) Close() error                   { return nil }

// Type runs the typing stage over sheets read by ReadAll: what Convert
// does between reading and resolving.
func Type(sheets []Sheet, rep *report.Report) *link.Set {
	set := link.NewSet(templates.SSIAD)
	for _, s := range sheets {
		if s.Header == nil {
			continue
		}
		t := record.NewTyper(s.Def, named{s.File, s.Name}, s.Header, s.Line, rep)
		for _, row := range s.Rows {
			set.Add(t.Record(row), rep)
		}
	}
	return set
}

// Resolved is the set after the link stage.
func Resolved(tb testing.TB, path string) (*link.Set, *report.Report) {
	rep := &report.Report{}
	set := Type(ReadAll(tb, path), rep)
	set.Resolve(rep)
	if rep.Errors() > 0 {
		tb.Fatalf("generated set has %d errors: %+v", rep.Errors(), rep.Issues[0])
	}
	return set, rep
}

// Context is the build stage's context over a resolved set, as Convert
// makes it (test data, local business identifiers).
func Context(set *link.Set, rep *report.Report) *build.Context {
	return &build.Context{Rep: rep, Set: set, Opt: build.Options{TestData: true, UsagerKey: "local"}}
}
