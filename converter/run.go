package converter

import (
	"fmt"
	"io"
	"regexp"
	"time"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/converter/sink"
	"github.com/tddui/tddui/internal/validation"
	"github.com/tddui/tddui/templates"
)

// run holds one conversion's state between stages.
type run struct {
	opt  Options
	tpl  *templates.Template   // every sheet read (the union of tpls)
	tpls []*templates.Template // the use cases of the input: bundles per template
	set  *link.Set
	ctx  *build.Context
	rep  *report.Report
	// shared are the resources of the rows every usager may need
	// (structure, professionnels, lieux), built once up front; a usager's
	// own rows are built by the job that writes its bundles, then dropped,
	// so that memory does not grow with the history converted.
	shared map[*record.Record][]build.Entry
	// prebuilt holds every row's resources under --strict, which must know
	// of every error before writing anything.
	prebuilt map[*record.Record][]build.Entry
	// validator checks every bundle before it is written (nil: --sans-validation)
	validator *validation.Validator
	owned     map[*record.Record][]*record.Record // usager → its rows, reading order

	windows []bundle.Window
	names   map[string]bool
	// strictFail: --strict and an error somewhere: no bundle is written
	strictFail bool
}

// checkINSUnique rejects an INS given to two usagers: the receiver would
// take them for one person.
func (r *run) checkINSUnique() {
	first := map[string]*record.Record{}
	for _, u := range r.set.Sheets[templates.SheetUsagers] {
		ins := u.Str("ins")
		if ins == "" {
			continue
		}
		if f, dup := first[ins]; dup {
			u.Reject(r.rep, "ins", ins, "un INS propre à chaque usager",
				fmt.Sprintf("INS déjà donné à l'usager %s (ligne %d)", f.Key, f.Row.Line))
			continue
		}
		first[ins] = u
	}
}

// encodeAhead encodes entries once for all the bundles that will carry
// them; an entry that fails keeps its resource and fails at its bundle.
func encodeAhead(entries []build.Entry) []build.Entry {
	for i := range entries {
		entries[i].JSON, _ = bundle.Resource(entries[i])
	}
	return entries
}

// prepare builds the shared rows, sorts the others by usager and picks the
// send windows.
func (r *run) prepare() error {
	r.ctx.Prepare()
	r.checkINSUnique()
	r.owned = map[*record.Record][]*record.Record{}
	r.shared = map[*record.Record][]build.Entry{}
	for _, sh := range r.tpl.Sheets {
		for _, rec := range r.set.Sheets[sh.Key] {
			switch u := link.Owner(rec); {
			case u == nil:
				r.shared[rec] = encodeAhead(r.ctx.Build(rec))
			case sh.Key != templates.SheetUsagers:
				r.owned[u] = append(r.owned[u], rec)
			}
		}
	}
	if r.opt.Strict {
		r.prebuilt = map[*record.Record][]build.Entry{}
		for _, u := range r.set.Sheets[templates.SheetUsagers] {
			for _, rec := range append([]*record.Record{u}, r.owned[u]...) {
				r.prebuilt[rec] = r.ctx.Build(rec)
			}
		}
		r.strictFail = r.rep.Errors() > 0
	}
	return r.chooseWindows()
}

// when is the instant that places a row in a window (templates.Sheet.When):
// its own date, or that of the row it hangs on (a transport, its événement).
func when(rec *record.Record) (time.Time, bool) {
	w := rec.Sheet.When
	if w == "" {
		return time.Time{}, false
	}
	if c := rec.Sheet.Column(w); c != nil && c.Kind == templates.Ref {
		if t := rec.Link(w); t != nil {
			return when(t)
		}
		return time.Time{}, false
	}
	return rec.Time(w)
}

func (r *run) chooseWindows() error {
	var oldest, newest time.Time
	for _, rec := range r.all() {
		if t, ok := when(rec); ok {
			if oldest.IsZero() || t.Before(oldest) {
				oldest = t
			}
			if t.After(newest) {
				newest = t
			}
		}
	}
	switch {
	case !r.opt.From.IsZero() || !r.opt.To.IsZero():
		to := r.opt.To
		if to.IsZero() {
			to = r.opt.From.AddDate(0, 0, 7*bundle.MaxWeeks-1)
		}
		from := r.opt.From
		if from.IsZero() {
			from = to.AddDate(0, 0, -7*bundle.MaxWeeks+1)
		}
		w, err := bundle.Explicit(from.In(record.Paris), to.In(record.Paris))
		if err != nil {
			return err
		}
		r.windows = []bundle.Window{w}
	case newest.IsZero():
		r.windows = nil // no dated row: one bundle per usager, no window
	case r.opt.Split:
		r.windows = bundle.Split(oldest.In(record.Paris), newest.In(record.Paris))
	default:
		r.windows = []bundle.Window{bundle.Last(newest.In(record.Paris))}
	}
	if len(r.windows) == 1 {
		r.rep.Window = r.windows[0].String()
	}
	return nil
}

// all lists every record, in template sheet order.
func (r *run) all() []*record.Record {
	var out []*record.Record
	for _, sh := range r.tpl.Sheets {
		out = append(out, r.set.Sheets[sh.Key]...)
	}
	return out
}

// selected are the rows of a bundle's root (a usager, or a row of an
// OwnBundle sheet and its usager) that belong in a window's bundle of the
// current template. inWindow counts the dated rows selected, so that a
// split history gives no bundle for a window where the usager has nothing.
func (r *run) selectedIn(tpl *templates.Template, root *record.Record, w *bundle.Window) (rows []*record.Record, inWindow int) {
	u := link.Owner(root)
	rows = []*record.Record{u}
	for _, rec := range r.owned[u] {
		if tpl.Sheet(rec.Sheet.Key) == nil {
			continue
		}
		if b := bundleRow(rec); b != nil && b != root {
			continue // another projet's row
		}
		t, dated := when(rec)
		if w == nil || !dated || w.Contains(t) {
			rows = append(rows, rec)
			if dated {
				inWindow++
			}
		}
	}
	return rows, inWindow
}

// bundleRow is the row of an OwnBundle sheet a row belongs to (itself, or
// one on its Owner path), nil for none.
func bundleRow(rec *record.Record) *record.Record {
	if rec.Sheet.OwnBundle {
		return rec
	}
	for _, k := range rec.Sheet.Owner {
		if rec = rec.Link(k); rec == nil {
			return nil
		}
		if rec.Sheet.OwnBundle {
			return rec
		}
	}
	return nil
}

// ownRows says whether rows hold a row of a use case's own sheets (not
// only the usager, its contacts or documents).
func ownRows(rows []*record.Record) bool {
	for _, rec := range rows {
		if !sharedSheets[rec.Sheet.Key] {
			return true
		}
	}
	return false
}

func (r *run) hasDatedIn(tpl *templates.Template, u *record.Record) bool {
	for _, rec := range r.owned[u] {
		if _, ok := when(rec); ok && tpl.Sheet(rec.Sheet.Key) != nil {
			return true
		}
	}
	return false
}

// rejectBundle reports, at the usager's row, why its bundle was not written.
func (r *run) rejectBundle(u *record.Record, bad []*record.Record) {
	msg := "bundle de l'usager non écrit"
	if len(bad) > 0 {
		msg += " : erreur(s) ligne(s) "
		for i, b := range bad {
			if i == 5 {
				msg += ", …"
				break
			}
			if i > 0 {
				msg += ", "
			}
			msg += fmt.Sprintf("%s!%d", b.Row.Sheet, b.Row.Line)
		}
	} else if r.opt.Strict {
		msg += " : --strict et des erreurs dans le fichier"
	} else {
		msg += " : non conforme au guide TDDUI (voir ci-dessus)"
	}
	r.rep.Add(u.Issue(report.Error, u.Sheet.KeyColumn().Key, u.Key, "", msg))
}

// validate runs the TDDUI validator on an encoded bundle; its errors are
// reported at the rows whose resources they concern (warnings are left to
// `tddui validate`: the builders already report the ones about cells). It
// returns those rows (nil: the bundle passed); the caller marks them.
func (r *run) validate(u *record.Record, data []byte, entries []build.Entry) []*record.Record {
	var failed []*record.Record
	for _, is := range r.validator.Bundle(data) {
		if is.Severity != validation.Error {
			continue
		}
		at := u
		for _, e := range entries { // only for a failing bundle: no index kept for the others
			if e.FullURL == is.FullURL {
				at = e.Record
				break
			}
		}
		r.rep.Add(at.Issue(report.Error, at.Sheet.KeyColumn().Key, at.Key, "",
			"non conforme au guide TDDUI : "+is.Message+" ("+is.Path+", règle "+is.Rule+")"))
		failed = append(failed, at)
	}
	if failed != nil {
		r.rejectBundle(u, nil)
	}
	return failed
}

var unsafe = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName: <cas>-<usager>[-<projet>][-<window>].json, unique in the run.
func (r *run) fileName(tplKey string, root *record.Record, w *bundle.Window, split bool) string {
	u := link.Owner(root)
	base := tplKey + "-" + unsafe.ReplaceAllString(u.Key, "_")
	if root != u {
		base += "-" + unsafe.ReplaceAllString(root.Key, "_")
	}
	if split && w != nil {
		base += "-" + w.String()
	}
	name := base + ".json"
	for i := 2; r.names[name]; i++ {
		name = fmt.Sprintf("%s-%d.json", base, i)
	}
	r.names[name] = true
	return name
}

// countOutcomes gives every row one outcome: no row is silently dropped.
func (r *run) countOutcomes() {
	for _, sh := range r.tpl.Sheets {
		for _, rec := range r.set.Sheets[sh.Key] {
			r.rep.Count(rec.Row.Sheet, r.outcome(rec))
		}
	}
}

func (r *run) outcome(rec *record.Record) report.Outcome {
	switch {
	case rec.Bad:
		return report.Rejected
	case rec.Sheet.Key == templates.SheetParametres || rec.Sent:
		return report.Converted
	case rec.Reached:
		return report.NotSent
	}
	if _, dated := when(rec); dated && len(r.windows) > 0 {
		return report.OutOfWindow
	}
	if link.Owner(rec) == nil && rec.Sheet.Key != templates.SheetUsagers {
		rec.Warn(r.rep, rec.Sheet.KeyColumn().Key, rec.Key, "ligne utilisée par aucun usager : elle n'est dans aucun bundle")
		return report.Unused
	}
	if rec.Sheet.Key == templates.SheetUsagers {
		// only a template of one bundle per projet leaves a usager out
		rec.Warn(r.rep, rec.Sheet.KeyColumn().Key, rec.Key, "aucun bundle pour cet usager : il n'a aucun projet personnalisé (onglet Projets)")
	}
	return report.NotSent
}

func writeReport(dir string, rep *report.Report) error {
	return sink.WriteWith(dir, "rapport.json", func(w io.Writer) error {
		if err := rep.WriteJSON(w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "\n")
		return err
	})
}
