package fhirx

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/bytedance/sonic/encoder"
	"github.com/bytedance/sonic/option"
	sutf8 "github.com/bytedance/sonic/utf8"
)

// sonic compiles an encoder for each type on its first use, inlining
// nested structs 3 levels deep by default. samply's types are large and
// nest deeply (an Extension has fifty value[x] pointers): with sonic from
// the first value, the example workbook's conversion took 0.29 s instead
// of 0.08 s, mostly compiling. Inlining one level compiles a nested type
// once, and only once a value of it is met: 0.16 s, and encoding is as
// fast. The option is sonic's, for the process (its decoder reads it
// too); it changes no output. sonic.Pretouch would not save that time,
// only move it: compiling ahead every type the resourceType-first structs
// reach, met or not, took 0.2 to 0.3 s.
func init() { option.DefaultMaxInlineDepth = 1 }

// AppendValue appends to dst the compact JSON json.Marshal gives of v.
//
// It is encoding/json until a process has encoded sonicAfter bytes with
// it, bytedance/sonic from then on. sonic is a JIT (on amd64 and arm64, Go
// 1.17 to 1.27 for sonic 1.15; elsewhere it is encoding/json): on
// BenchmarkEncode it takes less than half the CPU, but it compiles each
// type on first use, some 0.1 s of CPU and 8 MB per process, which a
// conversion of fewer than 15,000 to 20,000 rows does not win back (one of
// 1,000 rows took 60 to 100 % more CPU). A conversion switches once it has
// encoded what the compilation is worth, and so never pays more than
// twice the better of the two choices made in advance (the usual rule for
// a fixed cost that pays off over an unknown length). UseSonic switches at
// once.
//
// Both give the same bytes (the tests check it on the IG's examples and on
// the builders' output), not the same errors: see appendSonic.
//
// Other encoders were measured before on BenchmarkEncode: segmentio/encoding
// writes a json.Number as it is once its start parses, and drops fields
// behind an embedded pointer; goccy/go-json gave the same bytes with more
// CPU and allocations than encoding/json.
func AppendValue(dst []byte, v any) ([]byte, error) {
	if s, ok := v.(*string); ok && plain(*s) {
		dst = append(dst, '"')
		dst = append(dst, *s...)
		return append(dst, '"'), nil
	}
	if sonicOn.Load() {
		return appendSonic(dst, v)
	}
	start := len(dst)
	dst, err := appendStd(dst, v)
	if stdBytes.Add(int64(len(dst)-start)) >= sonicAfter {
		sonicOn.Store(true)
	}
	return dst, err
}

// sonicAfter is how many bytes AppendValue encodes with encoding/json
// before it turns to sonic: sonic's compilation (~0.1 s) over what it
// saves a byte (~3 ns), about 15,000 rows of a SSIAD data set.
const sonicAfter = 32 << 20

var (
	stdBytes atomic.Int64 // bytes encoded with encoding/json
	sonicOn  atomic.Bool
)

// UseSonic makes AppendValue encode with sonic from now on, for a caller
// that knows it has much to encode (and for the tests and benchmarks of
// sonic's encoding).
func UseSonic() { sonicOn.Store(true) }

// appendStd is encoding/json's Encoder, writing onto dst: the value is
// copied once, from the Encoder's own pooled buffer to dst, where
// json.Marshal allocates a slice for it. Encoder and writer are pooled too.
func appendStd(dst []byte, v any) ([]byte, error) {
	e := stdEncoders.Get().(*stdEncoder)
	e.w.b = dst
	err := e.enc.Encode(v)
	out := e.w.b
	e.w.b = nil
	stdEncoders.Put(e)
	if err != nil {
		return dst, err
	}
	return bytes.TrimSuffix(out, []byte("\n")), nil // Encode ends each value with a newline
}

// stdEncoder is an Encoder onto the byte slice an appendStd call is given.
type stdEncoder struct {
	w   appender
	enc *json.Encoder
}

var stdEncoders = sync.Pool{New: func() any {
	e := new(stdEncoder)
	e.enc = json.NewEncoder(&e.w)
	return e
}}

// appender is an io.Writer that appends to a byte slice.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) { a.b = append(a.b, p...); return len(p), nil }

// appendSonic is sonic's encoder, made to give encoding/json's bytes.
//
// sonic escapes HTML and replaces invalid UTF-8 in passes over the whole
// buffer once encoded; given dst, those passes would run over the bundle
// assembled so far on every call, and the HTML one allocates a new
// buffer. So the value is encoded without them into a pooled buffer,
// copied to dst while escaping HTML (<, >, &, U+2028, U+2029:
// encoding/json escapes them everywhere, a value's JSON has them only in
// strings), and the copy alone is checked for UTF-8 (each invalid byte
// becomes \ufffd, by sonic's CorrectWith). sonic writes \b and \f as
// \u0008 and \u000c, where encoding/json (since Go 1.22) writes them
// short: shortEscapes rewrites them. Map keys are sorted, and the output of a MarshalJSON method is
// compacted (samply's code types and resources go through theirs, as with
// encoding/json: a few % of the encoding). One difference is left: a
// \u0008 escape or invalid UTF-8 in that output, which encoding/json
// copied as they were, are rewritten here; samply's methods return
// json.Marshal's bytes, which have neither. sonic boxes the value it is
// given: one allocation per call.
//
// A json.Number is checked against the JSON grammar as encoding/json does
// ("01", "12,5", "1abc" fail; "" is 0), but sonic's error reads
// differently: "json: unsupported value: invalid number literal: \"01\"".
// An error from a MarshalJSON method reaches the caller as it is, without
// encoding/json's *json.MarshalerError around it (errors.Is finds it in
// both).
func appendSonic(dst []byte, v any) ([]byte, error) {
	bp := bufs.Get().(*[]byte)
	*bp = (*bp)[:0]
	err := encoder.EncodeInto(bp, v, encodeOpts)
	if err == nil {
		*bp = shortEscapes(*bp)
		start := len(dst)
		// sonic's HTMLEscape grows dst to a capacity from the length
		// of its source alone, less than len(dst) for a large dst: make
		// room first
		dst = slices.Grow(dst, len(*bp)+htmlPadding)
		dst = encoder.HTMLEscape(dst, *bp)
		if !sutf8.Validate(dst[start:]) {
			*bp = sutf8.CorrectWith((*bp)[:0], dst[start:], `\ufffd`)
			dst = append(dst[:start], *bp...)
		}
	}
	if cap(*bp) <= maxPooled {
		bufs.Put(bp)
	}
	return dst, err
}

// plain reports whether s encodes as itself between quotes: printable
// ASCII that neither JSON nor encoding/json's HTML escaping changes (a
// fullUrl, a member name). sonic costs an allocation per call.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// shortEscapes rewrites sonic's \u0008 and \u000c as encoding/json writes
// them since Go 1.22, \b and \f, in place. Every backslash of JSON text
// starts an escape: each is skipped whole, so that an escaped backslash
// followed by "u0008" is left alone.
func shortEscapes(b []byte) []byte {
	i := bytes.IndexByte(b, '\\')
	if i < 0 {
		return b
	}
	w := i
	for i < len(b) {
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			w += copy(b[w:], b[i:])
			break
		}
		w += copy(b[w:], b[i:i+j])
		i += j
		n := 2 // \" \\ \n…
		if i+1 < len(b) && b[i+1] == 'u' {
			n = 6
			if i+6 <= len(b) && string(b[i+2:i+5]) == "000" && (b[i+5] == '8' || b[i+5] == 'c') {
				b[w] = '\\'
				b[w+1] = 'b'
				if b[i+5] == 'c' {
					b[w+1] = 'f'
				}
				w, i = w+2, i+6
				continue
			}
		}
		w += copy(b[w:], b[i:min(i+n, len(b))])
		i = min(i+n, len(b))
	}
	return b[:w]
}

// encodeOpts are sonic's options for encoding/json's bytes, HTML escaping
// and UTF-8 aside (done by AppendValue): map keys sorted, the output of a
// MarshalJSON method (a json.RawMessage too) compacted, and no newline
// after the value (sonic's fallback is encoding/json's Encoder).
const encodeOpts = encoder.SortMapKeys | encoder.CompactMarshaler | encoder.NoEncoderNewline

// htmlPadding is the room sonic's HTMLEscape wants past its source's length.
const htmlPadding = 64

// bufs are appendSonic's buffers; one grown beyond maxPooled (a value larger
// than any resource tddui builds) is left to the GC.
var bufs = sync.Pool{New: func() any { return new([]byte) }}

const maxPooled = 1 << 20
