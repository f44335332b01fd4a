// Package envoi sends the converter's transaction Bundles (one file a
// bundle) to a FHIR server: bounded concurrency, retries with backoff, an
// append-only journal that makes a re-run resume where a crash stopped, and an
// optional conditional-update mode for generic servers.
package envoi

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Mode is how entries are sent.
type Mode string

const (
	// ModePost is the IG's transaction: every entry POST, the consumer
	// assigns ids and applies "the latest send overwrites" itself.
	ModePost Mode = "post"
	// ModeUpsert rewrites entries as conditional updates on their business
	// identifier, for servers that do not apply that rule themselves.
	ModeUpsert Mode = "upsert"
)

// Options tunes Send. Zero values take the defaults noted.
type Options struct {
	Server   string        // FHIR base URL; the transaction is POSTed there
	Mode     Mode          // default ModePost
	Parallel int           // bundles in flight at once, default 4
	Timeout  time.Duration // per HTTP attempt, default 2 min
	Retries  int           // retries after the first attempt, default 5

	// Exponential backoff bounds (jittered); Retry-After is honoured up to
	// MaxRetryAfter. Defaults 1 s, 30 s, 2 min.
	MinBackoff, MaxBackoff, MaxRetryAfter time.Duration

	Token    string // bearer token (read by ReadToken, never from the command line)
	CertFile string // client certificate (PEM) for mTLS, with KeyFile
	KeyFile  string
	CAFile   string // CA bundle (PEM) that replaces the system roots

	Journal string // path of envoi.jsonl; empty: no journal (no resume)
	DryRun  bool   // print what would be sent, send nothing

	// ResendUncertain resends, in post mode, a bundle whose earlier send may
	// or may not have been committed when the server cannot be searched to
	// tell. Off: such a bundle is reported and left alone (no duplicate).
	ResendUncertain bool

	Out      io.Writer // progress, dry-run plan; nil: discarded
	Progress bool      // a progress bar on Out (a terminal) instead of nothing
	Lang     string    // "fr" (default) or "en"

	// CellOf maps an entry's fullUrl to the spreadsheet cell it came from
	// ("Usagers!C12"), for rejection reports; nil or "" when unknown.
	CellOf func(fullURL string) string
}

func (o *Options) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if o.Mode == "" {
		o.Mode = ModePost
	}
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.Retries < 0 {
		o.Retries = 0
	} else if o.Retries == 0 {
		o.Retries = 5
	}
	def(&o.Timeout, 2*time.Minute)
	def(&o.MinBackoff, time.Second)
	def(&o.MaxBackoff, 30*time.Second)
	def(&o.MaxRetryAfter, 2*time.Minute)
	if o.Out == nil {
		o.Out = io.Discard
	}
	o.Server = strings.TrimRight(o.Server, "/")
}

// Send sends every bundle file and returns what became of each. The error is
// for what stops the whole run (bad options, unreadable journal, TLS files);
// a bundle's own failure is in its Result.
func Send(ctx context.Context, files []string, opts Options) (Summary, error) {
	opts.defaults()
	if opts.Mode != ModePost && opts.Mode != ModeUpsert {
		return Summary{}, fmt.Errorf("mode d'envoi %q inconnu (post ou upsert)", opts.Mode)
	}
	s, err := newSender(opts)
	if err != nil {
		return Summary{}, err
	}
	defer s.close()
	results := make([]Result, len(files))
	prog := newProgress(opts, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < opts.Parallel; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = s.sendFile(ctx, files[i])
				prog.done(results[i])
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			results[i] = Result{File: files[i], State: StateInterrupted}
			continue
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	prog.finish()
	return summarize(results), nil
}
