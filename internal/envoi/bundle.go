package envoi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

// Tag systems the sender stamps on every resource, so that after a lost
// response it can ask the server whether the bundle was committed (post mode
// is not idempotent: resending a committed bundle would duplicate it).
const (
	TagBundle = "https://github.com/tddui/tddui/envoi/lot" // code: the file's SHA-256
	// code: the entry's index in the file. Not its fullUrl: servers rewrite
	// every "urn:uuid:" string of a transaction, tags included.
	TagEntry = "https://github.com/tddui/tddui/envoi/entree"
)

type object = map[string]any

// bundle is one bundle file, decoded.
type bundle struct {
	file    string
	hash    string // hex SHA-256 of the file bytes: the journal key with the server
	doc     object
	entries []entry
}

// entry is what the sender needs to know of one Bundle.entry.
type entry struct {
	index      int
	fullURL    string
	typ        string // resource type
	identifier string // first business identifier, system|value, or ""
	resource   object
	raw        object // the Bundle.entry object itself
}

func readBundle(file string) (*bundle, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("lecture du lot %s : %w", file, err)
	}
	sum := sha256.Sum256(data)
	b := &bundle{file: file, hash: hex.EncodeToString(sum[:])}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keeps decimals exactly as written (FHIR decimals are precise)
	if err := dec.Decode(&b.doc); err != nil {
		return b, fmt.Errorf("%s : JSON illisible : %w", file, err)
	}
	if b.doc["resourceType"] != "Bundle" || b.doc["type"] != "transaction" {
		return b, fmt.Errorf("%s : pas un Bundle de type transaction", file)
	}
	list, _ := b.doc["entry"].([]any)
	if len(list) == 0 {
		return b, fmt.Errorf("%s : Bundle sans entrée", file)
	}
	for i, x := range list {
		e, err := readEntry(i, x)
		if err != nil {
			return b, fmt.Errorf("%s : %w", file, err)
		}
		b.entries = append(b.entries, e)
	}
	return b, nil
}

func readEntry(i int, x any) (entry, error) {
	raw, _ := x.(object)
	res, _ := raw["resource"].(object)
	typ, _ := res["resourceType"].(string)
	if typ == "" {
		return entry{}, fmt.Errorf("entrée %d sans ressource", i)
	}
	full, _ := raw["fullUrl"].(string)
	return entry{index: i, fullURL: full, typ: typ, identifier: firstIdentifier(res), resource: res, raw: raw}, nil
}

// firstIdentifier is the first identifier with both system and value; the
// element is a list on most resources, a single object on a few
// (QuestionnaireResponse).
func firstIdentifier(res object) string {
	var ids []any
	switch v := res["identifier"].(type) {
	case []any:
		ids = v
	case object:
		ids = []any{v}
	}
	for _, x := range ids {
		id, _ := x.(object)
		sys, _ := id["system"].(string)
		val, _ := id["value"].(string)
		if sys != "" && val != "" {
			return sys + "|" + val
		}
	}
	return ""
}

// stamp adds the sender's tags to every resource (replacing older ones).
func (b *bundle) stamp() {
	for _, e := range b.entries {
		meta, _ := e.resource["meta"].(object)
		if meta == nil {
			meta = object{}
			e.resource["meta"] = meta
		}
		var tags []any
		old, _ := meta["tag"].([]any)
		for _, t := range old {
			if tm, _ := t.(object); tm["system"] != TagBundle && tm["system"] != TagEntry {
				tags = append(tags, t)
			}
		}
		tags = append(tags, object{"system": TagBundle, "code": b.hash},
			object{"system": TagEntry, "code": strconv.Itoa(e.index)})
		meta["tag"] = tags
	}
}

// body is the request body: the bundle as it stands after stamp/upsert.
func (b *bundle) body() ([]byte, error) {
	data, err := json.Marshal(b.doc)
	if err != nil {
		return nil, fmt.Errorf("%s : encodage JSON : %w", b.file, err)
	}
	return data, nil
}

// types lists the resource types of the bundle, each once, in entry order.
func (b *bundle) types() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range b.entries {
		if !seen[e.typ] {
			seen[e.typ] = true
			out = append(out, e.typ)
		}
	}
	return out
}
