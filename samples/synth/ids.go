package synth

import (
	"fmt"
	"strconv"
	"time"
)

// nir is a NIR whose every part agrees with the person: sex (1 man, 2
// woman), year and month of birth, birth commune (department then commune,
// as the INSEE code reads), the birth's order in the commune's register,
// and the key, 97 minus the 13 digits modulo 97 (Corsica's 2A and 2B
// counted as 19 and 18), as internal/identifiant.CheckNIR checks it.
func nir(male bool, birth time.Time, place commune, order int) string {
	sex := 2
	if male {
		sex = 1
	}
	body := fmt.Sprintf("%d%02d%02d%s%03d", sex, birth.Year()%100, int(birth.Month()), place.insee, order)
	digits := body
	switch body[5:7] {
	case "2A":
		digits = body[:5] + "19" + body[7:]
	case "2B":
		digits = body[:5] + "18" + body[7:]
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		panic("nir: " + body) // the commune list holds digits and 2A/2B only
	}
	return fmt.Sprintf("%s%02d", body, 97-n%97)
}

// luhn appends the Luhn check digit, the key of FINESS and RPPS numbers.
func luhn(digits string) string {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 { // doubled: every second digit from the key
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return digits + strconv.Itoa((10-sum%10)%10)
}

// finess is an establishment's FINESS: its department, six digits, and
// the Luhn key.
func finess(dept string, n int) string { return luhn(fmt.Sprintf("%s%06d", dept, n%1000000)) }

// rpps is a practitioner's 11-digit RPPS: 10, eight digits, the Luhn key.
func rpps(n int) string { return luhn(fmt.Sprintf("10%08d", n%100000000)) }
