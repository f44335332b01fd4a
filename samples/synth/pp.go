package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/tddui/tddui/templates"
)

// projet is a projet personnalisé and what hangs on it. Its rows are
// undated for the send window (one bundle per projet), but their dates
// still follow each other: agreed after it starts, objectives due after.
type projet struct {
	ref, status, title string
	start, end         time.Time // end: only a finished projet
	referent           pro
	accords            []accord
	attentes           []attente
	besoins            []besoin
	objectifs          []objectif
	actions            []action
}

type accord struct {
	ref, kind, signerPro, signerContact string
	signerUsager                        bool
	date                                time.Time
}

type attente struct{ ref, text, origin string }

type besoin struct{ ref, category, text string }

type objectif struct {
	ref, title, text, result string
	besoin                   string
	due                      time.Time
}

type action struct {
	ref, title, text, objectif string
	referent                   pro
	start, end                 time.Time
}

// Texts of the projets: what residents and families ask, what teams aim
// at and do (after the IG's examples).
var (
	attenteTexts = []string{"Prévenir les chutes", "Garder la main sur l'organisation de ses journées", "Maintenir le lien familial",
		"Participer aux activités de groupe", "Rester le plus longtemps possible à domicile", "Retrouver le plaisir de manger",
		"Se sentir en sécurité lors des déplacements", "Être accompagné pour les rendez-vous médicaux"}
	objectifTexts = []string{"Réduire le risque de chute et la peur associée en 6 mois.", "Stabiliser l'état nutritionnel sur 12 mois.",
		"Maintenir le lien social.", "Préserver l'autonomie pour la toilette.", "Soulager la douleur au quotidien.",
		"Maintenir les capacités de marche."}
	actionTexts = []string{"Atelier éducation risque de chute", "Programme équilibre et marche 2 fois par semaine",
		"Pesée mensuelle et dépistage de la dénutrition", "Atelier cuisine mensuel", "Entretien de satisfaction semestriel",
		"Aménagement de la chambre (éclairage, barres d'appui)", "Accompagnement à la chorale"}
	origins = []string{"Usager", "Usager", "Famille", "Tuteur"}
)

// newProjets: every usager has a projet in progress; one in five also has
// the finished projet it followed.
func (g *Generator) newProjets(i int, u *usager) []projet {
	r := g.rng(i, "projets")
	start := g.end.AddDate(0, 0, -30-r.IntN(300))
	var out []projet
	if chance(r, 0.2) {
		old := g.newProjet(r, u, 1, start.AddDate(-1, 0, 0))
		old.status, old.end = "TERMINE", start.AddDate(0, 0, -1)
		out = append(out, old)
	}
	return append(out, g.newProjet(r, u, len(out)+1, start))
}

func (g *Generator) newProjet(r *rand.Rand, u *usager, k int, start time.Time) projet {
	p := projet{ref: fmt.Sprintf("%s%02d", u.ref, k), status: "ENCOURS", start: start, referent: pick(r, g.nurses),
		title: "Projet personnalisé de " + u.shortName()}
	p.accords = []accord{{ref: "ACC-" + p.ref + "-1", kind: "accordStructure", signerPro: p.referent.ref, date: signTime(r, start)}}
	switch {
	case len(u.contacts) > 0 && chance(r, 0.4):
		p.accords = append(p.accords, accord{ref: "ACC-" + p.ref + "-2", kind: "accordUsager", signerContact: u.contacts[0].ref, date: signTime(r, start)})
	case chance(r, 0.7):
		p.accords = append(p.accords, accord{ref: "ACC-" + p.ref + "-2", kind: "accordUsager", signerUsager: true, date: signTime(r, start)})
	}
	for n := range 1 + r.IntN(3) {
		p.attentes = append(p.attentes, attente{ref: fmt.Sprintf("%s%d", p.ref, n+1), text: pick(r, attenteTexts), origin: pick(r, origins)})
	}
	for n := range 2 + r.IntN(3) {
		c := pick(r, g.needs)
		b := besoin{ref: fmt.Sprintf("%s%d", p.ref, n+1), category: c.code, text: c.text + "."}
		o := objectif{ref: b.ref, title: fmt.Sprintf("Objectif %d", n+1), text: pick(r, objectifTexts), besoin: b.ref,
			due: start.AddDate(0, 6*(1+r.IntN(2)), 0), result: "Amélioration constatée au bilan"}
		p.besoins, p.objectifs = append(p.besoins, b), append(p.objectifs, o)
		for m := range 1 + r.IntN(2) {
			a := action{ref: fmt.Sprintf("%s%d", o.ref, m+1), objectif: o.ref, text: pick(r, actionTexts), referent: pick(r, u.carers),
				start: start.AddDate(0, 0, r.IntN(15))}
			a.title = fmt.Sprintf("Action %s pour atteindre l'objectif %d", actorOf(a.referent), n+1)
			a.end = a.start.AddDate(0, 3+r.IntN(6), 0)
			p.actions = append(p.actions, a)
		}
	}
	return p
}

func signTime(r *rand.Rand, start time.Time) time.Time {
	return start.AddDate(0, 0, r.IntN(10)).Add(time.Duration(9+r.IntN(8)) * time.Hour)
}

func actorOf(p pro) string {
	if p.role.nurse {
		return "de l'IDE"
	}
	return "de l'aide-soignant"
}

type need struct{ code, text string }

// needCategories are the detailed SERAFIN-PH needs (1.x.y) of the value
// set, read from the template so that the list is the IG's.
func needCategories(t *templates.Template) []need {
	var out []need
	var col *templates.Column
	if sh := t.Sheet(templates.SheetBesoins); sh != nil {
		col = sh.Column("categorie")
	}
	if col != nil && col.ValueSetData() != nil {
		for _, con := range col.ValueSetData().Concepts {
			if len(con.Code) >= 5 { // 1.1.1: a need, not a heading
				out = append(out, need{con.Code, con.Display})
			}
		}
	}
	if len(out) == 0 {
		out = []need{{"", "Besoin d'aide pour la mobilité et les déplacements"}}
	}
	return out
}
