package generate

import (
	"fmt"
	"strings"

	"github.com/tddui/tddui/templates"
	"github.com/xuri/excelize/v2"
)

// Read me texts. The {placeholders} are filled from the template's own
// columns (see examples), so the examples hold for any template.
var (
	readmeIntro = []msg{
		{"Remplissez le classeur onglet par onglet : une ligne par élément (usager, séjour, événement…), sous la ligne d'en-têtes. Ne renommez ni les onglets ni les en-têtes.",
			"Fill the workbook sheet by sheet: one row per item (patient, stay, event…), below the header row. Do not rename the sheets or the headers."},
		{"Chaque en-tête porte un commentaire (survolez-le) : sens, type, format, exemple et liste de valeurs de la colonne.",
			"Each header has a comment (hover over it): meaning, kind, format, example and value list of the column."},
	}
	readmeConventions = msg{"Conventions", "Conventions"}
	readmeRules       = []msg{
		{"Les colonnes marquées * (en-tête sur fond orangé) sont obligatoires ; les autres peuvent rester vides.",
			"Columns marked * (header on an orange background) are required; the others may stay empty."},
		{"Plusieurs valeurs dans une cellule : séparez-les par « {sep} », par exemple valeur 1 {sep} valeur 2.",
			"Several values in one cell: separate them with \"{sep}\", for example value 1 {sep} value 2."},
		{"Lien vers une ligne d'un autre onglet : écrivez la clé de cette ligne, c'est-à-dire la valeur de la première colonne de l'autre onglet (par exemple {key} pour une ligne de l'onglet « {keysheet} »).",
			"Link to a row of another sheet: write that row's key, i.e. the value of the other sheet's first column (for example {key} for a row of sheet \"{keysheet}\")."},
		{"Colonnes codées : écrivez le code ({code}) ou « CODE - Libellé » ({entry}) tel que le propose la liste déroulante. Une liste incomplète accepte d'autres codes, avec un avertissement.",
			"Coded columns: write the code ({code}) or \"CODE - Label\" ({entry}) as the dropdown offers it. An incomplete list accepts other codes, with a warning."},
		{"Dates : JJ/MM/AAAA (03/04/1947). Dates et heures : JJ/MM/AAAA HH:MM, heure de Paris (14/04/2023 10:30).",
			"Dates: DD/MM/YYYY (03/04/1947). Dates and times: DD/MM/YYYY HH:MM, Paris time (14/04/2023 10:30)."},
		{"Oui/non : écrivez oui ou non.", "Yes/no: write oui (yes) or non (no)."},
	}
	readmeSettings = msg{"Onglet « %s » : réglages du classeur (gardez les noms de réglages en français)",
		"Sheet \"%s\": workbook settings (keep the setting names in French)"}
	readmeSettingRules = []msg{
		{"« %s » : oui pour des identités de test (les clés NIR fausses deviennent des avertissements), non sinon. Prérempli : %s.",
			"\"%s\": oui (yes) for test identities (wrong NIR keys become warnings), non (no) otherwise. Pre-filled: %s."},
		{"« %s » : local ou ins, ce qui suit 3+FINESS/ dans les identifiants des séjours, événements et transports. Prérempli : %s.",
			"\"%s\": local or ins, what follows 3+FINESS/ in the identifiers of stays, events and transports. Pre-filled: %s."},
		{"« %s » : le modèle du classeur. Prérempli : %s.", "\"%s\": the workbook's template. Pre-filled: %s."},
	}
)

// readme writes rows one under the other; the first error stops it.
type readme struct {
	f     *excelize.File
	sheet string
	row   int
	err   error
}

func (r *readme) line(style int, cells ...string) {
	if r.err != nil {
		return
	}
	r.row++
	start := fmt.Sprintf("A%d", r.row)
	if r.err = r.f.SetSheetRow(r.sheet, start, &cells); r.err != nil {
		return
	}
	end, _ := excelize.CoordinatesToCellName(max(len(cells), 1), r.row)
	r.err = r.f.SetCellStyle(r.sheet, start, end, style)
}

func (r *readme) blank() { r.row++ }

// writeReadme explains the workbook: conventions first, then each sheet with
// the table of its columns. Paragraphs sit in column A and overflow to the
// right; the table cells wrap.
func writeReadme(f *excelize.File, t *templates.Template, lang string, st *styles) error {
	r := &readme{f: f, sheet: ReadmeSheetName(lang)}
	r.line(st.title, fmt.Sprintf(txtReadmeHead.in(lang), t.Title))
	for _, m := range readmeIntro {
		r.line(st.para, m.in(lang))
	}
	r.blank()
	r.line(st.section, readmeConventions.in(lang))
	ex := examples(t, lang)
	for _, m := range readmeRules {
		r.line(st.para, "• "+ex.Replace(m.in(lang)))
	}
	readmeSettingsPart(r, t, lang, st)
	for _, s := range t.Sheets {
		readmeSheet(r, t, s, lang, st)
	}
	if r.err != nil {
		return r.err
	}
	return readmeWidths(f, r.sheet)
}

func readmeSettingsPart(r *readme, t *templates.Template, lang string, st *styles) {
	s := t.Sheet(templates.SheetParametres)
	if s == nil {
		return
	}
	r.blank()
	r.line(st.section, fmt.Sprintf(readmeSettings.in(lang), sheetName(s, lang)))
	for i, row := range parametresRows(t) {
		r.line(st.para, "• "+fmt.Sprintf(readmeSettingRules[i].in(lang), row[0], row[1]))
	}
}

func readmeSheet(r *readme, t *templates.Template, s *templates.Sheet, lang string, st *styles) {
	r.blank()
	r.line(st.section, fmt.Sprintf(txtSheet.in(lang), sheetName(s, lang)))
	r.line(st.para, s.Help)
	if s.Profile != "" {
		r.line(st.para, txtProfile.in(lang)+s.Profile)
	}
	r.line(st.tableHead, txtColumn.in(lang), txtKind.in(lang), txtRequired.in(lang)+" ?", txtMeaning.in(lang),
		txtFormat.in(lang), txtList.in(lang), txtExample.in(lang), txtTarget.in(lang))
	for i := range s.Columns {
		fa := describe(t, &s.Columns[i], lang)
		req := txtNo.in(lang)
		if s.Columns[i].Required {
			req = txtYes.in(lang)
		}
		r.line(st.tableCell, fa.header, fa.kind, req, fa.meaning, fa.format, fa.list, fa.example, fa.target)
	}
}

// readmeWidths: the meaning and format columns are the ones people read.
func readmeWidths(f *excelize.File, sheet string) error {
	for col, w := range map[string]float64{"A": 36, "B": 14, "C": 12, "D": 60, "E": 40, "F": 30, "G": 22, "H": 45} {
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// examples fills the rules' placeholders from the first referencing column
// and the first coded column (with a complete list) that have an example.
func examples(t *templates.Template, lang string) *strings.Replacer {
	pairs := []string{"{sep}", templates.Separator}
	var ref, code bool
	for _, s := range t.Sheets {
		for i := range s.Columns {
			c := &s.Columns[i]
			if c.Example == "" {
				continue
			}
			if c.Kind == templates.Ref && !ref && t.Sheet(c.Ref) != nil {
				ref = true
				pairs = append(pairs, "{key}", c.Example, "{keysheet}", sheetName(t.Sheet(c.Ref), lang))
			}
			if c.Kind == templates.Code && !code && !c.ValueSetData().Partial {
				if concept, ok := c.ValueSetData().Lookup(c.Example); ok {
					code = true
					pairs = append(pairs, "{code}", concept.Code, "{entry}", ListEntry(concept))
				}
			}
		}
	}
	// Fallbacks for a template without such columns; NewReplacer gives
	// precedence to the earlier pairs.
	pairs = append(pairs, "{key}", "REF-1", "{keysheet}", "…", "{code}", "CODE", "{entry}", "CODE - Libellé")
	return strings.NewReplacer(pairs...)
}
