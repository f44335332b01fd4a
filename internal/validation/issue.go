// Package validation checks FHIR JSON (a transaction Bundle or single
// resources) against the TDDUI 2.2.0 implementation guide: the profiles'
// own (trimmed) differentials embedded under data/, the R4 base rules beneath
// them and the French identifier rules. Checks report (path, rule) and go on,
// in the spirit of google/fhir's errorreporter: a Reporter collects them.
package validation

// Severity of an issue, with OperationOutcome's codes.
type Severity string

// Severities used; only errors make a resource non-conformant.
const (
	Error       Severity = "error"
	Warning     Severity = "warning"
	Information Severity = "information"
)

// Issue is one problem found. Path is FHIRPath-like, from the root of what
// was validated ("Bundle.entry[3].resource.identifier[0].system").
type Issue struct {
	Severity   Severity `json:"severity"`
	Path       string   `json:"path"`
	Rule       string   `json:"rule"`
	Element    string   `json:"element,omitempty"` // profile element id, e.g. Encounter.identifier:idStay
	Profile    string   `json:"profile,omitempty"` // profile (or table) that states the rule
	Message    string   `json:"message"`
	EntryIndex int      `json:"entryIndex"` // -1 outside a Bundle entry
	FullURL    string   `json:"fullUrl,omitempty"`
}

// Reporter receives issues as checks find them; checks never stop on one.
type Reporter interface {
	Report(Issue)
}

// IssueList is the simplest Reporter: it keeps every issue in order.
type IssueList []Issue

// Report appends the issue.
func (l *IssueList) Report(is Issue) { *l = append(*l, is) }

// HasErrors tells whether any issue is an error (warnings do not reject).
func HasErrors(issues []Issue) bool {
	for _, is := range issues {
		if is.Severity == Error {
			return true
		}
	}
	return false
}
