package identifiant

import "fmt"

// CheckFINESS checks the shape of a FINESS number: 9 characters, the first
// two a department (digits, or 2A/2B for Corsica), the other seven digits.
func CheckFINESS(f string) error {
	if len(f) != 9 {
		return fmt.Errorf("%d caractères au lieu de 9", len(f))
	}
	dep := f[:2]
	if !(allDigits(dep) || dep == "2A" || dep == "2B") || !allDigits(f[2:]) {
		return fmt.Errorf("9 chiffres attendus (2A ou 2B admis pour la Corse)")
	}
	return nil
}

// idNat_Struct prefixes (ANS): what follows the prefix and its length.
var idNatStruct = map[byte]struct {
	what string
	n    int
}{
	'1': {"FINESS d'entité juridique", 9},
	'3': {"FINESS d'établissement", 9},
	'4': {"SIREN", 9},
	'5': {"SIRET", 14},
}

// CheckIdNatStruct checks an idNat_Struct: a type prefix (1 FINESS EJ, 3
// FINESS ET, 4 SIREN, 5 SIRET) followed by the number of that type.
func CheckIdNatStruct(id string) error {
	if id == "" {
		return fmt.Errorf("vide")
	}
	p, ok := idNatStruct[id[0]]
	if !ok {
		return fmt.Errorf("préfixe %q inconnu (1 FINESS EJ, 3 FINESS ET, 4 SIREN, 5 SIRET)", id[:1])
	}
	rest := id[1:]
	if p.n == 9 && (id[0] == '1' || id[0] == '3') {
		if err := CheckFINESS(rest); err != nil {
			return fmt.Errorf("%s après le préfixe %c : %v", p.what, id[0], err)
		}
		return nil
	}
	if len(rest) != p.n || !allDigits(rest) {
		return fmt.Errorf("%s de %d chiffres attendu après le préfixe %c", p.what, p.n, id[0])
	}
	return nil
}
