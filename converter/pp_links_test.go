package converter_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tddui/tddui/converter"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/samples"
	"github.com/tddui/tddui/templates"
)

// twoProjets is the PA sample plus a second projet P2 of the same usager
// that uses every link and slice the IG defines (the IG examples leave
// most of them out).
func twoProjets() samples.Data {
	d := samples.PPPAExempleIG.Clone()
	add := func(sheet string, r samples.Row) { d.Sheets[sheet] = append(d.Sheets[sheet], r) }
	add(templates.SheetContacts, samples.Row{"ref": "C-1", "usager": "123456789", "nom": "L.", "prenom": "Paul"})
	// On another grid's sheet than the sample's evaluation, and dated: a
	// projet workbook has no send window all the same.
	add(templates.SheetEvalSituation, samples.Row{"ref": "77", "usager": "123456789", "statut": "APPROUVE", "date": "03/09/2024",
		"evaluateur": "IDE-1", "incontinence": "non", "incontinence-fec": "non", "obesite": "non", "trouble-cognitif": "oui",
		"trouble-personnalite": "non", "soins-ide": "non", "prise-charge-ide": "non"})
	add(templates.SheetProjets, samples.Row{"ref": "P2", "usager": "123456789", "statut": "ENPAUSE", "auteur_statut": "IDE-1",
		"titre": "Second projet", "debut": "01/09/2024", "fin": "31/08/2025", "modalite_communication": "Par courrier"})
	add(templates.SheetAccords, samples.Row{"ref": "A2-S", "projet": "P2", "type": "accordStructure", "date": "02/09/2024 10:00",
		"signataire_professionnel": "IDE-1", "debut_validite": "01/09/2024", "fin_validite": "31/08/2025"})
	add(templates.SheetAccords, samples.Row{"ref": "A2-U", "projet": "P2", "type": "accordUsager", "date": "02/09/2024 10:00",
		"signataire_contact": "C-1"})
	add(templates.SheetAttentes, samples.Row{"ref": "2001", "projet": "P2", "statut": "ENPREPARATION", "description": "Sortir au marché",
		"origine": "Usager", "commentaires": "le mardi|avec sa fille", "documents": "DOC-BILANOBJ1"})
	add(templates.SheetBesoins, samples.Row{"ref": "2001", "projet": "P2", "statut": "ANNULE", "description": "Mobilité", "categorie": "1.1",
		"analyse": "Analyse IDE", "commentaire": "RAS"})
	add(templates.SheetObjectifs, samples.Row{"ref": "2001", "projet": "P2", "statut": "ANNULE", "auteur_statut": "IDE-1", "titre": "O-2001",
		"description": "Marcher", "besoins": "2001", "referent": "IDE-1", "avis_usager": "D'accord", "strategie": "Petits pas",
		"evaluations": "77", "documents": "DOC-BILANOBJ1", "resultat_attendu": "500 m", "echeance": "01/03/2025"})
	add(templates.SheetActions, samples.Row{"ref": "2001", "projet": "P2", "statut": "TERMINE", "auteur_statut": "IDE-1", "titre": "A-2001",
		"objectifs": "2001", "referent": "IDE-1", "referent_libelle": "IDE référente", "avis_usager": "Bien", "resultat_attendu": "Autonomie",
		"evaluations": "77", "documents": "DOC-BILANOBJ1"})
	add(templates.SheetMoyens, samples.Row{"ref": "2001", "projet": "P2", "statut": "ACTIF", "action": "2001", "titre": "M-2001", "type": "Matériel"})
	add(templates.SheetPrestations, samples.Row{"ref": "2001", "projet": "P2", "statut": "ENPREPARATION", "action": "2001", "titre": "PR-2001",
		"auteur_statut": "IDE-1", "evaluations": "77"})
	add(templates.SheetBilans, samples.Row{"ref": "2001", "projet": "P2", "statut": "TERMINE", "date": "15/02/2025", "perimetre": "Tout",
		"invites": "Famille", "date_prochain": "15/08/2025", "synthese_preparation": "Préparé", "synthese_preparation_auteur": "IDE-1",
		"synthese": "Bilan positif", "documents": "DOC-BILANOBJ1"})
	return d
}

// convertPP converts data written as a workbook next to the sample documents.
func convertPP(t *testing.T, d samples.Data) (*report.Report, string) {
	t.Helper()
	dir := t.TempDir()
	linkDocuments(t, dir)
	in := filepath.Join(dir, "classeur.xlsx")
	if err := d.WriteXLSX(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "sortie")
	rep, err := converter.Convert(converter.Options{Input: in, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	return rep, out
}

// resources of a bundle file, by fullUrl.
func resources(t *testing.T, path string) map[string]map[string]any {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Entry []struct {
			FullURL  string         `json:"fullUrl"`
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for _, e := range b.Entry {
		out[e.FullURL] = e.Resource
	}
	return out
}

// byIdentifier finds the resource whose business identifier ends with suffix.
func byIdentifier(t *testing.T, res map[string]map[string]any, suffix string) map[string]any {
	t.Helper()
	for _, r := range res {
		if ids, ok := r["identifier"].([]any); ok {
			if v, _ := ids[0].(map[string]any)["value"].(string); strings.HasSuffix(v, suffix) {
				return r
			}
		}
	}
	t.Fatalf("no resource with identifier …%s", suffix)
	return nil
}

// get walks a decoded JSON value: keys for objects, ints for arrays.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// target is the resource a reference at path names, in the same bundle.
func target(t *testing.T, res map[string]map[string]any, r map[string]any, path ...any) map[string]any {
	t.Helper()
	ref, _ := get(r, append(path, "reference")...).(string)
	if res[ref] == nil {
		t.Fatalf("%v: reference %q resolves to no entry of the bundle", path, ref)
	}
	return res[ref]
}

// idOf is the business identifier (a list, or one for a
// QuestionnaireResponse).
func idOf(r map[string]any) string {
	for _, path := range [][]any{{"identifier", 0, "value"}, {"identifier", "value"}} {
		if v, ok := get(r, path...).(string); ok {
			return v
		}
	}
	return get(r, "resourceType").(string)
}

// A usager with two projets gets two bundles, each holding only its own
// projet's rows (and the usager's shared ones).
func TestTwoProjetsTwoBundles(t *testing.T) {
	rep, out := convertPP(t, twoProjets())
	if rep.Errors() != 0 || len(rep.Bundles) != 2 {
		t.Fatalf("want 2 bundles, no error: %+v %+v", rep.Bundles, rep.Issues)
	}
	for _, name := range []string{"pp-123456789-1234.json", "pp-123456789-P2.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Fatalf("bundle %s missing: %v", name, err)
		}
	}
	p1, _ := os.ReadFile(filepath.Join(out, "pp-123456789-1234.json"))
	p2, _ := os.ReadFile(filepath.Join(out, "pp-123456789-P2.json"))
	if strings.Contains(string(p1), "-2001") || strings.Contains(string(p1), "PPER-P2") {
		t.Fatal("projet 1234's bundle carries P2's rows")
	}
	if strings.Contains(string(p2), "OBJE-1234") || strings.Contains(string(p2), "PPER-1234") {
		t.Fatal("P2's bundle carries projet 1234's rows")
	}
}

// Every link the IG defines resolves to the right entry of the bundle.
func TestPPLinks(t *testing.T) {
	rep, out := convertPP(t, twoProjets())
	if rep.Errors() != 0 {
		t.Fatalf("%+v", rep.Issues)
	}
	res := resources(t, filepath.Join(out, "pp-123456789-P2.json"))
	cp := byIdentifier(t, res, "-PPER-P2")
	want := func(what string, got map[string]any, id string) {
		t.Helper()
		if idOf(got) != id {
			t.Errorf("%s: want %s, got %s", what, id, idOf(got))
		}
	}
	const u = "3480787529/123456789"
	sd := "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/"
	for _, c := range []struct {
		what, suffix string
		path         []any
		want         string
	}{
		{"attente → projet", "-ATTE-2001", []any{"extension", 0, "valueReference"}, u + "-PPER-P2"},
		{"objectif → projet", "-OBJE-2001", []any{"extension", 0, "valueReference"}, u + "-PPER-P2"},
		{"objectif → besoin", "-OBJE-2001", []any{"addresses", 0}, u + "-BESO-2001"},
		{"besoin → projet", "-BESO-2001", []any{"basedOn", 0}, u + "-PPER-P2"},
		{"action → projet", "-ACTI-2001", []any{"basedOn", 0}, u + "-PPER-P2"},
		{"action input:objectif", "-ACTI-2001", []any{"input", 5, "valueReference"}, u + "-OBJE-2001"},
		{"moyen → projet", "-MORE-2001", []any{"basedOn", 0}, u + "-PPER-P2"},
		{"moyen partOf action", "-MORE-2001", []any{"partOf", 0}, u + "-ACTI-2001"},
		{"prestation partOf action", "-PRES-2001", []any{"partOf", 0}, u + "-ACTI-2001"},
		{"bilan → projet", "-BILA-2001", []any{"basedOn", 0}, u + "-PPER-P2"},
		{"objectif → evaluation", "-OBJE-2001", []any{"extension", 1, "valueReference"}, u + "-EVAL-77"},
		{"action input:evaluation", "-ACTI-2001", []any{"input", 1, "valueReference"}, u + "-EVAL-77"},
		{"prestation input:evaluation", "-PRES-2001", []any{"input", 1, "valueReference"}, u + "-EVAL-77"},
	} {
		want(c.what, target(t, res, byIdentifier(t, res, c.suffix), c.path...), c.want)
	}
	// accords: supportingInfo with the discriminator of their type
	for i, kind := range []string{"accordStructure", "accordUsager"} {
		if get(cp, "supportingInfo", i, "extension", 0, "valueCodeableConcept", "coding", 0, "code") != kind {
			t.Errorf("supportingInfo[%d] must be %s: %v", i, kind, get(cp, "supportingInfo"))
		}
		if c := target(t, res, cp, "supportingInfo", i); c["resourceType"] != "Consent" {
			t.Errorf("supportingInfo[%d] → %v", i, c["resourceType"])
		}
	}
	if p := target(t, res, target(t, res, cp, "supportingInfo", 1), "performer", 0); p["resourceType"] != "RelatedPerson" {
		t.Errorf("accordUsager signed by the contact: %v", p["resourceType"])
	}
	// attachments: extension on goals, input:pieceJointe on tasks
	obj := byIdentifier(t, res, "-OBJE-2001")
	if get(obj, "extension", 2, "url") != sd+"tddui-attachment" || target(t, res, obj, "extension", 2, "valueReference")["resourceType"] != "DocumentReference" {
		t.Errorf("objectif attachment: %v", get(obj, "extension"))
	}
	act := byIdentifier(t, res, "-ACTI-2001")
	if target(t, res, act, "input", 4, "valueReference")["resourceType"] != "DocumentReference" {
		t.Errorf("action pieceJointe: %v", get(act, "input"))
	}
	// evaluations: a literal reference (resolved above), in its slice
	if get(obj, "extension", 1, "url") != sd+"tddui-evaluation-reference" {
		t.Errorf("objectif evaluation reference: %v", get(obj, "extension", 1))
	}
}

// The French business statuses become each profile's FHIR status, with
// the status author on the primitive; notes and inputs carry their slices.
func TestPPStatusesAndSlices(t *testing.T) {
	rep, out := convertPP(t, twoProjets())
	if rep.Errors() != 0 {
		t.Fatalf("%+v", rep.Issues)
	}
	res := resources(t, filepath.Join(out, "pp-123456789-P2.json"))
	sd := "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/"
	for _, c := range []struct {
		suffix, member, want string
		author               bool
	}{
		{"-PPER-P2", "status", "on-hold", true},              // ENPAUSE
		{"-ATTE-2001", "lifecycleStatus", "planned", false},  // ENPREPARATION
		{"-BESO-2001", "status", "revoked", false},           // ANNULE
		{"-OBJE-2001", "lifecycleStatus", "cancelled", true}, // ANNULE
		{"-ACTI-2001", "status", "completed", true},          // TERMINE
		{"-MORE-2001", "status", "in-progress", false},       // ACTIF
		{"-PRES-2001", "status", "draft", true},              // ENPREPARATION
		{"-BILA-2001", "status", "completed", false},         // TERMINE
	} {
		r := byIdentifier(t, res, c.suffix)
		if r[c.member] != c.want {
			t.Errorf("%s %s: want %s, got %v", c.suffix, c.member, c.want, r[c.member])
		}
		if c.author != (get(r, "_"+c.member, "extension", 0, "url") == sd+"tddui-status-author") {
			t.Errorf("%s: status author %v", c.suffix, get(r, "_"+c.member))
		}
		if c.author && target(t, res, r, "_"+c.member, "extension", 0, "valueReference")["resourceType"] != "Practitioner" {
			t.Errorf("%s: the status author is the professional", c.suffix)
		}
	}
	codes := func(r map[string]any, list string) []string {
		var out []string
		l, _ := r[list].([]any)
		for i := range l {
			for _, p := range [][]any{{list, i, "extension", 0, "valueCodeableConcept", "coding", 0, "code"}, {list, i, "type", "coding", 0, "code"}} {
				if s, ok := get(r, p...).(string); ok {
					out = append(out, s)
				}
			}
		}
		return out
	}
	for _, c := range []struct{ suffix, list, want string }{
		{"-ATTE-2001", "note", "origineAttente commentaireAttente commentaireAttente"},
		{"-OBJE-2001", "note", "titreObjectif avisUsagerObjectif strategieMiseEnOeuvreObjectif"},
		{"-ACTI-2001", "input", "titre evaluation avisUsager resultatAttendu pieceJointe objectif"},
		{"-PRES-2001", "input", "titre evaluation"},
		{"-BILA-2001", "input", "perimetre invite pieceJointe dateProchainBilan synthesePreparationBilan"},
		{"-BILA-2001", "output", "syntheseBilan"},
	} {
		if got := strings.Join(codes(byIdentifier(t, res, c.suffix), c.list), " "); got != c.want {
			t.Errorf("%s %s: want %s, got %s", c.suffix, c.list, c.want, got)
		}
	}
	bilan := byIdentifier(t, res, "-BILA-2001")
	if target(t, res, bilan, "input", 4, "valueAnnotation", "authorReference")["resourceType"] != "Practitioner" ||
		get(bilan, "executionPeriod", "start") != "2025-02-15" {
		t.Errorf("bilan: %v", bilan)
	}
}
