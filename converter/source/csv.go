package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// csvSource is a folder of CSV files, one a sheet, named after the sheet.
type csvSource struct {
	files map[string]string // sheet name -> path
	names []string
	opt   Options
}

func openCSVDir(dir string, opt Options) (Source, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.[cC][sS][vV]"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s : aucun fichier .csv dans ce dossier", dir)
	}
	return openCSVFiles(paths, opt)
}

func openCSVFiles(paths []string, opt Options) (Source, error) {
	s := &csvSource{files: map[string]string{}, opt: opt}
	sort.Strings(paths)
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
	}
	prefix := workbookPrefix(names)
	for i, p := range paths {
		name := strings.TrimPrefix(names[i], prefix)
		s.files[name] = p
		s.names = append(s.names, name)
	}
	return s, nil
}

// workbookPrefix is the "classeur-" that LibreOffice puts before every
// sheet name when it saves all the sheets of a workbook as CSV files
// (classeur-Usagers.csv, classeur-Séjours.csv…): the longest prefix ending
// in "-" that all of several files share.
func workbookPrefix(names []string) string {
	if len(names) < 2 {
		return ""
	}
	p := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, p) {
			p = p[:len(p)-1]
		}
	}
	if i := strings.LastIndex(p, "-"); i >= 0 {
		return p[:i+1]
	}
	return ""
}

func (s *csvSource) Sheets() []string { return s.names }
func (s *csvSource) Close() error     { return nil }

func (s *csvSource) Open(sheet string) (Sheet, error) {
	path, ok := s.files[sheet]
	if !ok {
		return nil, fmt.Errorf("pas de fichier CSV pour l'onglet %q", sheet)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := newCSVReader(f, s.opt)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s : %w", path, err)
	}
	return &csvSheet{file: path, name: sheet, f: f, r: r}, nil
}

// sniffSize is how much of a file is looked at to guess its encoding and
// delimiter: enough for the header and many rows.
const sniffSize = 64 << 10

// newCSVReader detects (unless told) the encoding — UTF-8 with or without
// BOM, else Windows-1252, what French Excel writes — and the delimiter, ',' or
// ';' (or tab), from the header line.
func newCSVReader(f io.Reader, opt Options) (*csv.Reader, error) {
	br := bufio.NewReaderSize(f, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	var in io.Reader = br
	enc := strings.ToLower(opt.Encoding)
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
		head = head[3:]
	case enc == "windows-1252" || enc == "cp1252" || enc == "latin1" || enc == "iso-8859-1" ||
		(enc == "" && !validUTF8Prefix(head)):
		in = charmap.Windows1252.NewDecoder().Reader(br)
		head, _ = charmap.Windows1252.NewDecoder().Bytes(head)
	case enc == "" || enc == "utf-8" || enc == "utf8":
	default:
		return nil, fmt.Errorf("encodage %q inconnu (utf-8 ou windows-1252)", opt.Encoding)
	}
	r := csv.NewReader(in)
	r.Comma = opt.Comma
	if r.Comma == 0 {
		r.Comma = detectComma(head)
	}
	r.FieldsPerRecord = -1 // a short row is a row with empty trailing cells
	r.LazyQuotes = true
	return r, nil
}

// validUTF8Prefix ignores a rune cut at the end of the sniffed prefix.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

func detectComma(head []byte) rune {
	line := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		line = head[:i]
	}
	best, n := ',', 0
	for _, c := range []rune{';', ',', '\t'} {
		if k := countOutsideQuotes(line, byte(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

func countOutsideQuotes(line []byte, c byte) int {
	n, quoted := 0, false
	for _, b := range line {
		switch {
		case b == '"':
			quoted = !quoted
		case b == c && !quoted:
			n++
		}
	}
	return n
}

type csvSheet struct {
	file, name string
	f          *os.File
	r          *csv.Reader
	header     []string
	headerLine int
	headerErr  error
	read       bool
}

func (s *csvSheet) Name() string { return s.name }
func (s *csvSheet) File() string { return s.file }
func (s *csvSheet) Close() error { return s.f.Close() }

func (s *csvSheet) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		if err != io.EOF {
			err = fmt.Errorf("%s : %w", s.file, err)
		}
		return nil, 0, err
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}

func (s *csvSheet) Header() ([]string, int, error) {
	if !s.read {
		s.read = true
		for {
			rec, line, err := s.next()
			if err != nil {
				s.headerErr = err
				break
			}
			if !blank(rec) {
				s.header, s.headerLine = rec, line
				break
			}
		}
	}
	return s.header, s.headerLine, s.headerErr
}

func (s *csvSheet) Next() (Row, error) {
	if _, _, err := s.Header(); err != nil {
		return Row{}, err
	}
	for {
		rec, line, err := s.next()
		if err != nil {
			return Row{}, err
		}
		if !blank(rec) {
			return Row{File: s.file, Sheet: s.name, Line: line, Cells: rec}, nil
		}
	}
}
