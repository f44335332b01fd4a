// Package identifiant holds the French identifier rules the IG relies on:
// NIR/INS keys, FINESS and idNat_Struct shapes, the business identifiers of
// the TDDUI flows and the deterministic UUIDs derived from them.
package identifiant

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// ErrCle is wrapped by CheckNIR when the shape is right but the key is not:
// test identities (the IG examples' among them) fail only this check, which
// callers may downgrade to a warning for test data.
var ErrCle = errors.New("clé de contrôle incorrecte")

// CheckNIR checks a 15-character NIR / INS matricule: 13 characters (digits,
// with 2A or 2B as the department of Corsica) followed by a 2-digit key equal
// to 97 minus the number modulo 97 (2A counted as 19, 2B as 18).
func CheckNIR(nir string) error {
	if len(nir) != 15 {
		return fmt.Errorf("%d caractères au lieu de 15", len(nir))
	}
	body, key := nir[:13], nir[13:]
	num := body
	switch strings.ToUpper(body[5:7]) {
	case "2A":
		num = body[:5] + "19" + body[7:]
	case "2B":
		num = body[:5] + "18" + body[7:]
	}
	if !allDigits(num) || !allDigits(key) {
		return fmt.Errorf("caractères non numériques (seuls 2A/2B sont admis, en 6e et 7e position)")
	}
	n, _ := new(big.Int).SetString(num, 10)
	want := 97 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	if fmt.Sprintf("%02d", want) != key {
		return fmt.Errorf("%w : %s attendue, %s trouvée", ErrCle, fmt.Sprintf("%02d", want), key)
	}
	return nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
