package templates

import "testing"

// The pp workbook has every evaluation grid, in the evaluations group the
// pp columns name, without the SSIAD agenda's columns (no Événements
// sheet) and undated for the send window; its evaluation columns name
// exactly those sheets.
func TestPPEvaluationSheets(t *testing.T) {
	group := PP.RefSheets(GroupEvaluations)
	if len(group) != len(EvaluationGrids) {
		t.Fatalf("pp evaluations group: %d sheets, want %d", len(group), len(EvaluationGrids))
	}
	for i, g := range EvaluationGrids {
		s := group[i]
		if s.Key != g.Sheet || s.Questionnaire != g.Questionnaire || s.When != "" {
			t.Errorf("%s: key %s, questionnaire %s, When %q", g.Sheet, s.Key, s.Questionnaire, s.When)
		}
		for _, k := range ppEvaluationDropped {
			if s.Column(k) != nil {
				t.Errorf("%s: column %s names what the pp workbook has not", s.Key, k)
			}
		}
		if ss := SSIAD.Sheet(g.Sheet); ss.Column("evenement") == nil || ss.When != "date" {
			t.Errorf("%s: the SSIAD sheet must keep its événement and window (sheets are fresh per template)", g.Sheet)
		}
	}
	for _, sk := range []string{SheetObjectifs, SheetActions, SheetMoyens, SheetPrestations} {
		if c := PP.Sheet(sk).Column("evaluations"); c.Kind != Ref || c.Ref != GroupEvaluations {
			t.Errorf("%s: evaluations column %+v must name the evaluations group", sk, c)
		}
	}
}
