package envoi

import (
	"context"
	"crypto/tls"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// attempts is the per-send state the retryablehttp hooks share, carried by
// the request's context.
type attempts struct {
	b     *bundle
	n     int    // attempts made so far
	doubt bool   // the last failed attempt may have been committed by the server
	body  []byte // the body of the last response read in the retry loop
}

type attemptsKey struct{}

func withAttempts(ctx context.Context, a *attempts) context.Context {
	return context.WithValue(ctx, attemptsKey{}, a)
}

func attemptsOf(ctx context.Context) *attempts {
	a, _ := ctx.Value(attemptsKey{}).(*attempts)
	if a == nil {
		a = &attempts{} // a request not made by sendFile: hooks become no-ops
	}
	return a
}

func countAttempt(_ retryablehttp.Logger, req *http.Request, i int) {
	attemptsOf(req.Context()).n = i + 1
}

// checkRetry: retry network errors, 429 and 5xx (but 501, which will not
// change); never another 4xx, never a cancelled run, never a TLS
// verification failure (retryablehttp's default list of permanent errors).
func (s *sender) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	a := attemptsOf(ctx)
	if err != nil {
		retry, _ := retryablehttp.DefaultRetryPolicy(ctx, nil, err)
		a.doubt = !refusedBeforeSending(err)
		return retry && !tlsRefused(err), nil
	}
	switch code := resp.StatusCode; {
	case code == http.StatusTooManyRequests:
		a.doubt = false
		return true, nil
	case code >= 500 && code != http.StatusNotImplemented:
		// A FHIR server answering 5xx rolled the transaction back; a gateway
		// that timed out (502, 504) does not know what its backend did.
		a.doubt = code == http.StatusBadGateway || code == http.StatusGatewayTimeout
		return true, nil
	}
	return false, nil
}

// refusedBeforeSending: the connection never opened, or TLS failed (the
// server's HTTP layer never saw the request), so nothing was committed.
func refusedBeforeSending(err error) bool {
	var op *net.OpError
	return (errors.As(err, &op) && op.Op == "dial") || tlsRefused(err)
}

// tlsRefused: a TLS alert from the server (our certificate refused) or a
// server certificate we do not trust. Retrying will not change either.
func tlsRefused(err error) bool {
	var op *net.OpError
	var alert tls.AlertError
	var verify *tls.CertificateVerificationError
	return (errors.As(err, &op) && op.Op == "remote error") || errors.As(err, &alert) || errors.As(err, &verify)
}

// backoff: Retry-After when the server gives one (429, 503), capped at
// MaxRetryAfter; otherwise exponential from min, capped at max, with full
// jitter in [d/2, d] so that parallel senders do not retry in step.
func (s *sender) backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return clamp(d, 0, s.opt.MaxRetryAfter)
		}
	}
	d := max
	if attempt < 30 && min<<attempt < max && min<<attempt > 0 {
		d = min << attempt
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return clamp(t.Sub(now), 0, t.Sub(now)), true
	}
	return 0, false
}

func clamp(d, lo, hi time.Duration) time.Duration {
	return min(max(d, lo), hi)
}

// prepareRetry runs before a retry. In post mode a retry after an attempt
// that may have been committed would duplicate the bundle, so the server is
// asked first (see probe); when it cannot tell, the retry is abandoned.
func (s *sender) prepareRetry(req *http.Request) error {
	a := attemptsOf(req.Context())
	if s.opt.Mode != ModePost || !a.doubt || a.b == nil {
		return nil
	}
	found, err := s.probe(req.Context(), a.b)
	switch {
	case err != nil && tlsRefused(err):
		// TLS refuses our credentials: it refused the transaction as well.
		a.doubt = false
		return err
	case err != nil && s.opt.ResendUncertain:
		return nil
	case err != nil:
		return &uncertainError{err}
	case found != nil:
		return &committedError{found}
	}
	return nil
}

// committedError stops the retries: the bundle is on the server already.
type committedError struct{ entries []EntryResult }

func (e *committedError) Error() string { return "lot déjà enregistré par le serveur" }

// uncertainError stops the retries: the bundle may be on the server.
type uncertainError struct{ err error }

func (e *uncertainError) Error() string {
	return "envoi peut-être enregistré, vérification impossible : " + e.err.Error()
}
func (e *uncertainError) Unwrap() error { return e.err }
