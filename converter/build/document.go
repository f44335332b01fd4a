package build

import (
	"encoding/base64"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/samply/golang-fhir-models/fhir-models/fhir"

	"github.com/tddui/tddui/converter/record"
	"github.com/tddui/tddui/internal/fhirx"
	"github.com/tddui/tddui/templates"
)

func init() {
	register(templates.SheetDocuments, builder{
		key:   func(c *Context, r *record.Record) string { return "document|" + documentID(c, r) },
		build: buildDocument,
	})
}

func documentID(c *Context, r *record.Record) string {
	return c.ownerID(r) + "-" + r.Str("identifiant")
}

// buildDocument builds a tddui-document-reference with the file embedded
// in base64 (MHD Simplified Publish: the content travels in the Bundle).
func buildDocument(c *Context, r *record.Record) []Entry {
	d := fhir.DocumentReference{
		Meta:             profileMeta("tddui-document-reference"),
		MasterIdentifier: &fhir.Identifier{Value: fhirx.Str(documentID(c, r))},
		Status:           fhir.DocumentReferenceStatusCurrent,
		Subject:          c.RefTo(r, "usager"),
		Description:      fhirx.Str(r.Str("description")),
	}
	for _, col := range []string{"auteur_professionnel", "auteur_structure"} {
		if a := c.RefTo(r, col); a != nil {
			d.Author = append(d.Author, *a)
		}
	}
	if len(d.Author) == 0 { // author is 1..*: the usager's structure wrote it
		if u := r.Link("usager"); u != nil && u.Link("structure") != nil {
			d.Author = []fhir.Reference{*c.RefTo(u, "structure")}
		}
	}
	att := c.attachment(r)
	d.Content = []fhir.DocumentReferenceContent{{Attachment: att}}
	return []Entry{c.entry(r, "DocumentReference", "tddui-document-reference", d)}
}

func (c *Context) attachment(r *record.Record) fhir.Attachment {
	rel := r.Str("fichier")
	path := rel
	if !filepath.IsAbs(path) {
		path = filepath.Join(c.Opt.BaseDir, filepath.FromSlash(rel))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		r.Reject(c.Rep, "fichier", rel, "un fichier lisible, chemin relatif au classeur", "fichier introuvable ou illisible")
	}
	title := r.Str("titre")
	if title == "" {
		title = filepath.Base(rel)
	}
	ct := mime.TypeByExtension(strings.ToLower(filepath.Ext(rel)))
	if i := strings.Index(ct, ";"); i > 0 {
		ct = ct[:i]
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	return fhir.Attachment{ContentType: fhirx.Str(ct), Language: fhirx.Str("fr"),
		Data: fhirx.Str(base64.StdEncoding.EncodeToString(data)), Title: fhirx.Str(title)}
}
