package envoi

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// sender holds what every job shares.
type sender struct {
	opt     Options
	http    *http.Client          // one attempt, TLS set up; used bare by the probe
	retry   *retryablehttp.Client // the same client with the retry rules
	journal *journal
}

func newSender(opt Options) (*sender, error) {
	if err := checkServer(opt); err != nil {
		return nil, err
	}
	hc, err := httpClient(opt)
	if err != nil {
		return nil, err
	}
	j, err := openJournal(opt.Journal, opt.DryRun)
	if err != nil {
		return nil, err
	}
	s := &sender{opt: opt, http: hc, journal: j}
	s.retry = &retryablehttp.Client{
		HTTPClient:     hc,
		Logger:         nil, // outcomes go to the journal and the summary
		RetryWaitMin:   opt.MinBackoff,
		RetryWaitMax:   opt.MaxBackoff,
		RetryMax:       opt.Retries,
		CheckRetry:     s.checkRetry,
		Backoff:        s.backoff,
		PrepareRetry:   s.prepareRetry,
		RequestLogHook: countAttempt,
		// Keep the last response (a 5xx's OperationOutcome) for the report.
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	return s, nil
}

func (s *sender) close() { s.journal.close() }

// checkServer refuses what cannot work or would leak the token: a bearer
// token travels over https only, or plain http to this very machine (tests,
// a local tunnel).
func checkServer(opt Options) error {
	if opt.DryRun && opt.Server == "" {
		return nil
	}
	u, err := url.Parse(opt.Server)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("adresse du serveur FHIR invalide : %q (http(s)://hôte/base attendu)", opt.Server)
	}
	if opt.Token != "" && u.Scheme == "http" {
		ip := net.ParseIP(u.Hostname())
		if u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return fmt.Errorf("%s : le jeton ne part qu'en https (ou vers la machine locale)", opt.Server)
		}
	}
	return nil
}

// httpClient builds the per-attempt client. TLS is always verified: there is
// deliberately no option to skip it.
func httpClient(opt Options) (*http.Client, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if opt.CAFile != "" {
		pem, err := os.ReadFile(opt.CAFile)
		if err != nil {
			return nil, fmt.Errorf("lecture des autorités de certification : %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s : aucun certificat PEM lisible", opt.CAFile)
		}
		tc.RootCAs = pool
	}
	if (opt.CertFile == "") != (opt.KeyFile == "") {
		return nil, fmt.Errorf("certificat client et clé privée vont ensemble (--cert et --cle)")
	}
	if opt.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(opt.CertFile, opt.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("chargement du certificat client : %w", err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	tr := cleanhttp.DefaultPooledTransport()
	tr.TLSClientConfig = tc
	tr.MaxConnsPerHost = opt.Parallel + 1 // +1: the probe of a job in doubt
	return &http.Client{Transport: tr, Timeout: opt.Timeout}, nil
}

// header sets what every request carries.
func (s *sender) header(h http.Header) {
	h.Set("Accept", "application/fhir+json")
	if s.opt.Token != "" {
		h.Set("Authorization", "Bearer "+s.opt.Token)
	}
}
