package converter

import (
	"fmt"
	"runtime"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/sink"
	"github.com/tddui/tddui/templates"
)

// A job is one usager: its rows are built once, then each of its bundles
// (per use case, per projet, per send window) is assembled, encoded and
// validated. Jobs run on every core; their results are written in input
// order, so the output does not depend on scheduling. One job per usager,
// not per use case: rows shared by both use cases (the usager, its
// contacts) must be built, and their problems reported, once.
type job struct {
	u    *record.Record
	done chan result
}

// result is what a job hands to the writer.
type result struct {
	bundles []pending
	reached []*record.Record // rows some bundle of the usager needed
	bad     []*record.Record // rows the validator rejected
}

// pending is an encoded bundle waiting for its file name and its write.
type pending struct {
	root    *record.Record
	w       *bundle.Window
	data    []byte
	members []*record.Record
	info    report.BundleInfo
}

func (r *run) writeBundles() error {
	r.names = map[string]bool{}
	workers := runtime.GOMAXPROCS(0)
	slots := make(chan struct{}, 2*workers) // jobs in flight: bounds memory
	queue := make(chan *job, 2*workers)
	go func() {
		for _, u := range r.set.Sheets[templates.SheetUsagers] {
			slots <- struct{}{}
			j := &job{u: u, done: make(chan result, 1)}
			queue <- j
			go func() { j.done <- r.runJob(j) }()
		}
		close(queue)
	}()
	r.opt.Progress.Stage("usagers", len(r.set.Sheets[templates.SheetUsagers]))
	out := sink.NewWriter(r.opt.OutDir, 8, bundle.Recycle)
	var err error
	var bad []*record.Record
	for j := range queue {
		res := <-j.done
		r.opt.Progress.Usager()
		if err == nil {
			err = r.collect(res, out)
		}
		bad = append(bad, res.bad...)
		<-slots
	}
	if werr := out.Close(); err == nil {
		err = werr
	}
	// marked once every job is done: a rejected row may be a shared one
	// that other jobs are reading
	for _, b := range bad {
		b.Bad = true
	}
	return err
}

// collect writes a job's bundles and records what they hold.
func (r *run) collect(res result, out *sink.Writer) error {
	for _, m := range res.reached {
		m.Reached = true
	}
	split := len(r.windows) > 1
	for _, p := range res.bundles {
		p.info.File = r.fileName(p.info.Case, p.root, p.w, split)
		if err := out.Write(p.info.File, p.data); err != nil {
			return err
		}
		for _, m := range p.members {
			m.Sent = true
		}
		r.rep.AddBundle(p.info)
	}
	return nil
}

// runJob builds the usager's rows (all of them, so that every cell error is
// reported, in or out of the window) and assembles its bundles. A bug met on
// one usager's data costs that usager's bundles, not the whole run: the
// panic is reported at its row, like any other rejection.
func (r *run) runJob(j *job) (res result) {
	defer func() {
		if p := recover(); p != nil {
			j.u.Reject(r.rep, j.u.Sheet.KeyColumn().Key, j.u.Key, "",
				fmt.Sprintf("erreur interne du convertisseur sur cet usager (signalez-la) : %v", p))
			res = result{}
		}
	}()
	built := map[*record.Record][]build.Entry{}
	get := func(rec *record.Record) []build.Entry {
		if e, ok := r.shared[rec]; ok {
			return e
		}
		if e, ok := r.prebuilt[rec]; ok {
			return e
		}
		e, ok := built[rec]
		if !ok {
			e = r.ctx.Build(rec)
			built[rec] = e
		}
		return e
	}
	if r.prebuilt == nil {
		for _, rec := range append([]*record.Record{j.u}, r.owned[j.u]...) {
			get(rec)
		}
	}
	for _, tpl := range r.tpls {
		for _, root := range r.rootsOf(j.u, tpl) {
			for _, w := range r.windowList() {
				r.assemble(tpl, root, w, get, &res)
			}
		}
	}
	return res
}

// windowList is every send window, or a single nil one when rows are not
// placed in time.
func (r *run) windowList() []*bundle.Window {
	if len(r.windows) == 0 {
		return []*bundle.Window{nil}
	}
	out := make([]*bundle.Window, len(r.windows))
	for i := range r.windows {
		out[i] = &r.windows[i]
	}
	return out
}

// rootsOf are the usager's rows that get a bundle each in a use case: the
// usager itself, or its rows of the OwnBundle sheet (one per projet).
func (r *run) rootsOf(u *record.Record, tpl *templates.Template) []*record.Record {
	for _, sh := range tpl.Sheets {
		if sh.OwnBundle {
			var out []*record.Record
			for _, rec := range r.owned[u] {
				if rec.Sheet == sh {
					out = append(out, rec)
				}
			}
			return out
		}
	}
	return []*record.Record{u}
}

// assemble makes the bundle of a root for a window, if it has one.
func (r *run) assemble(tpl *templates.Template, root *record.Record, w *bundle.Window,
	get func(*record.Record) []build.Entry, res *result) {
	u := link.Owner(root)
	rows, inWindow := r.selectedIn(tpl, root, w)
	split := len(r.windows) > 1
	last := w == nil || w == &r.windows[len(r.windows)-1]
	if split && inWindow == 0 && (r.hasDatedIn(tpl, u) || !last) {
		return // nothing of this usager in this window (undated usagers go in the last)
	}
	if len(r.tpls) > 1 && !ownRows(rows) {
		return // a workbook of several use cases: this usager has nothing in this one
	}
	members := bundle.Members(rows)
	res.reached = append(res.reached, members...)
	var bad []*record.Record
	var entries []build.Entry
	for _, m := range members {
		entries = append(entries, get(m)...)
		if m.Bad {
			bad = append(bad, m)
		}
	}
	if len(bad) > 0 || r.strictFail {
		r.rejectBundle(root, bad)
		return
	}
	data, err := bundle.Encode(entries, r.opt.RequestURL, r.opt.Indent)
	if err != nil { // samply values always marshal: a bug, reported at the row
		root.Reject(r.rep, root.Sheet.KeyColumn().Key, root.Key, "", "encodage du bundle impossible : "+err.Error())
		return
	}
	if r.validator != nil {
		if failed := r.validate(root, data, entries); failed != nil {
			res.bad = append(res.bad, failed...)
			bundle.Recycle(data)
			return
		}
	}
	src := make([]report.Source, len(entries))
	for i, e := range entries {
		src[i] = report.Source{FullURL: e.FullURL, Sheet: e.Record.Row.Sheet, Line: e.Record.Row.Line}
	}
	info := report.BundleInfo{Usager: u.Key, Case: tpl.Key, Entries: len(entries), Sources: report.NewSources(src)}
	if w != nil {
		info.From, info.To = w.From.Format("2006-01-02"), w.To.Format("2006-01-02")
	}
	res.bundles = append(res.bundles, pending{root: root, w: w, data: data, members: members, info: info})
}
