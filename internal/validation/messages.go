package validation

import "fmt"

// messages: one line per rule, French then English; arguments are filled in
// the same order in both languages.
var messages = map[string][2]string{
	"json":                 {"JSON illisible : %v", "unreadable JSON: %v"},
	"resourceType":         {"resourceType absent : ce n'est pas une ressource FHIR", "no resourceType: not a FHIR resource"},
	"cardinality.min":      {"%s : au moins %d attendu(s), %d trouvé(s)", "%s: at least %d expected, %d found"},
	"cardinality.max":      {"%s : au plus %s admis, %d trouvé(s)", "%s: at most %s allowed, %d found"},
	"slice.min":            {"tranche %s : au moins %d attendue(s), %d trouvée(s)", "slice %s: at least %d expected, %d found"},
	"slice.max":            {"tranche %s : au plus %s admise(s), %d trouvée(s)", "slice %s: at most %s allowed, %d found"},
	"pattern":              {"%s : la valeur doit contenir %s", "%s: the value must contain %s"},
	"fixed":                {"%s : valeur imposée %s", "%s: fixed value %s required"},
	"binding":              {"code %s hors du jeu de valeurs obligatoire %s", "code %s is not in the required value set %s"},
	"binding.partial":      {"code %s absent de la liste connue (partielle) du jeu de valeurs %s", "code %s is not in the known (partial) list of value set %s"},
	"code":                 {"code %q non admis (valeurs possibles : %s)", "code %q not allowed (allowed: %s)"},
	"type":                 {"%s : type %s non admis (attendu : %s)", "%s: type %s not allowed (expected: %s)"},
	"reference.type":       {"référence vers un(e) %s, attendu : %s", "reference to a %s, expected: %s"},
	"reference.profile":    {"la ressource référencée %s ne déclare aucun des profils attendus : %s", "the referenced resource %s declares none of the expected profiles: %s"},
	"reference.unresolved": {"référence %q introuvable dans le Bundle", "reference %q not found in the Bundle"},
	"extension.unknown":    {"extension %s inconnue du guide TDDUI", "extension %s is unknown to the TDDUI guide"},
	"extension.context":    {"extension %s non admise sur %s (contextes : %s)", "extension %s not allowed on %s (contexts: %s)"},
	"extension.url":        {"extension sans url", "extension without url"},
	"extension.value":      {"extension %s : value[x] et sous-extensions à la fois", "extension %s: both value[x] and sub-extensions"},
	"profile.unknown":      {"profil %s inconnu du guide TDDUI", "profile %s is unknown to the TDDUI guide"},
	"profile.unchecked":    {"profil %s non vérifié : sa définition n'est pas embarquée", "profile %s not checked: its definition is not embedded"},
	"profile.type":         {"le profil %s s'applique à %s, pas à %s", "profile %s applies to %s, not to %s"},
	"format":               {"valeur %q invalide pour le type FHIR %s", "value %q is not a valid FHIR %s"},
	"invariant":            {"invariant %s non respecté : %s", "invariant %s violated: %s"},
	"nir":                  {"%s %q invalide : %v", "invalid %s %q: %v"},
	"nir.key":              {"%s %q : %v (admis en données de test)", "%s %q: %v (accepted for test data)"},
	"finess":               {"FINESS %q invalide dans %q : %v", "invalid FINESS %q in %q: %v"},
	"idnat":                {"idNat_Struct %q invalide : %v", "invalid idNat_Struct %q: %v"},
	"identifier.format":    {"identifiant %q ne suit pas le format %s", "identifier %q does not follow the format %s"},
}

func (v *Validator) msg(rule string, args ...any) string {
	t, ok := messages[rule]
	if !ok {
		return rule
	}
	if v.en {
		return fmt.Sprintf(t[1], args...)
	}
	return fmt.Sprintf(t[0], args...)
}
