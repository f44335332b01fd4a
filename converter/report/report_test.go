package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// rapport.json keeps the object form of sources that `tddui post` reads:
// fullUrl → Onglet!ligne.
func TestSourcesJSON(t *testing.T) {
	b := BundleInfo{File: "b.json", Sources: Sources{{FullURL: "urn:uuid:1", Sheet: "Usagers", Line: 14},
		{FullURL: "urn:uuid:2", Sheet: "Événements", Line: 3}}}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Sources map[string]string `json:"sources"`
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Sources) != 2 || back.Sources["urn:uuid:1"] != "Usagers!14" || back.Sources["urn:uuid:2"] != "Événements!3" {
		t.Fatalf("sources: %s", data)
	}
	if data, _ := json.Marshal(BundleInfo{}); strings.Contains(string(data), "sources") {
		t.Fatalf("empty sources written: %s", data)
	}
}
