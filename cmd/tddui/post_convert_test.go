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
