package envoi

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// pki is a test CA with a server certificate for 127.0.0.1 and a client
// certificate, written as PEM files.
type pki struct {
	pool                          *x509.CertPool
	server                        tls.Certificate
	caFile, clientCert, clientKey string
}

func newPKI(t *testing.T) pki {
	t.Helper()
	dir := t.TempDir()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "AC de test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, _ := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	ca, _ := x509.ParseCertificate(caDER)
	p := pki{pool: x509.NewCertPool(), caFile: filepath.Join(dir, "ca.pem")}
	p.pool.AddCert(ca)
	writePEM(t, p.caFile, "CERTIFICATE", caDER)
	leaf := func(serial int64, usage x509.ExtKeyUsage, ip bool) ([]byte, *ecdsa.PrivateKey) {
		key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "tddui"},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
			ExtKeyUsage: []x509.ExtKeyUsage{usage}, KeyUsage: x509.KeyUsageDigitalSignature}
		if ip {
			tmpl.IPAddresses = []net.IP{net.ParseIP("127.0.0.1")}
		}
		der, _ := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		return der, key
	}
	sDER, sKey := leaf(2, x509.ExtKeyUsageServerAuth, true)
	p.server = tls.Certificate{Certificate: [][]byte{sDER}, PrivateKey: sKey}
	cDER, cKey := leaf(3, x509.ExtKeyUsageClientAuth, false)
	p.clientCert, p.clientKey = filepath.Join(dir, "client.pem"), filepath.Join(dir, "client.key")
	writePEM(t, p.clientCert, "CERTIFICATE", cDER)
	keyDER, _ := x509.MarshalECPrivateKey(cKey)
	writePEM(t, p.clientKey, "EC PRIVATE KEY", keyDER)
	return p
}

func writePEM(t *testing.T, path, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestMutualTLSWithCustomCA(t *testing.T) {
	p := newPKI(t)
	f := &fakeFHIR{}
	srv := httptest.NewUnstartedServer(f)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{p.server},
		ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: p.pool}
	srv.StartTLS()
	defer srv.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "pp-ime.json")
	data, _ := os.ReadFile(filepath.Join("testdata", "bundles", "pp-ime.json"))
	os.WriteFile(file, data, 0o644)
	base := Options{Server: srv.URL + "/fhir", Token: "secret", Retries: 1, MinBackoff: 1e6, MaxBackoff: 2e6}

	for _, tc := range []struct {
		name     string
		ca, cert bool
		want     State
		attempts int
	}{
		{"AC inconnue : refus, sans nouvel essai", false, true, StateFailed, 1},
		{"sans certificat client : refus, sans nouvel essai", true, false, StateFailed, 1},
		{"AC et certificat : accepté", true, true, StateAccepted, 1},
	} {
		opt := base
		opt.Journal = filepath.Join(t.TempDir(), JournalFile)
		if tc.ca {
			opt.CAFile = p.caFile
		}
		if tc.cert {
			opt.CertFile, opt.KeyFile = p.clientCert, p.clientKey
		}
		r := rerun(t, file, opt)
		if r.State != tc.want || r.Attempts != tc.attempts {
			t.Fatalf("%s : %+v", tc.name, r)
		}
	}
	if posts, _, stored := f.counts(); posts != 1 || stored != 8 {
		t.Fatalf("%d POST reçus, %d ressources : seul l'envoi authentifié doit passer", posts, stored)
	}
}
