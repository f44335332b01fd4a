package converter_test

import (
	"sync"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/templates"
)

// recorder is a Progress that remembers what it heard.
type recorder struct {
	mu      sync.Mutex // Row comes from several goroutines
	stages  []string
	totals  []int
	rows    int
	usagers int
}

func (r *recorder) Row()    { r.mu.Lock(); r.rows++; r.mu.Unlock() }
func (r *recorder) Usager() { r.usagers++ }
func (r *recorder) Stage(name string, total int) {
	r.stages, r.totals = append(r.stages, name), append(r.totals, total)
}

// The command's progress bar hears every row read, then every usager done
// out of a total it knows in advance.
func TestProgressCountsRowsAndUsagers(t *testing.T) {
	p := &recorder{}
	d := history()
	rep := convertWith(t, d, converter.Options{Progress: p})
	if len(p.stages) != 2 || p.stages[0] != "lecture" || p.stages[1] != "usagers" {
		t.Fatalf("stages %v", p.stages)
	}
	n := len(d.Sheets[templates.SheetUsagers])
	if p.totals[0] != -1 || p.totals[1] != n || n < 2 {
		t.Errorf("totals %v, want [-1 %d]", p.totals, n)
	}
	if p.usagers != n {
		t.Errorf("%d usagers done, want %d", p.usagers, n)
	}
	read := 0
	for _, s := range rep.Sheets {
		read += s.Read
	}
	if p.rows != read || read == 0 {
		t.Errorf("%d rows heard, the report counts %d", p.rows, read)
	}
}
