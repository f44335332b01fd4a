package report

import "strings"

// english renders the report's French phrases in English for the summary
// under --lang en: the phrases the converter builds its messages from,
// longest first so that a phrase wins over the words inside it. A phrase
// missing here stays French (rapport.json stays French: it is read by
// programs and by the ESSMS).
var english = strings.NewReplacer(
	"ligne utilisée par aucun usager : elle n'est dans aucun bundle", "row used by no patient: it is in no bundle",
	"code absent de la liste embarquée (incomplète)", "code not in the embedded (incomplete) list",
	"colonne obligatoire absente de l'en-tête", "required column missing from the header",
	"colonne en double, la seconde est ignorée", "duplicate column, the second one is ignored",
	"colonne inconnue du modèle, ignorée", "column unknown to the template, ignored",
	"une date et heure JJ/MM/AAAA HH:MM", "a date and time DD/MM/YYYY HH:MM",
	"bundle de l'usager non écrit", "the patient's bundle was not written",
	"non conforme au guide TDDUI", "not conformant to the TDDUI guide",
	"référence à une ligne absente", "reference to a missing row",
	"fichier introuvable ou illisible", "file missing or unreadable",
	"envoyé sans libellé, vérifiez-le", "sent without a label, check it",
	"accepté : données de test", "accepted: test data",
	"clé de contrôle incorrecte", "wrong check key",
	"INS déjà donné à l'usager", "INS already given to patient",
	"la fin précède le début", "the end precedes the start",
	"cellule obligatoire vide", "required cell is empty",
	"une clé unique dans l'onglet", "a key unique in the sheet",
	"clé déjà utilisée ligne", "key already used on row",
	"matricule INS invalide", "invalid INS number",
	"une date JJ/MM/AAAA", "a date DD/MM/YYYY",
	"un code de la liste", "a code from the list",
	"la clé d'une ligne", "the key of a row",
	"un nombre entier", "a whole number",
	"FINESS invalide", "invalid FINESS",
	"valeur invalide", "invalid value",
	"matricule INS", "INS number",
	"erreur(s) ligne(s)", "error(s) on row(s)",
	"oui ou non", "oui or non (yes/no)",
	"un nombre", "a number",
	"avertissement", "warning",
	"erreur", "error",
	"attendue", "expected",
	"trouvée", "found",
	" : ", ": ",
)

// inLang renders a phrase of the report in the summary's language.
func inLang(lang, s string) string {
	if lang != "en" {
		return s
	}
	return english.Replace(s)
}
