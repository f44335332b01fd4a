package envoi

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// sendFile is one job: read, prepare, check the journal, send, record.
func (s *sender) sendFile(ctx context.Context, file string) Result {
	b, err := readBundle(file)
	if err != nil {
		r := Result{File: file, State: StateRejected, Err: err.Error()}
		if b != nil {
			r.Hash = b.hash
		}
		return r
	}
	key := journalKey(b.hash, s.opt.Server)
	prev := s.journal.lookup(key)
	if prev.State == StateAccepted {
		return Result{File: file, Hash: b.hash, State: StateSkipped, Entries: prev.Entries}
	}
	b.stamp()
	if s.opt.Mode == ModeUpsert {
		if err := b.toUpsert(); err != nil {
			return Result{File: file, Hash: b.hash, State: StateRejected, Err: err.Error()}
		}
	}
	if s.opt.DryRun {
		s.plan(b, prev)
		return Result{File: file, Hash: b.hash, State: StateDryRun}
	}
	if ctx.Err() != nil {
		return Result{File: file, Hash: b.hash, State: StateInterrupted}
	}
	rec := record{Key: key, File: file, Hash: b.hash, Server: s.opt.Server, Mode: s.opt.Mode}
	if r, done := s.resolveDoubt(ctx, b, prev, rec); done {
		return r
	}
	return s.post(ctx, b, rec)
}

// resolveDoubt: in post mode, an earlier run that left the bundle "sent"
// (crash, Ctrl-C) or failed on an attempt that may have been committed must
// not resend blindly. Upsert resends are harmless: nothing to resolve.
func (s *sender) resolveDoubt(ctx context.Context, b *bundle, prev record, rec record) (Result, bool) {
	doubt := prev.State == StateSent || prev.State == StateUncertain || (prev.State == StateFailed && prev.Doubt)
	if s.opt.Mode != ModePost || !doubt {
		return Result{}, false
	}
	found, err := s.probe(ctx, b)
	switch {
	case err != nil && tlsRefused(err):
		return Result{}, false // refused by TLS then as now: nothing committed
	case err != nil && ctx.Err() != nil:
		return Result{File: b.file, Hash: b.hash, State: StateInterrupted}, true
	case err != nil && !s.opt.ResendUncertain:
		rec.State, rec.Err = StateUncertain, (&uncertainError{err}).Error()
		return s.finish(rec), true
	case found != nil:
		rec.State, rec.Entries = StateAccepted, found
		return s.finish(rec), true
	}
	return Result{}, false
}

// post sends the transaction with the retry rules and records the outcome.
func (s *sender) post(ctx context.Context, b *bundle, rec record) Result {
	body, err := b.body()
	if err != nil {
		rec.State, rec.Err = StateRejected, err.Error()
		return s.finish(rec)
	}
	sent := rec
	sent.State = StateSent
	if err := s.journal.write(sent); err != nil {
		// Without a trace of the send, a crash could lead to a duplicate.
		rec.State, rec.Err = StateFailed, err.Error()
		return s.result(rec)
	}
	a := &attempts{b: b}
	req, err := retryablehttp.NewRequestWithContext(withAttempts(ctx, a), http.MethodPost, s.opt.Server, body)
	if err != nil {
		rec.State, rec.Err = StateFailed, err.Error()
		return s.finish(rec)
	}
	s.header(req.Header)
	req.Header.Set("Content-Type", "application/fhir+json")
	// Read the answer inside the retry loop: a connection cut in the middle
	// of the body is a network error like any other.
	req.SetResponseHandler(func(resp *http.Response) error {
		defer resp.Body.Close()
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		if err != nil {
			data = nil // half a body must not pass for the next attempt's
		}
		a.body = data
		return err
	})
	resp, err := s.retry.Do(req)
	rec.Attempts = a.n
	return s.outcome(ctx, b, rec, a, resp, err)
}

// outcome classifies what the last attempt gave.
func (s *sender) outcome(ctx context.Context, b *bundle, rec record, a *attempts, resp *http.Response, err error) Result {
	data := a.body
	if resp != nil {
		if data == nil { // a retried status: the handler did not run
			data, _ = io.ReadAll(io.LimitReader(resp.Body, maxBody))
		}
		resp.Body.Close()
		rec.HTTP = resp.StatusCode
	}
	var committed *committedError
	var uncertain *uncertainError
	switch {
	case errors.As(err, &committed):
		rec.State, rec.Entries, rec.HTTP = StateAccepted, committed.entries, 0
	case errors.As(err, &uncertain):
		rec.State, rec.Err = StateUncertain, uncertain.Error()
	case err != nil && ctx.Err() != nil:
		// The journal keeps "envoye": the next run resolves the doubt.
		return Result{File: b.file, Hash: b.hash, State: StateInterrupted, Attempts: rec.Attempts}
	case err != nil || resp == nil:
		rec.State, rec.Doubt, rec.Err, rec.HTTP = StateFailed, a.doubt, errText(err), 0
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		s.acceptedBody(b, &rec, data)
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		rec.State, rec.Doubt, rec.Issues = StateFailed, a.doubt, rejected(b, data)
	default:
		rec.State, rec.Issues = StateRejected, rejected(b, data)
	}
	return s.finish(rec)
}

func (s *sender) acceptedBody(b *bundle, rec *record, data []byte) {
	entries, issues, err := accepted(b, data)
	switch {
	case err != nil:
		// Committed, yet the ids are unreadable: say so rather than resend.
		rec.State, rec.Err = StateAccepted, "ids du serveur illisibles : "+err.Error()
	case len(issues) > 0:
		rec.State, rec.Entries, rec.Issues = StateRejected, entries, issues
	default:
		rec.State, rec.Entries = StateAccepted, entries
	}
}

func errText(err error) string {
	if err == nil {
		return "échec sans réponse du serveur"
	}
	return err.Error()
}

// finish adds the cells, journals the final record and makes the result.
func (s *sender) finish(rec record) Result {
	for i := range rec.Issues {
		if s.opt.CellOf != nil && rec.Issues[i].FullURL != "" {
			rec.Issues[i].Cell = s.opt.CellOf(rec.Issues[i].FullURL)
		}
	}
	r := s.result(rec)
	if err := s.journal.write(rec); err != nil && r.Err == "" {
		r.Err = err.Error()
	}
	return r
}

func (s *sender) result(rec record) Result {
	return Result{File: rec.File, Hash: rec.Hash, State: rec.State, HTTPStatus: rec.HTTP, Attempts: rec.Attempts,
		Entries: rec.Entries, Issues: rec.Issues, Err: rec.Err}
}
