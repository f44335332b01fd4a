package build

import (
	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
)

// What the four Task profiles of the projet share: identifier, basedOn the
// CarePlan (1..1), status, intent, description, period and the inputs
// (a table per profile, in the profile's slice order).

// taskInput is one input slice: its code and the values a row gives it.
type taskInput struct {
	code   string
	values func(c *Context, r *record.Record) []fhirx.TaskParameter
}

func (c *Context) projetTask(r *record.Record, profile string) fhir.Task {
	t := fhir.Task{
		Meta:            profileMeta(profile),
		Identifier:      ppIdentifier(c, r),
		Intent:          "plan",
		Description:     fhirx.Str(r.Str("description")),
		ExecutionPeriod: period(r, "debut", "fin"),
	}
	if p := c.projetRef(r); p != nil {
		t.BasedOn = []fhir.Reference{*p}
	}
	if a := c.RefTo(r, "action"); a != nil {
		t.PartOf = []fhir.Reference{*a}
	}
	setStatus(r, &t.Status)
	if r.Sheet.Column("debut") != nil {
		c.checkPeriod(r, "debut", "fin")
	}
	c.checkSameProjet(r)
	return t
}

// parameters fills the inputs (or outputs) of a row from a table; system
// is the slices' code system.
func (c *Context) parameters(r *record.Record, system string, table []taskInput) []fhirx.TaskParameter {
	var out []fhirx.TaskParameter
	for _, in := range table {
		for _, p := range in.values(c, r) {
			p.Type = fhir.CodeableConcept{Coding: []fhir.Coding{{System: fhirx.Str(fhirx.CS + system), Code: fhirx.Str(in.code)}}}
			out = append(out, p)
		}
	}
	return out
}

// taskMembers are the members samply cannot write: inputs, outputs and
// the status author.
func (c *Context) taskMembers(r *record.Record, inputs, outputs []fhirx.TaskParameter) []fhirx.Member {
	m := c.statusAuthor(r, "_status")
	if len(inputs) > 0 {
		m = append(m, fhirx.Member{Name: "input", Value: inputs})
	}
	if len(outputs) > 0 {
		m = append(m, fhirx.Member{Name: "output", Value: outputs})
	}
	return m
}

func stringsIn(col string) func(c *Context, r *record.Record) []fhirx.TaskParameter {
	return func(_ *Context, r *record.Record) []fhirx.TaskParameter {
		var out []fhirx.TaskParameter
		for _, s := range r.Strs(col) {
			out = append(out, fhirx.TaskParameter{ValueString: fhirx.Str(s)})
		}
		return out
	}
}

func refsIn(col string) func(c *Context, r *record.Record) []fhirx.TaskParameter {
	return func(c *Context, r *record.Record) []fhirx.TaskParameter {
		var out []fhirx.TaskParameter
		for _, t := range r.LinksOf(col) {
			out = append(out, fhirx.TaskParameter{ValueReference: c.Ref(t)})
		}
		return out
	}
}

func evaluationsIn(c *Context, r *record.Record) []fhirx.TaskParameter {
	var out []fhirx.TaskParameter
	for _, e := range c.evaluationRefs(r) {
		out = append(out, fhirx.TaskParameter{ValueReference: e})
	}
	return out
}

func codesIn(col string) func(c *Context, r *record.Record) []fhirx.TaskParameter {
	return func(_ *Context, r *record.Record) []fhirx.TaskParameter {
		var out []fhirx.TaskParameter
		for _, k := range r.Codes(col) {
			out = append(out, fhirx.TaskParameter{ValueCodeableConcept: fhirx.CCp(k)})
		}
		return out
	}
}

func dateIn(col string) func(c *Context, r *record.Record) []fhirx.TaskParameter {
	return func(_ *Context, r *record.Record) []fhirx.TaskParameter {
		if !r.Has(col) {
			return nil
		}
		return []fhirx.TaskParameter{{ValueDateTime: fhirx.Str(r.Date(col))}}
	}
}
