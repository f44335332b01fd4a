package generate

import "github.com/tddui/tddui/templates"

// msg is one user-facing text in French and English. French is the default:
// the users are French ESSMS staff; English only with --lang en.
type msg struct{ fr, en string }

func (m msg) in(lang string) string {
	if lang == "en" && m.en != "" {
		return m.en
	}
	return m.fr
}

// Names of the two generated tabs that are not template sheets.
var (
	readmeName = msg{"Lisez-moi", "Read me"}
	listsName  = msg{"Listes", "Lists"}
)

// ReadmeSheetName is the tab name of the instructions sheet.
func ReadmeSheetName(lang string) string { return readmeName.in(lang) }

// ListsSheetName is the tab name of the hidden sheet holding the dropdown
// lists; readers of filled workbooks should ignore it like the Read me tab.
func ListsSheetName(lang string) string { return listsName.in(lang) }

// kindNames translates the kinds; the French word is the Kind itself.
var kindNames = map[templates.Kind]string{
	templates.Text: "text", templates.Integer: "integer", templates.Decimal: "number",
	templates.Date: "date", templates.DateTime: "date and time", templates.Bool: "yes/no",
	templates.Code: "code", templates.Ref: "reference", templates.File: "file",
}

func kindName(k templates.Kind, lang string) string {
	if lang == "en" && kindNames[k] != "" {
		return kindNames[k]
	}
	return string(k)
}

var (
	txtYes        = msg{"oui", "yes"}
	txtNo         = msg{"non", "no"}
	txtRequired   = msg{"Obligatoire", "Required"}
	txtOptional   = msg{"Facultatif", "Optional"}
	txtKind       = msg{"Type", "Kind"}
	txtFormat     = msg{"Format", "Format"}
	txtExample    = msg{"Exemple", "Example"}
	txtMeaning    = msg{"Signification", "Meaning"}
	txtColumn     = msg{"Colonne", "Column"}
	txtTarget     = msg{"Élément FHIR", "FHIR element"}
	txtList       = msg{"Liste", "List"}
	txtPartial    = msg{" (incomplète : d'autres codes sont acceptés avec un avertissement)", " (incomplete: other codes are accepted with a warning)"}
	txtEmpty      = msg{"Si vide", "If empty"}
	txtProfile    = msg{"Profil FHIR : ", "FHIR profile: "}
	txtSheet      = msg{"Onglet « %s »", "Sheet \"%s\""}
	fmtDate       = msg{"JJ/MM/AAAA", "DD/MM/YYYY"}
	fmtDateTime   = msg{"JJ/MM/AAAA HH:MM, heure de Paris", "DD/MM/YYYY HH:MM, Paris time"}
	fmtBool       = msg{"oui ou non", "oui or non (yes or no)"}
	fmtCode       = msg{"le code, ou « CODE - Libellé » comme le propose la liste déroulante", "the code, or \"CODE - Label\" as the dropdown offers it"}
	fmtRef        = msg{"la clé d'une ligne de l'onglet « %s » (la valeur de sa colonne « %s »)", "the key of a row of sheet \"%s\" (the value of its column \"%s\")"}
	sepSheets     = msg{" » ou « ", "\" or \""}
	fmtMulti      = msg{"plusieurs valeurs séparées par « %s »", "several values separated by \"%s\""}
	fmtFile       = msg{"chemin du fichier, relatif au classeur", "file path, relative to the workbook"}
	txtListTitle  = msg{"Valeur hors liste", "Value not in the list"}
	txtListStop   = msg{"Choisissez une valeur de la liste « %s ».", "Choose a value from the list \"%s\"."}
	txtListWarn   = msg{"Cette valeur n'est pas dans la liste « %s » : vérifiez-la.", "This value is not in the list \"%s\": check it."}
	txtListMulti  = msg{"Plusieurs valeurs ? Séparez-les par « %s ». Chaque valeur doit venir de la liste « %s ».", "Several values? Separate them with \"%s\". Each must come from the list \"%s\"."}
	txtWriting    = msg{"écriture de %s : %w", "writing %s: %w"}
	txtCommentBy  = msg{"tddui", "tddui"}
	txtReadmeHead = msg{"Modèle de classeur TDDUI 2.2.0 : %s", "TDDUI 2.2.0 workbook template: %s"}
)
