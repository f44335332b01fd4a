// Package converter runs the one-way pipeline: source → typed records →
// per-sheet index and reference resolution → resources per profile →
// validation → one Bundle per usager and send window → files, plus the
// report of what happened to every row.
package converter

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/source"
	"github.com/tddui/tddui/internal/validation"
	"github.com/tddui/tddui/templates"
)

// Options of one conversion.
type Options struct {
	Input      string
	OutDir     string
	Case       string // "" (from the workbook), "ssiad", "pp"
	Encoding   string // CSV encoding, "" to detect
	TestData   bool   // --donnees-test (the workbook may also say so)
	RequestURL bundle.RequestURL
	From, To   time.Time // explicit window (zero: default)
	Split      bool      // --decouper: the whole history in 5-week windows
	Strict     bool      // any error: write no bundle
	NoValidate bool      // skip the TDDUI validation of each bundle
	Indent     bool      // indent the bundles (readable, larger and slower)
	Progress   Progress  // told of rows read and bundles written (nil: silent)
}

// Progress hears how far a conversion is: the command shows it on a
// terminal. Row is called from several goroutines (sheets are read in
// parallel); the others from one.
type Progress interface {
	Row()    // one more row read
	Usager() // one more usager done (its bundles written or rejected)
	// Stage says a new stage starts, "lecture" or "usagers", and how many
	// steps it has (-1: unknown until the end, as the rows of a file)
	Stage(name string, total int)
}

type silent struct{}

func (silent) Row()              {}
func (silent) Usager()           {}
func (silent) Stage(string, int) {}

// Convert runs the pipeline. The error is for what stops the whole run
// (unreadable input, unwritable output); rejected rows are in the report.
func Convert(opt Options) (*report.Report, error) {
	rep := &report.Report{Input: opt.Input}
	if opt.Progress == nil {
		opt.Progress = silent{}
	}
	src, err := source.Open(opt.Input, source.Options{Encoding: opt.Encoding})
	if err != nil {
		return nil, err
	}
	defer src.Close()
	tpls, err := chooseTemplates(src, opt.Case)
	if err != nil {
		return nil, err
	}
	tpl := union(tpls)
	opt.Progress.Stage("lecture", -1)
	set, err := read(src, tpl, rep, opt.Progress)
	if err != nil {
		return nil, err
	}
	params := readParams(set, rep)
	if opt.TestData {
		params.testData = true
	}
	if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
		return nil, err
	}
	set.Resolve(rep)
	baseDir := filepath.Dir(opt.Input)
	if st, err := os.Stat(opt.Input); err == nil && st.IsDir() {
		baseDir = opt.Input
	}
	ctx := &build.Context{Rep: rep, Set: set,
		Opt: build.Options{TestData: params.testData, UsagerKey: params.usagerKey, BaseDir: baseDir}}
	r := &run{opt: opt, tpl: tpl, tpls: tpls, set: set, ctx: ctx, rep: rep}
	if !opt.NoValidate {
		// Encoded: the bundles checked are the ones bundle.Encode just wrote
		r.validator = validation.New(validation.Options{TestData: params.testData, Encoded: true})
	}
	if err := r.prepare(); err != nil {
		return nil, err
	}
	if err := r.writeBundles(); err != nil {
		return nil, err
	}
	r.countOutcomes()
	rep.Sort()
	return rep, writeReport(opt.OutDir, rep)
}

// read types every row of every sheet the template knows. Sheets are read
// and typed concurrently (one each per core: a workbook's sheets are
// independent until references are resolved), then indexed in sheet
// order, so that a duplicate key is always reported on its later row.
func read(src source.Source, tpl *templates.Template, rep *report.Report, p Progress) (*link.Set, error) {
	type sheetRead struct {
		name string
		sh   *templates.Sheet
		recs []*record.Record
		err  error
	}
	var sheets []*sheetRead
	for _, name := range src.Sheets() {
		sh := tpl.MatchSheet(name)
		if sh == nil {
			if !ignoredSheets[templates.Fold(name)] {
				rep.Add(report.Issue{Severity: report.Warning, Sheet: name, Message: "onglet inconnu du modèle « " + tpl.Key + " », ignoré"})
			}
			continue
		}
		sheets = append(sheets, &sheetRead{name: name, sh: sh})
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, s := range sheets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			s.recs, s.err = readSheet(src, s.name, s.sh, rep, p)
		}()
	}
	wg.Wait()
	set := link.NewSet(tpl)
	for _, s := range sheets {
		if s.err != nil {
			return nil, s.err
		}
		for _, r := range s.recs {
			set.Add(r, rep)
		}
	}
	return set, nil
}

// ignoredSheets are the template's own documentation tabs.
var ignoredSheets = map[string]bool{"lisez moi": true, "read me": true, "listes": true, "lists": true}

func readSheet(src source.Source, name string, sh *templates.Sheet, rep *report.Report, p Progress) ([]*record.Record, error) {
	in, err := src.Open(name)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	header, line, err := in.Header()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty sheet
		}
		return nil, err
	}
	typer := record.NewTyper(sh, in, header, line, rep)
	var recs []*record.Record
	var readErr error
	for batch := range readAhead(in, &readErr) {
		for _, row := range batch {
			recs = append(recs, typer.Record(row))
			p.Row()
		}
	}
	if readErr != nil {
		return nil, fmt.Errorf("%s : %w", name, readErr)
	}
	return recs, nil
}

// readAhead reads a sheet's rows on a goroutine of its own, in batches,
// while the caller types them: parsing the file (excelize's XML, or CSV)
// and typing the cells then take two cores, not one after the other. The
// channel closes at the end of the sheet; *err is then set if reading
// failed, and the caller must drain the channel before looking.
func readAhead(in source.Sheet, err *error) <-chan []source.Row {
	const batchSize = 256 // rows: a hand-off per batch, not per row
	out := make(chan []source.Row, 4)
	go func() {
		defer close(out)
		batch := make([]source.Row, 0, batchSize)
		for {
			row, e := in.Next()
			if e != nil {
				if !errors.Is(e, io.EOF) {
					*err = e
				}
				if len(batch) > 0 {
					out <- batch
				}
				return
			}
			if batch = append(batch, row); len(batch) == batchSize {
				out <- batch
				batch = make([]source.Row, 0, batchSize)
			}
		}
	}()
	return out
}
