package envoi

import "fmt"

// Messages shown to the user, French by default, English with --lang en.
var messages = map[string][2]string{
	"bar":        {"envoi", "sending"},
	"plan":       {"%s : %d entrées → transaction POST %s", "%s: %d entries → transaction POST %s"},
	"plan.skip":  {"%s : déjà accepté par ce serveur, ne serait pas renvoyé", "%s: already accepted by this server, would not be resent"},
	"plan.doubt": {"  (envoi précédent sans réponse : le serveur sera d'abord interrogé)", "  (earlier send without answer: the server will be asked first)"},
	"summary": {"%d lot(s) : %d accepté(s), %d déjà accepté(s), %d rejeté(s), %d en échec, %d incertain(s), %d interrompu(s), %d simulé(s)",
		"%d bundle(s): %d accepted, %d already accepted, %d rejected, %d failed, %d uncertain, %d interrupted, %d dry-run"},
	"line":      {"%s : %s", "%s: %s"},
	"attempts":  {" (%d tentatives)", " (%d attempts)"},
	"issue":     {"  entrée %d %s %s%s : %s", "  entry %d %s %s%s: %s"},
	"issue.all": {"  lot : %s", "  bundle: %s"},
	"cell":      {" [cellule %s]", " [cell %s]"},
	"rerun": {"relancer la même commande reprendra les lots non terminés (journal %s)",
		"re-running the same command resumes the unfinished bundles (journal %s)"},
}

var stateNames = map[State][2]string{
	StateAccepted:    {"accepté", "accepted"},
	StateRejected:    {"rejeté", "rejected"},
	StateFailed:      {"échec", "failed"},
	StateUncertain:   {"incertain (peut-être enregistré, non renvoyé)", "uncertain (maybe committed, not resent)"},
	StateSkipped:     {"déjà accepté", "already accepted"},
	StateInterrupted: {"interrompu", "interrupted"},
	StateDryRun:      {"simulé", "dry-run"},
}

func msg(lang, key string, args ...any) string {
	m := messages[key]
	f := m[0]
	if lang == "en" {
		f = m[1]
	}
	return fmt.Sprintf(f, args...)
}

func stateName(lang string, s State) string {
	n, ok := stateNames[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return n[1]
	}
	return n[0]
}
