package fhirx

import (
	"bytes"
	"encoding/json"
)

// AppendValue appends the compact JSON encoding/json would give of v (HTML
// characters escaped, MarshalJSON methods honoured) to dst.
func AppendValue(dst []byte, v any) ([]byte, error) {
	w := appender{dst}
	if err := json.NewEncoder(&w).Encode(v); err != nil {
		return dst, err
	}
	return bytes.TrimSuffix(w.b, []byte("\n")), nil // the Encoder ends each value with a newline
}

// appender is an io.Writer onto a byte slice the caller keeps.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) { a.b = append(a.b, p...); return len(p), nil }
