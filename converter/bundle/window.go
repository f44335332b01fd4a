// Package bundle groups the built resources into TDDUI transaction Bundles:
// one per usager (and send window), holding the usager's rows and every row
// they reference, in a stable order.
package bundle

import (
	"fmt"
	"time"
)

// MaxWeeks and MinWeeks bound a send's history (SSIAD send rules).
const (
	MaxWeeks = 5
	MinWeeks = 1
)

// Window is a span of calendar days, both ends included.
type Window struct {
	From, To time.Time // midnight of the first and last day, Paris time
}

// Contains says whether an instant falls on a day of the window.
func (w Window) Contains(t time.Time) bool {
	d := day(t.In(w.From.Location()))
	return !d.Before(w.From) && !d.After(w.To)
}

// Days is the number of days the window spans.
func (w Window) Days() int { return int(w.To.Sub(w.From).Hours()/24+0.5) + 1 }

// String renders the window for file names and the report.
func (w Window) String() string { return w.From.Format("2006-01-02") + "_" + w.To.Format("2006-01-02") }

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// Last is the default window: the MaxWeeks weeks ending on the day of the
// newest event.
func Last(newest time.Time) Window {
	to := day(newest)
	return Window{From: to.AddDate(0, 0, -7*MaxWeeks+1), To: to}
}

// Explicit checks a window given by the user (--du / --au): at least one
// and at most five weeks.
func Explicit(from, to time.Time) (Window, error) {
	w := Window{From: day(from), To: day(to)}
	switch {
	case w.To.Before(w.From):
		return w, fmt.Errorf("--au (%s) précède --du (%s)", w.To.Format("02/01/2006"), w.From.Format("02/01/2006"))
	case w.Days() > 7*MaxWeeks:
		return w, fmt.Errorf("la fenêtre d'envoi couvre %d jours : %d semaines au plus (utilisez --decouper pour un historique plus long)", w.Days(), MaxWeeks)
	case w.Days() < 7*MinWeeks:
		return w, fmt.Errorf("la fenêtre d'envoi couvre %d jours : %d semaine au moins", w.Days(), MinWeeks)
	}
	return w, nil
}

// Split cuts the history from oldest to newest into consecutive windows of
// MaxWeeks weeks, the last one ending on the newest day.
func Split(oldest, newest time.Time) []Window {
	var out []Window
	for to := day(newest); !to.Before(day(oldest)); to = to.AddDate(0, 0, -7*MaxWeeks) {
		out = append([]Window{{From: to.AddDate(0, 0, -7*MaxWeeks+1), To: to}}, out...)
	}
	return out
}
