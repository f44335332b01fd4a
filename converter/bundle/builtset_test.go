package bundle_test

import (
	"testing"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/bundle"
	"github.com/tddui/tddui/converter/internal/benchdata"
	"github.com/tddui/tddui/converter/link"
	"github.com/tddui/tddui/converter/record"
)

// builtSet is a generated SSIAD data set (~10,000 rows, every builder)
// with every row's resources built once, for the tests and the benchmark
// that encode its bundles.
type builtSet struct {
	usagers []*record.Record
	rows    int
	owned   map[*record.Record][]*record.Record // usager → its rows
	built   map[*record.Record][]build.Entry
}

func buildSet(tb testing.TB) *builtSet {
	path, rows := benchdata.Generate(tb, "set")
	set, rep := benchdata.Resolved(tb, path)
	ctx := benchdata.Context(set, rep)
	s := &builtSet{usagers: set.Sheets["usagers"], rows: rows,
		owned: map[*record.Record][]*record.Record{}, built: map[*record.Record][]build.Entry{}}
	for _, sh := range set.Template.Sheets {
		for _, r := range set.Sheets[sh.Key] {
			s.built[r] = ctx.Build(r)
			if u := link.Owner(r); u != nil {
				s.owned[u] = append(s.owned[u], r)
			}
		}
	}
	return s
}

// entries are the entries of a usager's bundle, in bundle order.
func (s *builtSet) entries(u *record.Record) []build.Entry {
	var out []build.Entry
	for _, m := range bundle.Members(s.owned[u]) {
		out = append(out, s.built[m]...)
	}
	return out
}
