package templates

import (
	"fmt"
	"slices"
)

// ppEvaluationHelpFmt: what an evaluation row is in a projet workbook.
const ppEvaluationHelpFmt = "Une évaluation %s (QuestionnaireResponse) de l'usager : ses colonnes après « Commentaire sur l'évaluation » sont les questions " +
	"de la grille du guide TDDUI, dans son ordre, générées depuis le Questionnaire ; au moins une réponse. Elle est envoyée avec chaque projet " +
	"de l'usager ; un objectif, une action, un moyen ou une prestation la cite par son numéro (colonne « N° d'évaluation »)."

// ppEvaluationDropped: the columns that hang an evaluation on the SSIAD
// agenda, which a projet workbook has not. The documents go with the
// événement: they travel attached to it (see unstructuredHelpFmt).
var ppEvaluationDropped = []string{"evenement", "documents"}

// ppEvaluationSheets are the evaluation sheets of the projet personnalisé.
// They place no row in a send window: a projet is sent whole, one bundle,
// with its usager's evaluations whatever their date (a dated row would
// repeat the projet in every window of a split history).
func ppEvaluationSheets() []*Sheet {
	sheets := EvaluationSheets()
	for i, s := range sheets {
		s.Help = fmt.Sprintf(ppEvaluationHelpFmt, EvaluationGrids[i].Title)
		s.When = ""
		s.Columns = slices.DeleteFunc(s.Columns, func(c Column) bool { return slices.Contains(ppEvaluationDropped, c.Key) })
		s.Column("date").Help = "Date de l'évaluation."
	}
	return sheets
}
