package envoi

// State is what became of one bundle. The journal stores the same words.
type State string

const (
	StateSent        State = "envoye"     // journal only: on its way, outcome not known yet
	StateAccepted    State = "accepte"    // the server committed it (now or in an earlier run)
	StateRejected    State = "rejete"     // the server (or a local check) refused it: fix the data
	StateFailed      State = "echec"      // network, 429 or 5xx after every retry: re-run later
	StateUncertain   State = "incertain"  // may be committed, cannot tell: not resent
	StateSkipped     State = "deja"       // accepted in an earlier run: not resent
	StateInterrupted State = "interrompu" // cancelled (Ctrl-C) before an outcome
	StateDryRun      State = "simule"     // --dry-run
)

// EntryResult is one entry of an accepted bundle with the ids the server gave
// it: the IG says the producer must keep them.
type EntryResult struct {
	Index      int    `json:"index"`
	FullURL    string `json:"fullUrl"`
	Type       string `json:"type"`
	Identifier string `json:"identifiant,omitempty"` // system|value
	ID         string `json:"id,omitempty"`
	VersionID  string `json:"versionId,omitempty"`
	Status     string `json:"statut,omitempty"`
}

// Issue is one OperationOutcome issue, mapped back to its entry when the
// server said which one (Index -1: the bundle as a whole).
type Issue struct {
	Index      int      `json:"index"`
	FullURL    string   `json:"fullUrl,omitempty"`
	Type       string   `json:"type,omitempty"`
	Identifier string   `json:"identifiant,omitempty"`
	Cell       string   `json:"cellule,omitempty"`
	Severity   string   `json:"severite,omitempty"`
	Code       string   `json:"code,omitempty"`
	Message    string   `json:"message"`
	Expression []string `json:"expression,omitempty"`
}

// Result is the outcome of one bundle file.
type Result struct {
	File       string        `json:"fichier"`
	Hash       string        `json:"empreinte,omitempty"`
	State      State         `json:"etat"`
	HTTPStatus int           `json:"http,omitempty"`
	Attempts   int           `json:"tentatives,omitempty"`
	Entries    []EntryResult `json:"entrees,omitempty"`
	Issues     []Issue       `json:"problemes,omitempty"`
	Err        string        `json:"erreur,omitempty"`
}

// Summary counts the results; Results keeps the input order.
type Summary struct {
	Results []Result
	Count   map[State]int
}

func summarize(rs []Result) Summary {
	s := Summary{Results: rs, Count: map[State]int{}}
	for _, r := range rs {
		s.Count[r.State]++
	}
	return s
}

// Rejected tells whether some bundle was refused (exit code 1).
func (s Summary) Rejected() bool { return s.Count[StateRejected] > 0 }

// Unfinished tells whether some bundle still has to be sent or checked by a
// re-run: failed, uncertain or interrupted.
func (s Summary) Unfinished() bool {
	return s.Count[StateFailed]+s.Count[StateUncertain]+s.Count[StateInterrupted] > 0
}
