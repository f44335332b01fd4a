package questionnaire

import "fmt"

// ErrorKind classifies an AnswerError, so that callers and tests can tell
// them apart without reading the French message.
type ErrorKind int

// Error kinds of Build.
const (
	ErrUnknown     ErrorKind = iota + 1 // the questionnaire has no item with this linkId
	ErrNotAnswered                      // the linkId is a group or display text: it takes no cell
	ErrOption                           // a choice answer that is not one of the item's options
	ErrType                             // a value of the wrong type ("abc" for an integer)
	ErrRequired                         // a required item left empty
	ErrOrphan                           // sub-questions answered while their question is empty
)

// AnswerError is one problem with one cell of an evaluation.
type AnswerError struct {
	Kind   ErrorKind
	LinkID string
	Value  string // the cell text, as given
	Msg    string // French, names the linkId, the value and what was expected
}

func (e AnswerError) Error() string { return e.Msg }

// unanswered names the item types that take no cell.
var unanswered = map[string]string{"group": "un groupe de questions", "display": "un texte d'information"}

func newError(k ErrorKind, it *Item, linkID, value string) AnswerError {
	e := AnswerError{Kind: k, LinkID: linkID, Value: value}
	switch k {
	case ErrUnknown:
		e.Msg = fmt.Sprintf("%s : le questionnaire n'a pas d'item « %s » (valeur « %s ») ; vérifiez l'en-tête de la colonne", linkID, linkID, value)
	case ErrNotAnswered:
		e.Msg = fmt.Sprintf("%s : « %s » est %s, il ne prend pas de réponse (valeur « %s »)", linkID, it.Text, unanswered[it.Type], value)
	case ErrOption, ErrType:
		e.Msg = fmt.Sprintf("%s : « %s » ne convient pas pour « %s » ; attendu : %s", linkID, value, it.Text, kinds[it.Type].expected(it))
	case ErrRequired:
		e.Msg = fmt.Sprintf("%s : « %s » est obligatoire et n'a pas de réponse", linkID, it.Text)
	case ErrOrphan:
		e.Msg = fmt.Sprintf("%s : des sous-questions de « %s » sont renseignées mais pas cette question ; "+
			"renseignez-la ou videz ses sous-questions", linkID, it.Text)
	}
	return e
}
