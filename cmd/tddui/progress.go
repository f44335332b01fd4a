package main

import (
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a conversion's progress on a terminal: rows read, then
// usagers done out of all, with their rate. Off a terminal (CI, a log file) it says
// nothing: the summary is enough there.
type progress struct {
	bar  *progressbar.ProgressBar
	lang string
}

// stages: what each stage counts, per language.
var stages = map[string][2]string{
	"lecture": {"lecture", "reading"},
	"usagers": {"bundles", "bundles"},
}

var units = map[string][2]string{
	"lecture": {"lignes", "rows"},
	"usagers": {"usagers", "patients"},
}

func newProgress(lang string) *progress {
	if !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	return &progress{lang: lang}
}

func (p *progress) pick(m map[string][2]string, k string) string {
	if p.lang == "en" {
		return m[k][1]
	}
	return m[k][0]
}

// Stage starts a stage's bar: with a total (the usagers, known once read),
// it shows how much is done and the time left; without (the rows of a
// file), a count and a rate.
func (p *progress) Stage(name string, total int) {
	p.finish()
	p.bar = progressbar.NewOptions64(int64(total), progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription(p.pick(stages, name)), progressbar.OptionShowCount(),
		progressbar.OptionShowIts(), progressbar.OptionSetItsString(p.pick(units, name)),
		progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
}

func (p *progress) Row()    { p.bar.Add(1) }
func (p *progress) Usager() { p.bar.Add(1) }

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
