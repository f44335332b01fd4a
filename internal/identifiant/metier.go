package identifiant

import (
	"crypto/sha1"

	"github.com/google/uuid"
)

// Business identifier systems of the IG (PROFILES.md §3): the receiving side
// matches a resend on them, so their values must only depend on source data.
const (
	SysUsager      = "https://identifiant-medicosocial-localusager.esante.gouv.fr"
	SysSejour      = "https://identifiant-medicosocial-sejour.esante.gouv.fr"
	SysEvenement   = "https://identifiant-medicosocial-evenement.esante.gouv.fr"
	SysEvaluation  = "https://identifiant-medicosocial-evaluation.esante.gouv.fr"
	SysTransportPr = "https://identifiant-medicosocial-transportprofessionnel.esante.gouv.fr"
	SysTransportUs = "https://identifiant-medicosocial-transportusager.esante.gouv.fr"
	SysProjet      = "https://identifiant-medicosocial-projetpersonnalise.esante.gouv.fr"
	SysAttente     = "https://identifiant-medicosocial-attente.esante.gouv.fr"
	SysObjectif    = "https://identifiant-medicosocial-objectif.esante.gouv.fr"
	SysBesoin      = "https://identifiant-medicosocial-besoin.esante.gouv.fr"
	SysAction      = "https://identifiant-medicosocial-action.esante.gouv.fr"
	SysMoyen       = "https://identifiant-medicosocial-moyenressource.esante.gouv.fr"
	SysPrestation  = "https://identifiant-medicosocial-prestation.esante.gouv.fr"
	SysBilan       = "https://identifiant-medicosocial-bilan.esante.gouv.fr"

	SysINSNIR = "urn:oid:1.2.250.1.213.1.4.8"
	SysIdNatS = "urn:oid:1.2.250.1.71.4.2.2"
	SysIdNatP = "urn:oid:1.2.250.1.71.4.2.1"
)

// Usager is the usager part of every business identifier:
// "3" + FINESS ET + "/" + local usager id.
func Usager(finess, local string) string { return "3" + finess + "/" + local }

// Suffixed is a business identifier below the usager: usager-CODE-num,
// e.g. 3480787529/194704032-SEJOUR-1012.
func Suffixed(usager, code, num string) string { return usager + "-" + code + "-" + num }

// SuffixedURL is FullURL(system + "|" + Suffixed(usager, code, num)), the
// fullUrl of a row below a usager, without making either string: événements
// and transports, the most numerous rows, are referenced by other rows too.
func SuffixedURL(system, usager, code, num string) string {
	return FullURL(system, "|", usager, "-", code, "-", num)
}

// namespace of tddui's UUIDs (v5 of the IG canonical URL), fixed forever so
// that a resend gives the same fullUrls.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://interop.esante.gouv.fr/ig/fhir/tddui"))

// FullURL is the urn:uuid fullUrl of the resource with this key (a business
// identifier system|value, or any other stable key), given whole or in
// parts that are hashed one after the other, as their concatenation.
//
// It gives the bytes of "urn:uuid:" + uuid.NewSHA1(namespace, key).String()
// with one allocation instead of six: every resource of every bundle has
// one, and uuid.NewSHA1 takes a fresh sha1 digest, its sum and two strings.
func FullURL(key ...string) string {
	var buf [160]byte // namespace + key, on the stack for the usual keys
	in := append(buf[:0], namespace[:]...)
	for _, k := range key {
		in = append(in, k...)
	}
	sum := sha1.Sum(in)
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	return string(formatURN(sum[:16]))
}

// formatURN writes "urn:uuid:" and the canonical 8-4-4-4-12 form of u.
func formatURN(u []byte) []byte {
	const prefix, hexDigits = "urn:uuid:", "0123456789abcdef"
	var out [len(prefix) + 36]byte
	n := copy(out[:], prefix)
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[n] = '-'
			n++
		}
		out[n], out[n+1] = hexDigits[b>>4], hexDigits[b&0x0f]
		n += 2
	}
	return out[:]
}
