package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMutations: every defect of testdata/mutations is reported as an error
// at the expected place, with the expected rule and profile, and no error is
// reported elsewhere (the IG example it comes from has none with test data).
func TestMutations(t *testing.T) {
	files := mutationFiles(t)
	if len(files) < len(mutations) {
		t.Fatalf("%d mutation files for %d mutations: regenerate with -update", len(files), len(mutations))
	}
	v := New(Options{TestData: true})
	for _, m := range files {
		t.Run(m.Name, func(t *testing.T) {
			issues := v.Resource(m.Resource)
			for _, want := range m.Expect {
				if !found(issues, want) {
					t.Errorf("%s: want %s at %s (%s); got:\n%s", m.Defect, want.Rule, want.Path, want.Profile, dump(issues))
				}
			}
			for _, is := range issues {
				if is.Severity == Error && !near(is.Path, m.Expect) {
					t.Errorf("unexpected error elsewhere: %s %s %s", is.Path, is.Rule, is.Message)
				}
			}
		})
	}
}

// mutationFiles reads testdata/mutations.
func mutationFiles(t *testing.T) []mutationFile {
	files, _ := filepath.Glob("testdata/mutations/*.json")
	var out []mutationFile
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m mutationFile
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, m)
	}
	return out
}

func found(issues []Issue, want expected) bool {
	for _, is := range issues {
		if is.Severity == Error && is.Path == want.Path && is.Rule == want.Rule && (want.Profile == "" || is.Profile == want.Profile) {
			return true
		}
	}
	return false
}

// near: the error is at an expected path, or inside or above it.
func near(p string, exp []expected) bool {
	for _, e := range exp {
		if strings.HasPrefix(p, e.Path) || strings.HasPrefix(e.Path, p) {
			return true
		}
	}
	return false
}

func dump(issues []Issue) string {
	var sb strings.Builder
	for _, is := range issues {
		sb.WriteString("  " + string(is.Severity) + " " + is.Path + " " + is.Rule + " " + is.Profile + " " + is.Message + "\n")
	}
	return sb.String()
}
