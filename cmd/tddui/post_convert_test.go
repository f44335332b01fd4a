package main

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

// fakeServer answers every transaction with 201 for each entry, and keeps
// what it received.
type fakeServer struct {
	mu       sync.Mutex
	received []map[string]any
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var b map[string]any
	if err := json.Unmarshal(body, &b); err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.received = append(f.received, b)
	f.mu.Unlock()
	var entries []map[string]any
	for i, e := range b["entry"].([]any) {
		rt := e.(map[string]any)["resource"].(map[string]any)["resourceType"]
		entries = append(entries, map[string]any{"response": map[string]any{
			"status": "201 Created", "location": fmt.Sprintf("%s/%d/_history/1", rt, i+1)}})
	}
	w.Header().Set("Content-Type", "application/fhir+json")
	json.NewEncoder(w).Encode(map[string]any{"resourceType": "Bundle", "type": "transaction-response", "entry": entries})
}

// convert --envoyer sends what it wrote and journals the server's ids.
func TestConvertAndSend(t *testing.T) {
	srv := &fakeServer{}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	out := t.TempDir()
	t.Setenv("TDDUI_JETON", "jeton-de-test")
	if code := run([]string{"tddui", "convert", sample, "-o", out, "--envoyer", ts.URL}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if len(srv.received) != 1 {
		t.Fatalf("the server received %d bundles", len(srv.received))
	}
	if typ := srv.received[0]["type"]; typ != "transaction" {
		t.Fatalf("type %v", typ)
	}
	journal, err := os.ReadFile(filepath.Join(out, "envoi.jsonl"))
	if err != nil || !strings.Contains(string(journal), "Patient") {
		t.Fatalf("journal: %v %s", err, journal)
	}
}

// A server's rejection of an entry is traced back to the spreadsheet row
// the entry came from (rapport.json's sources).
func TestRejectionNamesTheRow(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/fhir+json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]any{"resourceType": "OperationOutcome", "issue": []any{map[string]any{
			"severity": "error", "code": "invalid", "diagnostics": "séjour refusé", "expression": []string{"Bundle.entry[3].resource"}}}})
	}))
	defer ts.Close()
	out := t.TempDir()
	t.Setenv("TDDUI_JETON", "jeton-de-test")
	if code := run([]string{"tddui", "convert", sample, "-o", out}); code != exitOK {
		t.Fatalf("convert: exit %d", code)
	}
	if code := run([]string{"tddui", "post", "--serveur", ts.URL, out}); code != exitRejected {
		t.Fatalf("post: exit %d, want %d", code, exitRejected)
	}
	var bundle struct {
		Entry []struct {
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	raw, _ := os.ReadFile(filepath.Join(out, "ssiad-194704032.json"))
	json.Unmarshal(raw, &bundle)
	rt := bundle.Entry[3].Resource["resourceType"]
	journal, _ := os.ReadFile(filepath.Join(out, "envoi.jsonl"))
	want := map[any]string{"Encounter": "Séjours!2", "RelatedPerson": "Contacts!2"}[rt]
	if want == "" || !strings.Contains(string(journal), `"`+want+`"`) {
		t.Fatalf("entry 3 (%v) must be traced to %q in the journal:\n%s", rt, want, journal)
	}
}
