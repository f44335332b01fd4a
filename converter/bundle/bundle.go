package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/build"
	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
)

// Members is the closure of a usager's rows: its own rows selected for the
// bundle, and every row they reference, transitively, each once, in the
// order of first reach.
func Members(own []*record.Record) []*record.Record {
	seen := map[*record.Record]bool{}
	var out []*record.Record
	var visit func(r *record.Record)
	visit = func(r *record.Record) {
		if seen[r] {
			return
		}
		seen[r] = true
		out = append(out, r)
		r.EachLink(func(_ string, to []*record.Record) {
			for _, t := range to {
				visit(t)
			}
		})
	}
	for _, r := range own {
		visit(r)
	}
	return out
}

// RequestURL says what entry.request.url holds: the resource type (what a
// FHIR server expects) or the profile name (what the IG examples show).
type RequestURL string

const (
	ByType    RequestURL = "type"
	ByProfile RequestURL = "profil"
)

// Resource is an entry's resource as compact JSON (resourceType first).
func Resource(e build.Entry) ([]byte, error) {
	if e.JSON != nil {
		return e.JSON, nil
	}
	return appendResource(nil, e)
}

// appendResource appends an entry's resource to dst.
func appendResource(dst []byte, e build.Entry) ([]byte, error) {
	if e.JSON != nil {
		return append(dst, e.JSON...), nil
	}
	out, err := fhirx.AppendResource(dst, e.Resource)
	if err != nil {
		return nil, fmt.Errorf("%s %s : %w", e.Type, e.FullURL, err)
	}
	return out, nil
}

// bundleHead opens every tddui-bundle transaction.
var bundleHead = mustJSON(struct {
	ResourceType string     `json:"resourceType"`
	Meta         *fhir.Meta `json:"meta"`
	Type         string     `json:"type"`
}{"Bundle", fhirx.Meta(fhirx.SD + "tddui-bundle"), "transaction"})

// Encode writes a tddui-bundle transaction of the entries, compact or
// indented. The entries' resources are already JSON: the bundle is
// assembled around them (and indented in one pass), where encoding/json
// would check, compact and indent every resource again (the larger part of
// a conversion's time).
//
// The bundle is assembled in a pooled buffer, each resource encoded
// straight into it: a buffer grown from nothing for every bundle allocated
// about twice the output. The caller owns the result; handing it back with
// Recycle once written saves allocating the next one (a million rows make
// ~3 GB of bundles).
func Encode(entries []build.Entry, url RequestURL, indent bool) ([]byte, error) {
	bp := scratch.Get().(*[]byte)
	buf := append((*bp)[:0], bundleHead[:len(bundleHead)-1]...)
	buf = append(buf, `,"entry":[`...)
	var err error
	var lastURL string // the entries of a type follow one another: one request lookup for a run of them
	var req []byte
	for i, e := range entries {
		u := e.Type
		if url == ByProfile {
			if name := build.ProfileName(e.Profile); name != "" {
				u = name
			}
		}
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"fullUrl":`...)
		// a pointer into entries: a string put in an interface is an
		// allocation, a pointer is not; a string always encodes
		buf, _ = fhirx.AppendValue(buf, &entries[i].FullURL)
		buf = append(buf, `,"resource":`...)
		if buf, err = appendResource(buf, e); err != nil {
			Recycle(buf)
			return nil, err
		}
		buf = append(buf, `,"request":`...)
		if req == nil || u != lastURL {
			lastURL, req = u, request(u)
		}
		buf = append(buf, req...)
		buf = append(buf, '}')
	}
	buf = append(buf, "]}"...)
	if !indent {
		return append(buf, '\n'), nil
	}
	defer Recycle(buf)
	var out bytes.Buffer
	out.Grow(len(buf) * 3 / 2)
	if err := json.Indent(&out, buf, "", "  "); err != nil {
		return nil, fmt.Errorf("bundle : %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// scratch holds the buffers bundles are assembled in.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// Recycle hands a bundle from Encode back once nothing reads it any more.
func Recycle(data []byte) {
	if cap(data) == 0 {
		return
	}
	b := data[:0]
	scratch.Put(&b)
}

// requests are the entries' request members by url: a few dozen (resource
// types and profile names), encoded once each.
var requests sync.Map

func request(u string) []byte {
	if b, ok := requests.Load(u); ok {
		return b.([]byte)
	}
	b := mustJSON(fhir.BundleEntryRequest{Method: fhir.HTTPVerbPOST, Url: u})
	requests.Store(u, b)
	return b
}

// mustJSON encodes values that always encode (strings, fixed structs).
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
