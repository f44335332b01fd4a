package validation

import "encoding/json"

// OutcomeReporter builds an OperationOutcome as issues come in.
type OutcomeReporter struct {
	Issues []outcomeIssue
}

type outcomeIssue struct {
	Severity    Severity        `json:"severity"`
	Code        string          `json:"code"`
	Details     *outcomeDetails `json:"details,omitempty"`
	Diagnostics string          `json:"diagnostics,omitempty"`
	Expression  []string        `json:"expression,omitempty"`
}

type outcomeDetails struct {
	Coding []outcomeCoding `json:"coding,omitempty"`
	Text   string          `json:"text"`
}

type outcomeCoding struct {
	System string `json:"system"`
	Code   string `json:"code"`
}

// ruleSystem names tddui's rule identifiers in OperationOutcome codings.
const ruleSystem = "urn:tddui:validation:rule"

// Report adds one OperationOutcome.issue; code is the generic "invariant"
// for profile rules, "processing" for unreadable input.
func (o *OutcomeReporter) Report(is Issue) {
	code := "invariant"
	if is.Rule == "json" {
		code = "structure"
	}
	diag := is.Profile
	if is.Element != "" {
		diag = is.Element + " (" + is.Profile + ")"
	}
	o.Issues = append(o.Issues, outcomeIssue{
		Severity:    is.Severity,
		Code:        code,
		Details:     &outcomeDetails{Coding: []outcomeCoding{{System: ruleSystem, Code: is.Rule}}, Text: is.Message},
		Diagnostics: diag,
		Expression:  []string{is.Path},
	})
}

// JSON returns the OperationOutcome; an empty one carries the single
// "information" issue FHIR expects when all is well.
func (o *OutcomeReporter) JSON() ([]byte, error) {
	issues := o.Issues
	if len(issues) == 0 {
		issues = []outcomeIssue{{Severity: Information, Code: "informational", Details: &outcomeDetails{Text: "OK"}}}
	}
	// a struct, not a map: resourceType first, where FHIR readers look
	return json.MarshalIndent(struct {
		ResourceType string `json:"resourceType"`
		Issue        any    `json:"issue"`
	}{"OperationOutcome", issues}, "", "  ")
}
