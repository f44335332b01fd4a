package build

import (
	"errors"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/converter/report"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/internal/identifiant"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetUsagers, builder{
		key:   func(c *Context, r *record.Record) string { return identifiant.SysUsager + "|" + localID(r) },
		build: buildPatient,
	})
}

// buildPatient builds tddui-patient-ins when the INS is given, else
// tddui-patient (official name 1..1, birth order 1..1 with a birth date).
func buildPatient(c *Context, r *record.Record) []Entry {
	profile := "tddui-patient"
	p := fhir.Patient{}
	if ins := r.Str("ins"); ins != "" {
		profile = "tddui-patient-ins"
		c.checkNIR(r, "ins", ins)
		if !r.Has("sexe") {
			r.Reject(c.Rep, "sexe", "", "male, female ou unknown", "avec un INS, le sexe est obligatoire (trait d'identité, profil tddui-patient-ins)")
		}
		p.Identifier = append(p.Identifier, fhir.Identifier{
			Use:    useOfficial(),
			Type:   &fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.FRCoreCS + "fr-core-cs-v2-0203"), Code: fhirx.Str("INS-NIR")}}},
			System: fhirx.Str(identifiant.SysINSNIR), Value: fhirx.Str(ins),
		})
	} else if r.Has("date_naissance") && !r.Has("rang_naissance") {
		r.Reject(c.Rep, "rang_naissance", "", "le rang de naissance (1, 2…)",
			"sans INS, le rang de naissance est obligatoire quand la date de naissance est donnée (profil tddui-patient)")
	}
	p.Meta = profileMeta(profile)
	p.Identifier = append(p.Identifier, fhir.Identifier{
		Type:   &fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.V2_0203), Code: fhirx.Str("PI"), Display: fhirx.Str("Patient internal identifier")}}},
		System: fhirx.Str(identifiant.SysUsager), Value: fhirx.Str(localID(r)),
	})
	p.Extension = patientExtensions(r)
	p.Name = patientNames(r)
	if g, ok := r.Code("sexe"); ok {
		gender := genders[g.Code]
		p.Gender = &gender
	}
	p.BirthDate = fhirx.Str(r.Date("date_naissance"))
	p.Address = address(r, "home")
	var extra []fhirx.Member
	if n, ok := r.Int("rang_naissance"); ok {
		if n < 1 || n > 999 {
			r.Reject(c.Rep, "rang_naissance", r.Str("rang_naissance"), "un entier de 1 à 999", "rang de naissance invalide")
		}
		extra = append(extra, fhirx.Member{Name: "_birthDate", Value: fhirx.Element{
			Extension: []fhir.Extension{fhirx.ExtPositiveInt(fhirx.SD+"tddui-birth-order", n)}}})
		if !r.Has("date_naissance") {
			r.Reject(c.Rep, "date_naissance", "", "la date de naissance",
				"le rang de naissance est porté par la date de naissance : donnez-la aussi")
		}
	}
	return []Entry{c.entry(r, "Patient", profile, fhirx.With{Resource: p, Extra: extra})}
}

// localID is the PI identifier: 3 + FINESS / the DUI's own usager id,
// whatever the structure chose for the other business identifiers.
func localID(r *record.Record) string {
	finess := ""
	if s := r.Link("structure"); s != nil {
		finess = s.Str("finess")
	}
	return identifiant.Usager(finess, r.Key)
}

var genders = map[string]fhir.AdministrativeGender{
	"male": fhir.AdministrativeGenderMale, "female": fhir.AdministrativeGenderFemale, "unknown": fhir.AdministrativeGenderUnknown,
}

func useOfficial() *fhir.IdentifierUse { u := fhir.IdentifierUseOfficial; return &u }

func patientExtensions(r *record.Record) []fhir.Extension {
	var ext []fhir.Extension
	if s, ok := r.Code("statut_identite"); ok {
		ext = append(ext, fhir.Extension{Url: fhirx.FRCoreSD + "fr-core-identity-reliability", Extension: []fhir.Extension{
			{Url: "identityStatus", ValueCoding: &fhir.Coding{System: fhirx.Str(s.System), Code: fhirx.Str(s.Code)}}}})
	}
	if r.Has("commune_naissance_insee") || r.Has("commune_naissance") || r.Has("pays_naissance") {
		a := fhir.Address{City: fhirx.Str(r.Str("commune_naissance")), Country: fhirx.Str(r.Str("pays_naissance"))}
		if code := r.Str("commune_naissance_insee"); code != "" {
			a.Extension = []fhir.Extension{{Url: fhirx.FRCoreSD + "fr-core-address-insee-code", ValueCoding: &fhir.Coding{
				System: fhirx.Str("https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM"), Code: fhirx.Str(code)}}}
		}
		ext = append(ext, fhir.Extension{Url: fhirx.HL7Ext + "patient-birthPlace", ValueAddress: &a})
	}
	return ext
}

func patientNames(r *record.Record) []fhir.HumanName {
	use := fhir.NameUseOfficial
	official := fhir.HumanName{Use: &use, Family: fhirx.Str(r.Str("nom_naissance")), Given: list(r.Str("premier_prenom")),
		Prefix: list(r.Str("civilite"))}
	if all := r.Str("prenoms_naissance"); all != "" {
		official.Extension = []fhir.Extension{fhirx.ExtString(fhirx.FRCoreSD+"fr-core-patient-birth-list-given-name", all)}
	}
	names := []fhir.HumanName{official}
	if r.Has("nom_utilise") || r.Has("prenom_utilise") {
		usual := fhir.NameUseUsual
		names = append(names, fhir.HumanName{Use: &usual, Family: fhirx.Str(r.Str("nom_utilise")), Given: list(r.Str("prenom_utilise"))})
	}
	return names
}

// address builds the address of a row with the shared address columns.
func address(r *record.Record, use string) []fhir.Address {
	if !r.Has("adresse") && !r.Has("ville") && !r.Has("code_postal") && !r.Has("adresse_texte") {
		return nil
	}
	a := fhir.Address{Text: fhirx.Str(r.Str("adresse_texte")), Line: r.Strs("adresse"), City: fhirx.Str(r.Str("ville")),
		PostalCode: fhirx.Str(r.Str("code_postal"))}
	if use == "home" {
		u := fhir.AddressUseHome
		a.Use = &u
	}
	return []fhir.Address{a}
}

// checkNIR checks an INS / NIR cell; a wrong key is only a warning for test
// data, whose identities never carry valid keys.
func (c *Context) checkNIR(r *record.Record, col, v string) {
	err := identifiant.CheckNIR(v)
	switch {
	case err == nil:
	case errors.Is(err, identifiant.ErrCle) && c.Opt.TestData:
		r.Warn(c.Rep, col, v, "matricule INS : "+err.Error()+" (accepté : données de test)")
	default:
		r.Reject(c.Rep, col, v, "15 caractères dont une clé de contrôle valide (97 − NIR mod 97)", "matricule INS invalide : "+err.Error())
	}
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

var _ = report.Error
