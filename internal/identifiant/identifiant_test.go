package identifiant

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestCheckNIR(t *testing.T) {
	cases := []struct {
		nir     string
		wantErr string // "" = valid; "cle" = key error only
	}{
		{"255081416802538", ""},         // published sample NIR with its key
		{"147720425367411", "cle"},      // the IG examples' INS: test identity
		{"1477204253674", "caractères"}, // too short
		{"1477204253674111", "caractères"},
		{"14772X425367411", "non numériques"},
		{"185022A01234531", ""},    // Corsica 2A, key computed with 19 (python: 97 - 1850219012345 % 97)
		{"185022B01234558", ""},    // Corsica 2B, key computed with 18
		{"185022A01234558", "cle"}, // 2A with the 2B key
	}
	for _, c := range cases {
		err := CheckNIR(c.nir)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: unexpected %v", c.nir, err)
		case c.wantErr == "cle" && !errors.Is(err, ErrCle):
			t.Errorf("%s: want key error, got %v", c.nir, err)
		case c.wantErr != "" && c.wantErr != "cle" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: want %q, got %v", c.nir, c.wantErr, err)
		}
	}
}

func TestCheckFINESSAndIdNatStruct(t *testing.T) {
	for _, ok := range []string{"480787529", "2A0001234"} {
		if err := CheckFINESS(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"48078752", "4807875290", "48O787529", "2C0001234"} {
		if CheckFINESS(bad) == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	for _, ok := range []string{"1480787529", "3480787529", "4123456789", "512345678901234"} {
		if err := CheckIdNatStruct(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "2480787529", "148078752", "51234"} {
		if CheckIdNatStruct(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFullURLDeterministic(t *testing.T) {
	a := FullURL(SysSejour + "|3480787529/1-SEJOUR-1")
	if a != FullURL(SysSejour+"|3480787529/1-SEJOUR-1") || a == FullURL(SysSejour+"|3480787529/1-SEJOUR-2") {
		t.Fatal("FullURL must depend on its key only")
	}
	if !strings.HasPrefix(a, "urn:uuid:") || a[len("urn:uuid:")+14] != '5' {
		t.Fatalf("want a v5 urn:uuid, got %s", a)
	}
}

// FullURL gives the bytes of the uuid package's v5, for short keys and for
// keys longer than its stack buffer.
func TestFullURLIsUUIDv5(t *testing.T) {
	keys := []string{"", "a", SysEvenement + "|3480787529/194704032-EVN-1012", strings.Repeat("é|x", 200)}
	for n := 100; n < 200; n++ {
		keys = append(keys, strings.Repeat("k", n))
	}
	for _, k := range keys {
		if got, want := FullURL(k), "urn:uuid:"+uuid.NewSHA1(namespace, []byte(k)).String(); got != want {
			t.Fatalf("%q: got %s, want %s", k, got, want)
		}
	}
}

func BenchmarkFullURL(b *testing.B) {
	for b.Loop() {
		FullURL(SysEvenement + "|3480787529/194704032-EVN-1012")
	}
}

// SuffixedURL hashes the key FullURL hashes whole, across its stack buffer.
func TestSuffixedURLIsFullURL(t *testing.T) {
	for _, num := range []string{"", "1012", strings.Repeat("n", 150)} {
		got := SuffixedURL(SysEvenement, "3480787529/194704032", "EVN", num)
		if want := FullURL(SysEvenement + "|" + Suffixed("3480787529/194704032", "EVN", num)); got != want {
			t.Errorf("%q: got %s, want %s", num, got, want)
		}
	}
}
