package envoi

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fakeFHIR is a scripted FHIR server for the faults a real engine will not
// produce on demand. POSTs at /fhir are transactions: fault(n) decides the
// fate of the n-th one (nil: commit and answer 200). GET /fhir/Type?_tag=
// searches what was committed, unless noSearch (a bare IG consumer).
type fakeFHIR struct {
	mu       sync.Mutex
	posts    int
	searches int
	store    []object
	bodies   [][]byte
	noSearch bool
	fault    func(n int, w http.ResponseWriter, r *http.Request, body []byte) bool
}

func (f *fakeFHIR) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		f.search(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.posts++
	n := f.posts
	f.bodies = append(f.bodies, body)
	f.mu.Unlock()
	if f.fault != nil && f.fault(n, w, r, body) {
		return
	}
	w.Header().Set("Content-Type", "application/fhir+json")
	w.Write(f.commit(body))
}

// commit stores the resources with ids and returns the transaction-response.
func (f *fakeFHIR) commit(body []byte) []byte {
	var b struct {
		Entry []struct {
			Resource object `json:"resource"`
		} `json:"entry"`
	}
	json.Unmarshal(body, &b)
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []any
	for _, e := range b.Entry {
		id := fmt.Sprintf("id%d", len(f.store)+1)
		e.Resource["id"] = id
		e.Resource["meta"].(object)["versionId"] = "1"
		f.store = append(f.store, e.Resource)
		loc := fmt.Sprintf("%s/%s/_history/1", e.Resource["resourceType"], id)
		out = append(out, object{"response": object{"status": "201 Created", "location": loc}})
	}
	data, _ := json.Marshal(object{"resourceType": "Bundle", "type": "transaction-response", "entry": out})
	return data
}

func (f *fakeFHIR) search(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches++
	if f.noSearch {
		http.Error(w, `{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported"}]}`, http.StatusNotFound)
		return
	}
	typ := strings.TrimPrefix(r.URL.Path, "/fhir/")
	tag := r.URL.Query().Get("_tag")
	var entries []any
	for _, res := range f.store {
		for _, t := range res["meta"].(object)["tag"].([]any) {
			tm := t.(object)
			if res["resourceType"] == typ && tm["system"].(string)+"|"+tm["code"].(string) == tag {
				entries = append(entries, object{"resource": res})
			}
		}
	}
	json.NewEncoder(w).Encode(object{"resourceType": "Bundle", "type": "searchset", "entry": entries})
}

func (f *fakeFHIR) counts() (posts, searches, stored int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts, f.searches, len(f.store)
}

// fakeRun sends the IME sample bundle to a fresh fake server.
func fakeRun(t *testing.T, f *fakeFHIR, tune func(*Options)) (Result, Options) {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	data, _ := os.ReadFile(filepath.Join("testdata", "bundles", "pp-ime.json"))
	file := filepath.Join(dir, "pp-ime.json")
	os.WriteFile(file, data, 0o644)
	opt := Options{Server: srv.URL + "/fhir", Journal: filepath.Join(dir, JournalFile),
		Retries: 3, MinBackoff: 1e6, MaxBackoff: 5e6}
	if tune != nil {
		tune(&opt)
	}
	return rerun(t, file, opt), opt
}

func rerun(t *testing.T, file string, opt Options) Result {
	t.Helper()
	sum, err := Send(t.Context(), []string{file}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return sum.Results[0]
}

// lastRecord is the journal's last word on the only bundle of a run.
func lastRecord(t *testing.T, opt Options) record {
	t.Helper()
	j, err := openJournal(opt.Journal, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(j.last) != 1 {
		t.Fatalf("journal : %d lots", len(j.last))
	}
	for _, r := range j.last {
		return r
	}
	return record{}
}

func outcomeJSON(issues ...object) []byte {
	data, _ := json.Marshal(object{"resourceType": "OperationOutcome", "issue": issues})
	return data
}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

func str(v any) string {
	s, _ := v.(string)
	return s
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	fh.WriteString(text)
}

func openFile(t *testing.T, path string) *os.File {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return fh
}
