package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestSummaryLanguages(t *testing.T) {
	r := &Report{Input: "classeur.xlsx"}
	r.Count("Séjours", Rejected)
	r.Add(Issue{Severity: Error, Sheet: "Séjours", Line: 3, Cell: "Séjours!E3", Value: "31/02/2023",
		Expected: "une date JJ/MM/AAAA", Message: "valeur invalide"})
	var fr, en bytes.Buffer
	r.Summary(&fr, "fr", "sortie", 20)
	r.Summary(&en, "en", "sortie", 20)
	for _, want := range []string{"Onglet", "rejetées", "[erreur] Séjours!E3 : valeur invalide", "attendu : une date JJ/MM/AAAA"} {
		if !strings.Contains(fr.String(), want) {
			t.Errorf("French summary lacks %q:\n%s", want, fr.String())
		}
	}
	for _, want := range []string{"Sheet", "rejected", "[error] Séjours!E3 : invalid value", "expected: a date DD/MM/YYYY"} {
		if !strings.Contains(en.String(), want) {
			t.Errorf("English summary lacks %q:\n%s", want, en.String())
		}
	}
}
