package envoi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The Medplum FHIR engine (testdata/medplum/server.mjs) is started once for
// the package on a free loopback port; every test that uses it resets it.
const medplumToken = "jeton-de-test"

var medplum struct {
	base string // http://127.0.0.1:port/fhir
	root string
	err  error
}

func TestMain(m *testing.M) {
	stop, err := startMedplum()
	medplum.err = err
	code := m.Run()
	stop()
	os.Exit(code)
}

// startMedplum installs the npm packages when missing and starts the server;
// the server prints its port, and exits when its stdin closes.
func startMedplum() (func(), error) {
	nop := func() {}
	dir := filepath.Join("testdata", "medplum")
	node, err := exec.LookPath("node")
	if err != nil {
		return nop, fmt.Errorf("node introuvable (Node.js 20+ et npm sont requis pour lancer Medplum) : %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return nop, fmt.Errorf("npm introuvable (requis pour installer Medplum) : %w", err)
		}
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return nop, fmt.Errorf("npm ci dans %s : %w\n%s", dir, err, out)
		}
	}
	cmd := exec.Command(node, "server.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PORT=0", "TOKEN="+medplumToken)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		return nop, fmt.Errorf("démarrage de Medplum : %w", err)
	}
	stop := func() { stdin.Close(); cmd.Process.Kill(); cmd.Wait() }
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- line
	}()
	var line string
	select { // a guard against a server that never says it listens
	case line = <-ready:
	case <-time.After(2 * time.Minute):
		err = errors.New("pas de LISTENING en 2 minutes")
	}
	var port int
	if _, serr := fmt.Sscanf(line, "LISTENING %d", &port); err != nil || serr != nil {
		stop()
		return nop, fmt.Errorf("Medplum n'a pas démarré (%q) : %v\n%s", line, err, stderr.String())
	}
	medplum.root = fmt.Sprintf("http://127.0.0.1:%d", port)
	medplum.base = medplum.root + "/fhir"
	return stop, nil
}

// needMedplum fails (never skips) the test when the engine could not start,
// and empties its repository.
func needMedplum(t *testing.T) {
	t.Helper()
	if medplum.err != nil {
		t.Fatalf("serveur Medplum indisponible : %v", medplum.err)
	}
	resp, err := http.Post(medplum.root+"/reset", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// fhirGet reads from the Medplum server, token included.
func fhirGet(t *testing.T, path string) (int, object) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, medplum.base+"/"+path, nil)
	req.Header.Set("Authorization", "Bearer "+medplumToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var o object
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatalf("GET %s : %v : %s", path, err, data)
	}
	return resp.StatusCode, o
}

// search returns the resources of a search on the server.
func search(t *testing.T, query string) []object {
	t.Helper()
	code, b := fhirGet(t, query)
	if code != 200 {
		t.Fatalf("GET %s : HTTP %d %v", query, code, b)
	}
	var out []object
	list, _ := b["entry"].([]any)
	for _, e := range list {
		out = append(out, e.(object)["resource"].(object))
	}
	return out
}

// serverState is what a run leaves: resources per type and per business
// identifier, the ids of the server left out (they differ between runs).
func serverState(t *testing.T, types []string) map[string]int {
	t.Helper()
	st := map[string]int{}
	for _, typ := range types {
		for _, r := range search(t, typ+"?_count=1000") {
			st[typ]++
			if id := firstIdentifier(r); id != "" {
				st[typ+" "+id]++
			}
		}
	}
	return st
}

// sampleDir copies the test bundles (and a report that is not a bundle)
// into a fresh OUTDIR.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range sampleNames {
		data, err := os.ReadFile(filepath.Join("testdata", "bundles", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, ReportFile), []byte(`{"lignes":3,"rejets":[]}`), 0o644)
	return dir
}

var sampleNames = []string{"pp-ime.json", "pp-pa.json", "ssiad.json"}

// sampleBundles reads the test bundles as the sender does.
func sampleBundles(t *testing.T, dir string) []*bundle {
	t.Helper()
	var out []*bundle
	for _, n := range sampleNames {
		b, err := readBundle(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func sampleTypes(bs []*bundle) []string {
	seen := map[string]bool{}
	var out []string
	for _, b := range bs {
		for _, typ := range b.types() {
			if !seen[typ] {
				seen[typ] = true
				out = append(out, typ)
			}
		}
	}
	return out
}

func medplumOptions(dir string) Options {
	return Options{Server: medplum.base, Token: medplumToken, Journal: filepath.Join(dir, JournalFile),
		MinBackoff: 1e6, MaxBackoff: 1e7}
}

func sendOK(t *testing.T, files []string, opt Options) Summary {
	t.Helper()
	sum, err := Send(t.Context(), files, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sum.Results {
		if r.State != StateAccepted && r.State != StateSkipped {
			t.Fatalf("%s : %s %s %+v", r.File, r.State, r.Err, r.Issues)
		}
	}
	return sum
}

func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := BundleFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(sampleNames) || strings.Contains(strings.Join(files, " "), ReportFile) {
		t.Fatalf("fichiers de lots : %v", files)
	}
	return files
}
