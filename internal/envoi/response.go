package envoi

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// maxBody bounds what is read of a response (a transaction-response may echo
// every resource).
const maxBody = 256 << 20

type txResponse struct {
	ResourceType string `json:"resourceType"`
	Type         string `json:"type"`
	Entry        []struct {
		Response struct {
			Status   string          `json:"status"`
			Location string          `json:"location"`
			Etag     string          `json:"etag"`
			Outcome  json.RawMessage `json:"outcome"`
		} `json:"response"`
		Resource struct {
			ID   string `json:"id"`
			Meta struct {
				VersionID string `json:"versionId"`
			} `json:"meta"`
		} `json:"resource"`
	} `json:"entry"`
}

// accepted reads a transaction-response: the server id of every entry, in
// entry order. Entries with an error status (a server that processed the
// transaction as a batch) come back as issues.
func accepted(b *bundle, body []byte) ([]EntryResult, []Issue, error) {
	var tr txResponse
	if err := json.Unmarshal(body, &tr); err != nil || tr.ResourceType != "Bundle" {
		return nil, nil, fmt.Errorf("réponse qui n'est pas un Bundle transaction-response")
	}
	if len(tr.Entry) != len(b.entries) {
		return nil, nil, fmt.Errorf("la réponse a %d entrées pour %d envoyées", len(tr.Entry), len(b.entries))
	}
	var out []EntryResult
	var issues []Issue
	for i, re := range tr.Entry {
		e := b.entries[i]
		typ, id, vid := parseLocation(re.Response.Location)
		if id == "" || typ != e.typ {
			typ, id = e.typ, re.Resource.ID
		}
		vid = firstNonEmpty(vid, re.Resource.Meta.VersionID, parseEtag(re.Response.Etag))
		out = append(out, EntryResult{Index: i, FullURL: e.fullURL, Type: typ, Identifier: e.identifier,
			ID: id, VersionID: vid, Status: re.Response.Status})
		if code, _ := strconv.Atoi(strings.Fields(re.Response.Status + " 0")[0]); code >= 400 {
			for _, is := range outcomeIssues(re.Response.Outcome) {
				issues = append(issues, b.locate(is, i))
			}
		}
	}
	return out, issues, nil
}

// parseLocation splits "[base/]Type/id[/_history/vid]".
func parseLocation(loc string) (typ, id, vid string) {
	p := strings.Split(strings.Trim(loc, "/"), "/")
	if n := len(p); n >= 4 && p[n-2] == "_history" {
		vid, p = p[n-1], p[:n-2]
	}
	if n := len(p); n >= 2 {
		typ, id = p[n-2], p[n-1]
	}
	return typ, id, vid
}

func parseEtag(e string) string { return strings.Trim(strings.TrimPrefix(e, "W/"), `"`) }

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

type ooIssue struct {
	Severity    string   `json:"severity"`
	Code        string   `json:"code"`
	Diagnostics string   `json:"diagnostics"`
	Expression  []string `json:"expression"`
	Location    []string `json:"location"`
	Details     struct {
		Text string `json:"text"`
	} `json:"details"`
}

// outcomeIssues reads an OperationOutcome; nil when the body is something
// else (a proxy's HTML page).
func outcomeIssues(body []byte) []ooIssue {
	var oo struct {
		ResourceType string    `json:"resourceType"`
		Issue        []ooIssue `json:"issue"`
	}
	if json.Unmarshal(body, &oo) != nil || oo.ResourceType != "OperationOutcome" {
		return nil
	}
	return oo.Issue
}

var entryIndexRe = regexp.MustCompile(`(?i)Bundle\.entry\[(\d+)\]`)

// rejected turns an error response into issues mapped to entries.
func rejected(b *bundle, body []byte) []Issue {
	var out []Issue
	for _, is := range outcomeIssues(body) {
		out = append(out, b.locate(is, -1))
	}
	if len(out) == 0 && len(body) > 0 {
		out = append(out, Issue{Index: -1, Message: strings.TrimSpace(truncate(string(body), 500))})
	}
	return out
}

// locate finds an issue's entry: "Bundle.entry[n]" in its expression or
// location (HAPI, Medplum), else a fullUrl quoted in its text, else the hint
// (-1: the bundle as a whole).
func (b *bundle) locate(is ooIssue, hint int) Issue {
	msg := firstNonEmpty(is.Details.Text, is.Diagnostics, is.Code)
	out := Issue{Index: hint, Severity: is.Severity, Code: is.Code, Message: msg, Expression: is.Expression}
	for _, s := range append(append([]string{}, is.Expression...), append(is.Location, is.Diagnostics, is.Details.Text)...) {
		if m := entryIndexRe.FindStringSubmatch(s); m != nil {
			if n, _ := strconv.Atoi(m[1]); n < len(b.entries) {
				out.Index = n
				break
			}
		}
	}
	if out.Index < 0 {
		for _, e := range b.entries {
			if e.fullURL != "" && strings.Contains(is.Diagnostics+" "+is.Details.Text, e.fullURL) {
				out.Index = e.index
				break
			}
		}
	}
	if out.Index >= 0 {
		e := b.entries[out.Index]
		out.FullURL, out.Type, out.Identifier = e.fullURL, e.typ, e.identifier
	}
	return out
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
