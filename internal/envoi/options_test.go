package envoi

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestBackoffIsExponentialWithJitterAndCapped(t *testing.T) {
	s := &sender{opt: Options{MaxRetryAfter: 5 * time.Second}}
	for attempt, want := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		want *= time.Millisecond
		for range 50 {
			d := s.backoff(100*time.Millisecond, time.Second, attempt, nil)
			if d < want/2 || d > want {
				t.Fatalf("essai %d : attente %v hors de [%v, %v]", attempt, d, want/2, want)
			}
		}
	}
	at := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	resp := &http.Response{StatusCode: 503, Header: http.Header{"Retry-After": {at}}}
	if d := s.backoff(time.Millisecond, time.Millisecond, 0, resp); d != 5*time.Second {
		t.Fatalf("Retry-After lointain : %v, attendu le plafond 5s", d)
	}
	if d, ok := retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", time.Date(2015, 10, 21, 7, 27, 30, 0, time.UTC)); !ok || d != 30*time.Second {
		t.Fatalf("Retry-After date : %v %v", d, ok)
	}
}

func TestTokenNeverTravelsInClearToAnotherHost(t *testing.T) {
	for srv, ok := range map[string]bool{
		"https://fhir.example.fr/fhir": true, "http://127.0.0.1:8080/fhir": true,
		"http://localhost/fhir": true, "http://fhir.example.fr/fhir": false,
	} {
		if err := checkServer(Options{Server: srv, Token: "t"}); (err == nil) != ok {
			t.Fatalf("%s : %v", srv, err)
		}
	}
}

func TestReadTokenPrefersTheFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "jeton")
	os.WriteFile(file, []byte("du-fichier\n"), 0o600)
	t.Setenv("TDDUI_JETON_TEST", "de-l-env")
	if tok, err := ReadToken("TDDUI_JETON_TEST", file); err != nil || tok != "du-fichier" {
		t.Fatalf("%q %v", tok, err)
	}
	if tok, err := ReadToken("TDDUI_JETON_TEST", ""); err != nil || tok != "de-l-env" {
		t.Fatalf("%q %v", tok, err)
	}
}
