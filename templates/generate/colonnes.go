package generate

import (
	"fmt"
	"strings"

	"github.com/tddui/tddui/templates"
)

// facts are what the workbook tells about one column, in the user's
// language; the Read me table and the header comment show the same facts so
// they cannot disagree.
type facts struct {
	header, kind, required, meaning, format, list, example, empty, target string
}

// label is "name : value" with the French space before the colon.
func label(lang, name, value string) string {
	if lang == "en" {
		return name + ": " + value
	}
	return name + " : " + value
}

func describe(t *templates.Template, c *templates.Column, lang string) facts {
	f := facts{
		header:   c.Header(lang),
		kind:     kindName(c.Kind, lang),
		required: txtOptional.in(lang),
		meaning:  c.Help,
		format:   format(t, c, lang),
		example:  c.Example,
		target:   c.Target,
	}
	if c.Required {
		f.required = txtRequired.in(lang)
	}
	if vs := c.ValueSetData(); vs != nil {
		f.list = vs.Title
		if vs.Partial {
			f.list += txtPartial.in(lang)
		}
	}
	if c.Default != "" {
		f.empty = c.Default
	}
	return f
}

// format says how to write a cell of the column.
func format(t *templates.Template, c *templates.Column, lang string) string {
	var parts []string
	switch c.Kind {
	case templates.Date:
		parts = append(parts, fmtDate.in(lang))
	case templates.DateTime:
		parts = append(parts, fmtDateTime.in(lang))
	case templates.Bool:
		parts = append(parts, fmtBool.in(lang))
	case templates.Code:
		parts = append(parts, fmtCode.in(lang))
	case templates.File:
		parts = append(parts, fmtFile.in(lang))
	case templates.Ref:
		parts = append(parts, refFormat(t, c, lang))
	}
	if c.Multi {
		parts = append(parts, fmt.Sprintf(fmtMulti.in(lang), templates.Separator))
	}
	return strings.Join(parts, " ; ")
}

// refFormat names the sheet the key is taken from, or each sheet of the
// group (an evaluation, on any grid's sheet).
func refFormat(t *templates.Template, c *templates.Column, lang string) string {
	sheets := t.RefSheets(c.Ref)
	if len(sheets) == 0 { // caught by the templates' consistency test
		return c.Ref
	}
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = sheetName(s, lang)
	}
	return fmt.Sprintf(fmtRef.in(lang), strings.Join(names, sepSheets.in(lang)), columnLabel(sheets[0].KeyColumn(), lang))
}

// columnLabel is the header without the required mark, for prose.
func columnLabel(c *templates.Column, lang string) string {
	if lang == "en" && c.LabelEN != "" {
		return c.LabelEN
	}
	return c.Label
}

func sheetName(s *templates.Sheet, lang string) string {
	if lang == "en" && s.NameEN != "" {
		return s.NameEN
	}
	return s.Name
}

// commentLines are the header comment, one fact a line, empty facts left out.
func (f facts) commentLines(lang string) []string {
	pairs := [][2]string{
		{txtMeaning.in(lang), f.meaning},
		{txtKind.in(lang), f.kind + " — " + strings.ToLower(f.required)},
		{txtFormat.in(lang), f.format},
		{txtList.in(lang), f.list},
		{txtExample.in(lang), f.example},
		{txtEmpty.in(lang), f.empty},
		{txtTarget.in(lang), f.target},
	}
	var out []string
	for _, p := range pairs {
		if p[1] != "" {
			out = append(out, label(lang, p[0], p[1]))
		}
	}
	return out
}
