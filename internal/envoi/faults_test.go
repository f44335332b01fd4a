package envoi

import (
	"bufio"
	"net/http"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTimeoutIsRetriedAfterCheckingNothingWasCommitted(t *testing.T) {
	f := &fakeFHIR{fault: func(n int, w http.ResponseWriter, r *http.Request, _ []byte) bool {
		if n == 1 {
			<-r.Context().Done() // never answers: the client's timeout fires
			return true
		}
		return false
	}}
	r, opt := fakeRun(t, f, func(o *Options) { o.Timeout = 300 * time.Millisecond })
	posts, searches, stored := f.counts()
	if r.State != StateAccepted || r.Attempts != 2 || posts != 2 || searches != 1 || stored != 8 {
		t.Fatalf("résultat %s, %d tentatives, %d POST, %d recherches, %d ressources", r.State, r.Attempts, posts, searches, stored)
	}
	if rec := lastRecord(t, opt); rec.State != StateAccepted || len(rec.Entries) != 8 || rec.Entries[0].ID != "id1" {
		t.Fatalf("journal %+v", rec)
	}
}

func TestRetryAfterOf429IsHonoured(t *testing.T) {
	f := &fakeFHIR{fault: func(n int, w http.ResponseWriter, _ *http.Request, _ []byte) bool {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return true
		}
		return false
	}}
	r, _ := fakeRun(t, f, nil)
	posts, searches, _ := f.counts()
	if r.State != StateAccepted || r.Attempts != 2 || posts != 2 || searches != 0 {
		t.Fatalf("résultat %s, %d tentatives, %d POST, %d recherches", r.State, r.Attempts, posts, searches)
	}
	s := &sender{opt: Options{MaxRetryAfter: time.Minute}}
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"7"}}}
	if d := s.backoff(time.Millisecond, 2*time.Millisecond, 0, resp); d != 7*time.Second {
		t.Fatalf("attente %v, attendu la valeur de Retry-After (7s)", d)
	}
}

func TestPersistent500FailsAfterAllRetriesAndKeepsTheOutcome(t *testing.T) {
	f := &fakeFHIR{fault: func(_ int, w http.ResponseWriter, _ *http.Request, _ []byte) bool {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(outcomeJSON(object{"severity": "fatal", "code": "exception", "diagnostics": "base indisponible"}))
		return true
	}}
	r, opt := fakeRun(t, f, nil)
	posts, searches, _ := f.counts()
	if r.State != StateFailed || r.Attempts != 4 || posts != 4 || searches != 0 || r.HTTPStatus != 500 {
		t.Fatalf("résultat %+v, %d POST, %d recherches", r, posts, searches)
	}
	if len(r.Issues) != 1 || r.Issues[0].Message != "base indisponible" {
		t.Fatalf("problèmes %+v", r.Issues)
	}
	if rec := lastRecord(t, opt); rec.State != StateFailed || rec.Doubt {
		t.Fatalf("journal %+v", rec)
	}
	// A later run sends again (a 500 rolled the transaction back).
	f.fault = nil
	if r := rerun(t, r.File, opt); r.State != StateAccepted || r.Attempts != 1 {
		t.Fatalf("relance : %+v", r)
	}
}

// dropAfter answers the first transaction with half a response, then cuts
// the connection; commit says whether the server had committed it.
func dropAfter(f *fakeFHIR, commit bool) func(int, http.ResponseWriter, *http.Request, []byte) bool {
	return func(n int, w http.ResponseWriter, _ *http.Request, body []byte) bool {
		if n != 1 {
			return false
		}
		if commit {
			f.commit(body)
		}
		conn, buf, _ := w.(http.Hijacker).Hijack()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: 4000\r\n\r\n{\"resourceType\":\"Bu")
		buf.Flush()
		conn.Close()
		return true
	}
}

func TestDroppedConnection(t *testing.T) {
	t.Run("non enregistré : renvoyé", func(t *testing.T) {
		f := &fakeFHIR{}
		f.fault = dropAfter(f, false)
		r, _ := fakeRun(t, f, nil)
		posts, searches, stored := f.counts()
		if r.State != StateAccepted || r.Attempts != 2 || posts != 2 || searches != 1 || stored != 8 {
			t.Fatalf("résultat %s, %d tentatives, %d POST, %d recherches, %d ressources", r.State, r.Attempts, posts, searches, stored)
		}
	})
	t.Run("enregistré : pas de doublon", func(t *testing.T) {
		f := &fakeFHIR{}
		f.fault = dropAfter(f, true)
		r, _ := fakeRun(t, f, nil)
		posts, _, stored := f.counts()
		if r.State != StateAccepted || posts != 1 || stored != 8 || len(r.Entries) != 8 || r.Entries[7].ID != "id8" {
			t.Fatalf("résultat %+v, %d POST, %d ressources", r, posts, stored)
		}
	})
	t.Run("serveur sans recherche : incertain, jamais renvoyé", func(t *testing.T) {
		f := &fakeFHIR{noSearch: true}
		f.fault = dropAfter(f, true)
		r, opt := fakeRun(t, f, nil)
		if posts, _, _ := f.counts(); r.State != StateUncertain || posts != 1 {
			t.Fatalf("résultat %+v, %d POST", r, posts)
		}
		if r := rerun(t, r.File, opt); r.State != StateUncertain {
			t.Fatalf("relance : %+v", r)
		}
		if posts, _, stored := f.counts(); posts != 1 || stored != 8 {
			t.Fatalf("relance : %d POST, %d ressources", posts, stored)
		}
	})
}

func Test400IssuesAreMappedToEntriesAndCells(t *testing.T) {
	b, err := readBundle(filepath.Join("testdata", "bundles", "pp-ime.json"))
	if err != nil {
		t.Fatal(err)
	}
	goal, task := b.entries[3], b.entries[5]
	f := &fakeFHIR{fault: func(_ int, w http.ResponseWriter, _ *http.Request, _ []byte) bool {
		w.WriteHeader(http.StatusBadRequest)
		w.Write(outcomeJSON(
			object{"severity": "error", "code": "invalid", "diagnostics": "date invalide",
				"expression": []string{"Bundle.entry[3].resource.startDate"}},
			object{"severity": "error", "code": "invalid", "diagnostics": "référence introuvable dans " + task.fullURL},
			object{"severity": "error", "code": "processing", "details": object{"text": "lot refusé"}}))
		return true
	}}
	cells := map[string]string{goal.fullURL: "Objectifs!D7"}
	r, opt := fakeRun(t, f, func(o *Options) {
		o.CellOf = func(full string) string { return cells[full] }
	})
	if r.State != StateRejected || r.Attempts != 1 || r.HTTPStatus != 400 || len(r.Issues) != 3 {
		t.Fatalf("résultat %+v", r)
	}
	want := []Issue{
		{Index: 3, FullURL: goal.fullURL, Type: "Goal", Identifier: goal.identifier, Cell: "Objectifs!D7",
			Severity: "error", Code: "invalid", Message: "date invalide", Expression: []string{"Bundle.entry[3].resource.startDate"}},
		{Index: 5, FullURL: task.fullURL, Type: "Task", Identifier: task.identifier,
			Severity: "error", Code: "invalid", Message: "référence introuvable dans " + task.fullURL},
		{Index: -1, Severity: "error", Code: "processing", Message: "lot refusé"},
	}
	for i := range want {
		if !reflect.DeepEqual(r.Issues[i], want[i]) {
			t.Fatalf("problème %d :\n got %+v\nwant %+v", i, r.Issues[i], want[i])
		}
	}
	if rec := lastRecord(t, opt); rec.State != StateRejected || !reflect.DeepEqual(rec.Issues, r.Issues) {
		t.Fatalf("journal %+v", rec)
	}
}

func TestOther4xxAreNotRetried(t *testing.T) {
	for _, code := range []int{401, 403, 404, 409, 422} {
		f := &fakeFHIR{fault: func(_ int, w http.ResponseWriter, _ *http.Request, _ []byte) bool {
			w.WriteHeader(code)
			return true
		}}
		r, _ := fakeRun(t, f, nil)
		if posts, _, _ := f.counts(); r.State != StateRejected || r.Attempts != 1 || posts != 1 || r.HTTPStatus != code {
			t.Fatalf("HTTP %d : %+v, %d POST", code, r, posts)
		}
	}
}

func TestDryRunSendsNothing(t *testing.T) {
	var out strings.Builder
	f := &fakeFHIR{}
	r, opt := fakeRun(t, f, func(o *Options) { o.DryRun, o.Out, o.Mode = true, &out, ModeUpsert })
	if posts, searches, _ := f.counts(); r.State != StateDryRun || posts+searches != 0 {
		t.Fatalf("résultat %+v, %d requêtes", r, posts+searches)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 9 || !strings.Contains(lines[1], "PUT Patient?identifier=https%3A%2F%2Fidentifiant-medicosocial-localusager") {
		t.Fatalf("plan :\n%s", out.String())
	}
	if _, err := openJournal(opt.Journal, true); err != nil {
		t.Fatal(err)
	}
}

func TestUpsertRequests(t *testing.T) {
	f := &fakeFHIR{}
	r, _ := fakeRun(t, f, func(o *Options) { o.Mode = ModeUpsert })
	if r.State != StateAccepted {
		t.Fatalf("résultat %+v", r)
	}
	b := &bundle{}
	b.doc = object{}
	if err := jsonUnmarshal(f.bodies[0], &b.doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range b.doc["entry"].([]any) {
		e := x.(object)
		req, res := e["request"].(object), e["resource"].(object)
		got = append(got, req["method"].(string)+" "+req["url"].(string)+" id="+str(res["id"]))
	}
	want := "PUT Consent/" + strings.TrimPrefix(r.Entries[1].FullURL, "urn:uuid:") + " id=" + strings.TrimPrefix(r.Entries[1].FullURL, "urn:uuid:")
	if !strings.HasPrefix(got[0], "PUT Patient?identifier=https%3A%2F%2F") || !strings.HasSuffix(got[0], " id=") || got[1] != want {
		t.Fatalf("requêtes :\n%s", strings.Join(got, "\n"))
	}
}

func TestTornJournalLineIsIgnoredAndNotGluedTo(t *testing.T) {
	f := &fakeFHIR{}
	r, opt := fakeRun(t, f, nil)
	appendFile(t, opt.Journal, `{"cle":"coupé`)
	if r2 := rerun(t, r.File, opt); r2.State != StateSkipped {
		t.Fatalf("relance : %+v", r2)
	}
	j, err := openJournal(opt.Journal, true)
	if err != nil {
		t.Fatal(err)
	}
	if rec := j.last[journalKey(r.Hash, opt.Server)]; rec.State != StateAccepted {
		t.Fatalf("journal %+v", rec)
	}
	lines := readLines(t, opt.Journal)
	if !slices.Contains(lines, `{"cle":"coupé`) {
		t.Fatalf("la ligne coupée doit rester seule sur sa ligne : %q", lines)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	fh := openFile(t, path)
	defer fh.Close()
	var out []string
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}
