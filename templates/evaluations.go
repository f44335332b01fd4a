package templates

import (
	"fmt"
	"strings"

	"github.com/tddui/tddui/internal/questionnaire"
)

// Evaluation sheet keys: one sheet per evaluation grid of the IG.
const (
	SheetEvalAggirPA   = "evaluations_aggir_pa"
	SheetEvalAggirPH   = "evaluations_aggir_ph"
	SheetEvalSerafin   = "evaluations_serafin"
	SheetEvalSituation = "evaluations_situation"
	// GroupEvaluations is the group of the evaluation sheets: a pp column
	// names an evaluation by its number, whatever its grid.
	GroupEvaluations = "evaluations"
)

const (
	qBase               = "https://interop.esante.gouv.fr/ig/fhir/tddui/Questionnaire/"
	vsEvaluationStatus  = "urn:tddui:vs:evaluation-status"
	itemLabelENPrefix   = "Item (FR): "
	unstructuredHelpFmt = "Une évaluation %s (QuestionnaireResponse) : ses colonnes après « Documents » sont les questions de la grille " +
		"du guide TDDUI, dans son ordre, générées depuis le Questionnaire. " +
		"Les documents nommés (grille scannée, PDF, déclarés dans l'onglet Documents) sont envoyés rattachés à l'événement de la ligne, " +
		"alors obligatoire, par l'extension tddui-attachment : le guide 2.2.0 ne déclare pas cette extension pour QuestionnaireResponse " +
		"(contextes : Encounter, CarePlan, Goal, ServiceRequest), un validateur la refuserait sur l'évaluation. " +
		"Évaluation non structurée : nommez le document et ne remplissez aucune réponse. Le profil exige au moins une réponse " +
		"(item 1..*) : la ligne ne devient pas une QuestionnaireResponse, seul le document est envoyé."
)

// EvaluationGrids are the IG's evaluation grids and the sheet of each. The
// SERAFIN grid with and without precision is one questionnaire (the IG
// examples differ only in the items answered), hence one sheet.
var EvaluationGrids = []struct{ Sheet, Name, NameEN, Title, Questionnaire string }{
	{SheetEvalAggirPA, "Évaluations AGGIR PA", "AGGIR PA assessments", "AGGIR PA", qBase + "tddui-questionnaire-aggir-pa-ssiad"},
	{SheetEvalAggirPH, "Évaluations AGGIR PH", "AGGIR PH assessments", "AGGIR PH", qBase + "tddui-questionnaire-aggir-ph-ssiad"},
	{SheetEvalSerafin, "Évaluations SERAFIN", "SERAFIN assessments", "SERAFIN (avec ou sans précision)", qBase + "tddui-questionnaire-serafin"},
	{SheetEvalSituation, "Évaluations situation", "Situation assessments", "de la situation SSIAD", qBase + "tddui-questionnaire-situation-ssiad"},
}

// EvaluationSheets returns fresh evaluation sheets, one per grid, for a
// template to include. A grid that does not load is a build defect of the
// embedded data: it panics at start-up, caught by every test.
func EvaluationSheets() []*Sheet {
	var out []*Sheet
	for _, g := range EvaluationGrids {
		q, err := questionnaire.ByURL(g.Questionnaire)
		if err != nil {
			panic(err)
		}
		out = append(out, &Sheet{
			Key: g.Sheet, Name: g.Name, NameEN: g.NameEN, Profile: "tddui-questionnaire-response",
			Help:  fmt.Sprintf(unstructuredHelpFmt, g.Title),
			Owner: []string{"usager"}, When: "date", Questionnaire: g.Questionnaire, Group: GroupEvaluations,
			Columns: append(evaluationColumns(), ItemColumns(q)...),
		})
	}
	return out
}

// evaluationColumns are what every evaluation has besides its answers.
func evaluationColumns() []Column {
	return []Column{
		{Key: "ref", Label: "N° d'évaluation", LabelEN: "Assessment number", Kind: Text, Required: true, Example: "21564655",
			Help: "Identifiant : 3+FINESS/usager-EVAL-<n°>.", Target: "QuestionnaireResponse.identifier"},
		{Key: "usager", Label: "Usager", LabelEN: "Patient", Kind: Ref, Ref: SheetUsagers, Required: true, Example: "194704032",
			Target: "QuestionnaireResponse.subject"},
		{Key: "date", Label: "Date de l'évaluation", LabelEN: "Assessment date", Kind: Date, Example: "06/04/2023",
			Help: "Date de l'évaluation ; elle place la ligne dans la fenêtre d'envoi.", Target: "QuestionnaireResponse.authored"},
		{Key: "statut", Label: "Statut de l'évaluation", LabelEN: "Assessment status", Kind: Code, Required: true, ValueSet: vsEvaluationStatus,
			Example: "APPROUVE", Help: "Statut métier : TERMINE, APPROUVE ou VALIDE, envoyés in-progress, completed ou amended comme le veut le guide.",
			Target: "QuestionnaireResponse.status"},
		{Key: "evaluateur", Label: "Évaluateur", LabelEN: "Assessor", Kind: Ref, Ref: SheetProfessionnels, Example: "PRO-1",
			Target: "QuestionnaireResponse.source"},
		{Key: "auteur", Label: "Auteur de la saisie", LabelEN: "Author", Kind: Ref, Ref: SheetProfessionnels,
			Target: "QuestionnaireResponse.author"},
		{Key: "evenement", Label: "Événement", LabelEN: "Event", Kind: Ref, Ref: SheetEvenements, Example: "12548",
			Help: "Événement au cours duquel l'évaluation a été faite.", Target: "QuestionnaireResponse.encounter"},
		{Key: "commentaire", Label: "Commentaire sur l'évaluation", LabelEN: "Assessment comment", Kind: Text,
			Target: "QuestionnaireResponse.extension:TDDUIComment"},
		{Key: "documents", Label: "Documents", LabelEN: "Documents", Kind: Ref, Ref: SheetDocuments, Multi: true,
			Help:   "Grille scannée, PDF… (onglet Documents), rattachés à l'événement. Seuls, sans réponse : évaluation non structurée (voir l'aide de l'onglet).",
			Target: "Encounter.extension:TDDUIAttachment (de l'événement)"},
	}
}

// itemKinds is the column kind of each Questionnaire item type the engine
// answers. A type missing here becomes a text column (the engine still
// checks the cell); a test requires every type of the embedded grids here.
var itemKinds = map[string]Kind{
	"boolean": Bool, "integer": Integer, "decimal": Decimal, "date": Date, "dateTime": DateTime,
	"time": Text, "string": Text, "text": Text, "url": Text, "choice": Code, "coding": Code, "open-choice": Code,
}

// ItemColumns returns one column per answerable item, in questionnaire
// order: Key is the linkId, Label the item text made unique within the grid
// (several AGGIR sub-questions read "fait spontanément"), choice items carry
// their answerOptions in Options. The grids are French only: the English
// label is the French text behind a fixed prefix.
func ItemColumns(q *questionnaire.Questionnaire) []Column {
	var out []Column
	var walk func([]*questionnaire.Item)
	walk = func(items []*questionnaire.Item) {
		for _, it := range items {
			if it.Answerable() {
				out = append(out, itemColumn(it))
			}
			walk(it.Items)
		}
	}
	walk(q.Items)
	uniqueLabels(out, q)
	for i := range out {
		out[i].LabelEN = itemLabelENPrefix + out[i].Label
	}
	return out
}

func itemColumn(it *questionnaire.Item) Column {
	kind, ok := itemKinds[it.Type]
	if !ok {
		kind = Text
	}
	c := Column{
		Key: it.LinkID, Label: itemLabel(it), Kind: kind, Multi: it.Repeats, Item: true,
		Required: alwaysRequired(it), Help: itemHelp(it),
		Target: "QuestionnaireResponse.item[linkId=" + it.LinkID + "]",
	}
	switch c.Kind {
	case Bool:
		c.ValueSet, c.Example = vsOuiNon, "oui"
	case Code:
		c.Options = it.Options
		if len(it.Options) > 0 {
			c.Example = it.Options[0].Code
		}
	}
	return c
}

func itemLabel(it *questionnaire.Item) string {
	if it.Text == "" {
		return it.LinkID
	}
	return it.Text
}

// alwaysRequired marks the column required only when Build would demand the
// cell whatever the other cells hold: a required item under an optional
// question is due only when that question is answered.
func alwaysRequired(it *questionnaire.Item) bool {
	for p := it; p != nil; p = p.Parent {
		if !p.Required || p.EnableWhen {
			return false
		}
	}
	return true
}

// itemHelp places the item in its grid: the path of its ancestors' texts,
// and the condition on its parent question if it is a sub-question.
func itemHelp(it *questionnaire.Item) string {
	var path []string
	for p := it; p != nil; p = p.Parent {
		path = append([]string{itemLabel(p)}, path...)
	}
	h := strings.Join(path, " › ")
	if p := it.Parent; p != nil && p.Answerable() {
		h += ". Sous-question de « " + itemLabel(p) + " » : ne la renseignez que si celle-ci l'est."
	}
	return h
}

// uniqueLabels disambiguates labels that fold to the same text: first by
// prefixing the parent's text, then, if still ambiguous, by the linkId.
func uniqueLabels(cols []Column, q *questionnaire.Questionnaire) {
	for _, step := range []func(*Column){
		func(c *Column) {
			if p := q.Item(c.Key).Parent; p != nil {
				c.Label = itemLabel(p) + " – " + c.Label
			}
		},
		func(c *Column) { c.Label += " (" + c.Key + ")" },
	} {
		count := map[string]int{}
		for _, c := range cols {
			count[Fold(c.Label)]++
		}
		for i := range cols {
			if count[Fold(cols[i].Label)] > 1 {
				step(&cols[i])
			}
		}
	}
}
