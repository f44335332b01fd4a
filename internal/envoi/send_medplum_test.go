package envoi

import (
	"bufio"
	"context"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// expectedState is what posting the bundles (IG mode) must create: every
// entry once per bundle it is in.
func expectedState(bs []*bundle) map[string]int {
	st := map[string]int{}
	for _, b := range bs {
		for _, e := range b.entries {
			st[e.typ]++
			if e.identifier != "" {
				st[e.typ+" "+e.identifier]++
			}
		}
	}
	return st
}

func TestPostSamplesCreatesResourcesWithServerReferences(t *testing.T) {
	needMedplum(t)
	dir := sampleDir(t)
	bs := sampleBundles(t, dir)
	sum := sendOK(t, dirFiles(t, dir), medplumOptions(dir))
	if got, want := serverState(t, sampleTypes(bs)), expectedState(bs); !maps.Equal(got, want) {
		t.Fatalf("état du serveur :\n got %v\nwant %v", got, want)
	}
	for i, b := range bs {
		r := sum.Results[i]
		if len(r.Entries) != len(b.entries) {
			t.Fatalf("%s : %d ids pour %d entrées", b.file, len(r.Entries), len(b.entries))
		}
		checkReferences(t, b, r.Entries)
	}
	checkJournal(t, filepath.Join(dir, JournalFile), sum)
}

// checkReferences: each resource on the server has the references of the
// file, the urn:uuid ones rewritten by the server to the ids it assigned.
func checkReferences(t *testing.T, b *bundle, ids []EntryResult) {
	t.Helper()
	byURN := map[string]string{}
	for _, er := range ids {
		byURN[er.FullURL] = er.Type + "/" + er.ID
	}
	for i, e := range b.entries {
		want := references(e.resource)
		for j, ref := range want {
			want[j] = byURN[ref]
		}
		slices.Sort(want)
		code, res := fhirGet(t, ids[i].Type+"/"+ids[i].ID)
		if code != 200 {
			t.Fatalf("entrée %d : GET %s/%s : HTTP %d", i, ids[i].Type, ids[i].ID, code)
		}
		if got := references(res); !slices.Equal(got, want) || (len(got) > 0 && got[0] == "") {
			t.Fatalf("%s entrée %d : références %v, attendu %v", b.file, i, got, want)
		}
	}
}

func references(o any) []string {
	var out []string
	switch v := o.(type) {
	case object:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "reference" {
				out = append(out, s)
			} else {
				out = append(out, references(x)...)
			}
		}
	case []any:
		for _, x := range v {
			out = append(out, references(x)...)
		}
	}
	slices.Sort(out)
	return out
}

// checkJournal: the last line of every bundle is "accepte" with the ids.
func checkJournal(t *testing.T, path string, sum Summary) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	j := &journal{last: map[string]record{}}
	if _, err := j.load(bufio.NewReader(f)); err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Results {
		rec := j.last[journalKey(r.Hash, medplum.base)]
		if rec.State != StateAccepted || !slices.Equal(rec.Entries, r.Entries) {
			t.Fatalf("journal de %s : %s %v, attendu accepte %v", r.File, rec.State, rec.Entries, r.Entries)
		}
	}
}

// trapProxy stands between the sender and Medplum and "kills" the sender on
// the trap-th transaction: it cancels the sender's context, after or before
// passing the transaction on (commit with the response lost, or no commit).
type trapProxy struct {
	rp     *httputil.ReverseProxy
	posts  atomic.Int32
	trap   atomic.Int32
	commit bool
	cancel context.CancelFunc
}

func (p *trapProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/fhir" {
		if n := p.posts.Add(1); n == p.trap.Load() {
			if p.commit {
				p.rp.ServeHTTP(httptest.NewRecorder(), r)
			} else {
				io.Copy(io.Discard, r.Body) // else the server would not see the client go
			}
			p.cancel()
			select { // the sender hangs up; the guard only keeps a bug from hanging the tests
			case <-r.Context().Done():
			case <-time.After(time.Minute):
			}
			return
		}
	}
	p.rp.ServeHTTP(w, r)
}

func TestKilledRunResumesToTheCleanState(t *testing.T) {
	needMedplum(t)
	dir := sampleDir(t)
	bs := sampleBundles(t, dir)
	sendOK(t, dirFiles(t, dir), medplumOptions(t.TempDir()))
	clean := serverState(t, sampleTypes(bs))

	for _, tc := range []struct {
		name      string
		commit    bool
		resendNew int32 // transactions the second run sends
	}{{"avant enregistrement", false, 2}, {"réponse perdue après enregistrement", true, 1}} {
		t.Run(tc.name, func(t *testing.T) {
			needMedplum(t)
			target, _ := url.Parse(medplum.root)
			ctx, cancel := context.WithCancel(t.Context())
			p := &trapProxy{rp: httputil.NewSingleHostReverseProxy(target), commit: tc.commit, cancel: cancel}
			p.trap.Store(2)
			srv := httptest.NewServer(p)
			defer srv.Close()
			opt := medplumOptions(t.TempDir())
			opt.Server, opt.Parallel = srv.URL+"/fhir", 1
			files := dirFiles(t, dir)

			first, err := Send(ctx, files, opt)
			if err != nil {
				t.Fatal(err)
			}
			if first.Count[StateAccepted] != 1 || first.Count[StateInterrupted] != 2 {
				t.Fatalf("premier envoi : %v", first.Count)
			}
			p.trap.Store(0)
			p.posts.Store(0)
			second := sendOK(t, files, opt)
			if second.Count[StateSkipped] != 1 || second.Count[StateAccepted] != 2 {
				t.Fatalf("reprise : %v", second.Count)
			}
			if n := p.posts.Load(); n != tc.resendNew {
				t.Fatalf("reprise : %d transactions envoyées, attendu %d", n, tc.resendNew)
			}
			if got := serverState(t, sampleTypes(bs)); !maps.Equal(got, clean) {
				t.Fatalf("état après reprise :\n got %v\nwant %v", got, clean)
			}
		})
	}
}

func TestUpsertTwiceKeepsCountsAndTakesTheSecondValues(t *testing.T) {
	needMedplum(t)
	dir := sampleDir(t)
	bs := sampleBundles(t, dir)
	opt := medplumOptions(dir)
	opt.Mode = ModeUpsert
	sendOK(t, dirFiles(t, dir), opt)
	types := sampleTypes(bs)
	first := serverState(t, types)
	for k, n := range first {
		if strings.Contains(k, " ") && n != 1 {
			t.Fatalf("upsert : %s présent %d fois", k, n)
		}
	}
	if first["Organization"] != 1 || first["Practitioner"] != 2 {
		t.Fatalf("upsert : les ressources communes aux lots doivent être uniques : %v", first)
	}

	// Same files, new journal: everything is resent and overwrites.
	opt.Journal = filepath.Join(t.TempDir(), JournalFile)
	sendOK(t, dirFiles(t, dir), opt)
	if got := serverState(t, types); !maps.Equal(got, first) {
		t.Fatalf("second upsert identique :\n got %v\nwant %v", got, first)
	}

	// Changed values (another content, so another journal key).
	v2 := t.TempDir()
	for _, b := range bs {
		for _, e := range b.entries {
			switch e.typ {
			case "Patient":
				e.resource["name"] = []any{object{"family": "VERSION-DEUX", "given": []any{"Deux"}}}
			case "Consent":
				e.resource["status"] = "inactive"
			}
		}
		data, _ := b.body()
		os.WriteFile(filepath.Join(v2, filepath.Base(b.file)), data, 0o644)
	}
	sendOK(t, dirFiles(t, v2), opt)
	if got := serverState(t, types); !maps.Equal(got, first) {
		t.Fatalf("upsert modifié :\n got %v\nwant %v", got, first)
	}
	for _, p := range search(t, "Patient?_count=100") {
		if fam := p["name"].([]any)[0].(object)["family"]; fam != "VERSION-DEUX" {
			t.Fatalf("Patient %v : nom %v, attendu celui du second envoi", p["id"], fam)
		}
	}
	for _, c := range search(t, "Consent?_count=100") {
		if c["status"] != "inactive" {
			t.Fatalf("Consent %v : statut %v, attendu celui du second envoi", c["id"], c["status"])
		}
	}
}

func TestMedplumRejectionCreatesNothing(t *testing.T) {
	needMedplum(t)
	dir := t.TempDir()
	b, _ := readBundle(filepath.Join("testdata", "bundles", "pp-ime.json"))
	// As in the IG's own examples: the profile name where FHIR wants a type.
	b.entries[3].raw["request"] = object{"method": "POST", "url": "TDDUIGoalObjectif"}
	data, _ := b.body()
	file := filepath.Join(dir, "ime.json")
	os.WriteFile(file, data, 0o644)
	sum, err := Send(t.Context(), []string{file}, medplumOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	r := sum.Results[0]
	if r.State != StateRejected || r.Attempts != 1 || len(r.Issues) == 0 {
		t.Fatalf("résultat %+v", r)
	}
	for typ, n := range serverState(t, b.types()) {
		t.Fatalf("rien ne doit être créé, %s : %d", typ, n)
	}
}

func TestMedplumWrongTokenIsRejectedWithoutRetry(t *testing.T) {
	needMedplum(t)
	dir := sampleDir(t)
	opt := medplumOptions(dir)
	opt.Token = "mauvais"
	sum, err := Send(t.Context(), dirFiles(t, dir)[:1], opt)
	if err != nil {
		t.Fatal(err)
	}
	if r := sum.Results[0]; r.State != StateRejected || r.HTTPStatus != 401 || r.Attempts != 1 {
		t.Fatalf("résultat %+v", r)
	}
}
