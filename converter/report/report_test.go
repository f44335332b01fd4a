package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// rapport.json keeps the object form of sources that `tddui post` reads:
// fullUrl → Onglet!ligne.
func TestSourcesJSON(t *testing.T) {
	b := BundleInfo{File: "b.json", Sources: NewSources([]Source{{FullURL: "urn:uuid:1", Sheet: "Usagers", Line: 14},
		{FullURL: "urn:uuid:2", Sheet: "Événements", Line: 3}})}
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

// rapport.json written a piece at a time is byte for byte what marshalling
// the whole report gives, nil, empty and full lists alike.
func TestWriteJSON(t *testing.T) {
	full := &Report{Input: "classeur <1>.xlsx", Window: "2023-01-01/2023-02-04"}
	full.Add(Issue{Severity: Error, Sheet: "Séjours", Line: 3, Cell: "Séjours!E3", Value: "31/02/2023", Message: "valeur & invalide"})
	full.Add(Issue{Severity: Warning, Sheet: "Usagers", Line: 4, Message: "autre"})
	full.Count("Séjours", Rejected)
	full.Count("Usagers", Converted)
	full.AddBundle(BundleInfo{File: "a.json", Usager: "U1", Case: "ssiad", Entries: 2,
		Sources: NewSources([]Source{{FullURL: "urn:uuid:1", Sheet: "Usagers", Line: 14}})})
	full.AddBundle(BundleInfo{File: "b.json", Usager: "U2", Case: "ssiad", From: "2023-01-01", To: "2023-02-04"})
	empty := &Report{Issues: []Issue{}, Bundles: []BundleInfo{}}
	for name, r := range map[string]*Report{"full": full, "nil lists": {}, "empty lists": empty} {
		want, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		if err := r.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want) {
			t.Errorf("%s:\n%s\nwant\n%s", name, got.String(), want)
		}
	}
}
