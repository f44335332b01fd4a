package report

import (
	"bufio"
	"encoding/json"
	"io"
)

// WriteJSON writes rapport.json: the bytes of json.MarshalIndent(r, "",
// "  "), produced one issue and one bundle at a time. At a million rows the
// report is ~100 MB of text; marshalled whole, it and its indented copy
// were in memory together at the end of the run, beside every row.
func (r *Report) WriteJSON(w io.Writer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := &jsonWriter{w: bufio.NewWriterSize(w, 1<<16)}
	out.raw("{\n  \"entree\": ")
	out.value(r.Input, "  ")
	out.raw(",\n  \"problemes\": ")
	writeList(out, r.Issues)
	out.raw(",\n  \"feuilles\": ")
	writeList(out, r.Sheets)
	out.raw(",\n  \"bundles\": ")
	writeList(out, r.Bundles)
	if r.Window != "" {
		out.raw(",\n  \"fenetre\": ")
		out.value(r.Window, "  ")
	}
	out.raw("\n}")
	if out.err != nil {
		return out.err
	}
	return out.w.Flush()
}

// writeList writes a top-level member's array as MarshalIndent does:
// null when nil, [] when empty, else one element a line.
func writeList[T any](out *jsonWriter, list []T) {
	switch {
	case list == nil:
		out.raw("null")
		return
	case len(list) == 0:
		out.raw("[]")
		return
	}
	out.raw("[")
	for i := range list {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n    ")
		out.value(list[i], "    ")
	}
	out.raw("\n  ]")
}

// jsonWriter keeps the first error, so that writing reads as a list.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (o *jsonWriter) raw(s string) {
	if o.err == nil {
		_, o.err = o.w.WriteString(s)
	}
}

// value writes v indented as it sits at that depth of the document.
func (o *jsonWriter) value(v any, prefix string) {
	if o.err != nil {
		return
	}
	data, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		o.err = err
		return
	}
	_, o.err = o.w.Write(data)
}
