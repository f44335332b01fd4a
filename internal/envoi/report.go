package envoi

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/schollz/progressbar/v3"
)

// progress shows a bar on a terminal, nothing otherwise (the summary
// follows either way).
type progress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

func newProgress(opt Options, n int) *progress {
	p := &progress{}
	if opt.Progress && !opt.DryRun && n > 0 {
		p.bar = progressbar.NewOptions(n,
			progressbar.OptionSetWriter(opt.Out),
			progressbar.OptionSetDescription(msg(opt.Lang, "bar")),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) done(Result) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Add(1)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// plan prints what a dry run would send.
func (s *sender) plan(b *bundle, prev record) {
	w, lang := s.opt.Out, s.opt.Lang
	if prev.State == StateAccepted {
		fmt.Fprintln(w, msg(lang, "plan.skip", b.file))
		return
	}
	fmt.Fprintln(w, msg(lang, "plan", b.file, len(b.entries), s.opt.Server))
	for _, e := range b.entries {
		req, _ := e.raw["request"].(object)
		fmt.Fprintf(w, "  %v %v\t%s\n", req["method"], req["url"], e.fullURL)
	}
	if prev.State == StateSent && s.opt.Mode == ModePost {
		fmt.Fprintln(w, msg(lang, "plan.doubt"))
	}
}

// Write prints the summary: one line per bundle that needs attention, with
// its issues, then the counts.
func (sm Summary) Write(w io.Writer, lang, journal string) {
	for _, r := range sm.Results {
		if r.State == StateAccepted || r.State == StateSkipped || r.State == StateDryRun {
			continue
		}
		line := stateName(lang, r.State)
		if r.Attempts > 1 {
			line += msg(lang, "attempts", r.Attempts)
		}
		if r.Err != "" {
			line += " — " + r.Err
		}
		fmt.Fprintln(w, msg(lang, "line", filepath.Base(r.File), line))
		for _, is := range r.Issues {
			writeIssue(w, lang, is)
		}
	}
	c := sm.Count
	fmt.Fprintln(w, msg(lang, "summary", len(sm.Results), c[StateAccepted], c[StateSkipped], c[StateRejected],
		c[StateFailed], c[StateUncertain], c[StateInterrupted], c[StateDryRun]))
	if sm.Unfinished() && journal != "" {
		fmt.Fprintln(w, msg(lang, "rerun", journal))
	}
}

func writeIssue(w io.Writer, lang string, is Issue) {
	if is.Index < 0 {
		fmt.Fprintln(w, msg(lang, "issue.all", is.Message))
		return
	}
	cell := ""
	if is.Cell != "" {
		cell = msg(lang, "cell", is.Cell)
	}
	fmt.Fprintln(w, msg(lang, "issue", is.Index, is.Type, is.Identifier, cell, is.Message))
}
