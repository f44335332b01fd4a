package main

import (
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a conversion's progress on a terminal: rows read, then
// usagers done, with their rate. Off a terminal (CI, a log file) it says
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

func (p *progress) Stage(name string) {
	p.finish()
	p.bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(os.Stderr),
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
