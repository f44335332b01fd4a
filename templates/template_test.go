package templates

import (
	"testing"
)

// Every template must be self-consistent: unique sheet and column keys, a
// text key column first, value sets that exist, references to real sheets.
func TestTemplatesConsistent(t *testing.T) {
	for _, key := range Keys() {
		tpl, err := Get(key)
		if err != nil {
			t.Fatal(err)
		}
		sheets := map[string]bool{}
		for _, s := range tpl.Sheets {
			if sheets[s.Key] {
				t.Errorf("%s: duplicate sheet %s", key, s.Key)
			}
			sheets[s.Key] = true
		}
		for _, s := range tpl.Sheets {
			if sheets[s.Group] {
				t.Errorf("%s/%s: group %s is also a sheet key: a Ref to it would be ambiguous", key, s.Key, s.Group)
			}
			cols := map[string]bool{}
			labels := map[string]bool{}
			if kc := s.KeyColumn(); !kc.Required || kc.Kind != Text {
				t.Errorf("%s/%s: first column %s must be a required text key", key, s.Key, kc.Key)
			}
			for _, c := range s.Columns {
				if cols[c.Key] || labels[Fold(c.Label)] {
					t.Errorf("%s/%s: duplicate column %s", key, s.Key, c.Key)
				}
				cols[c.Key], labels[Fold(c.Label)] = true, true
				if c.Label == "" || c.LabelEN == "" {
					t.Errorf("%s/%s/%s: label missing", key, s.Key, c.Key)
				}
				// A questionnaire item's answerOptions are its value list.
				if (c.Kind == Code || c.Kind == Bool) && c.ValueSet == "" && len(c.Options) == 0 {
					t.Errorf("%s/%s/%s: coded column without value set or options", key, s.Key, c.Key)
				}
				if c.ValueSet != "" {
					if vs := c.ValueSetData(); vs == nil || (len(vs.Concepts) == 0 && !vs.Partial) {
						t.Errorf("%s/%s/%s: value set %s empty", key, s.Key, c.Key, c.ValueSet)
					}
				}
				if c.Kind == Ref && len(tpl.RefSheets(c.Ref)) == 0 {
					t.Errorf("%s/%s/%s: reference to unknown sheet or group %q", key, s.Key, c.Key, c.Ref)
				}
				if c.Default != "" && c.ValueSet != "" {
					if _, ok := c.ValueSetData().Lookup(c.Default); !ok {
						t.Errorf("%s/%s/%s: default %q not in its value set", key, s.Key, c.Key, c.Default)
					}
				}
			}
		}
	}
}

func TestMatching(t *testing.T) {
	s := SSIAD.MatchSheet("evenements")
	if s == nil || s.Key != SheetEvenements {
		t.Fatalf("MatchSheet(evenements) = %v", s)
	}
	if SSIAD.MatchSheet("Événements") != s || SSIAD.MatchSheet("Events") != s {
		t.Fatal("tab name and English name must match")
	}
	if c := s.MatchColumn("N° d'événement *"); c == nil || c.Key != "ref" {
		t.Fatalf("header with required mark: %v", c)
	}
	if c := s.MatchColumn("n° d’evenement"); c == nil || c.Key != "ref" {
		t.Fatalf("typographic apostrophe, no accent: %v", c)
	}
	if s.MatchColumn("colonne inconnue") != nil {
		t.Fatal("unknown header matched")
	}
}
