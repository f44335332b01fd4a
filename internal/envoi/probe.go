package envoi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
)

// probe asks the server whether a bundle whose send has no known outcome was
// committed, by searching the tag stamped on its resources. A transaction is
// all or nothing, so any match means all of it is there; the entries come
// back with their server ids, mapped by the per-entry tag. nil, nil: not
// committed. An error: the server cannot tell (no search, as on a bare IG
// consumer) — the caller must not guess.
func (s *sender) probe(ctx context.Context, b *bundle) ([]EntryResult, error) {
	var found []EntryResult
	for _, typ := range b.types() {
		res, err := s.searchTag(ctx, typ, b.hash)
		if err != nil {
			return nil, err
		}
		if len(res) == 0 && len(found) == 0 {
			return nil, nil // the first type has nothing: nothing was committed
		}
		for _, r := range res {
			if er, ok := matchEntry(b, r); ok {
				found = append(found, er)
			}
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Index < found[j].Index })
	return found, nil
}

// searchTag runs GET [base]/Type?_tag=TagBundle|hash.
func (s *sender) searchTag(ctx context.Context, typ, hash string) ([]object, error) {
	q := url.Values{"_tag": {TagBundle + "|" + hash}, "_count": {"1000"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.opt.Server+"/"+typ+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	s.header(req.Header)
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("recherche %s : %w", typ, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("recherche %s : HTTP %d", typ, resp.StatusCode)
	}
	var set struct {
		Type  string `json:"type"`
		Entry []struct {
			Resource object `json:"resource"`
		} `json:"entry"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(&set); err != nil || set.Type != "searchset" {
		return nil, fmt.Errorf("recherche %s : réponse qui n'est pas un Bundle searchset", typ)
	}
	var out []object
	for _, e := range set.Entry {
		if e.Resource != nil {
			out = append(out, e.Resource)
		}
	}
	return out, nil
}

// matchEntry maps a found resource to its entry by the per-entry tag.
func matchEntry(b *bundle, r object) (EntryResult, bool) {
	meta, _ := r["meta"].(object)
	tags, _ := meta["tag"].([]any)
	for _, t := range tags {
		tm, _ := t.(object)
		if tm["system"] != TagEntry {
			continue
		}
		code, _ := tm["code"].(string)
		if i, err := strconv.Atoi(code); err == nil && i >= 0 && i < len(b.entries) {
			e := b.entries[i]
			id, _ := r["id"].(string)
			vid, _ := meta["versionId"].(string)
			return EntryResult{Index: i, FullURL: e.fullURL, Type: e.typ, Identifier: e.identifier, ID: id, VersionID: vid}, true
		}
	}
	return EntryResult{}, false
}
