package validation

import "testing"

// Every key has a summary bit, and only the keys of "_" have underBit: a
// key without a bit would never be looked up by the rules ("id", "div"
// and "individual" once had none). All keys of one to three letters are
// tried, which meet every bit keyBit gives.
func TestEveryKeyHasASummaryBit(t *testing.T) {
	letters := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
	seen := map[uint64]bool{}
	try := func(k string) {
		b := summaryBit(k)
		if b == 0 || b&(b-1) != 0 {
			t.Fatalf("summaryBit(%q) = %#x: want one bit", k, b)
		}
		if (b == underBit) != (k[0] == '_') {
			t.Fatalf("summaryBit(%q) = %#x: underBit is for the keys of \"_\" only", k, b)
		}
		seen[keyBit(k)] = true
	}
	for _, a := range letters {
		try(string(a))
		for _, b := range letters {
			try(string(a) + string(b))
			for _, c := range letters {
				try(string(a) + string(b) + string(c))
			}
		}
	}
	for _, k := range []string{"id", "div", "individual"} {
		try(k)
	}
	if !seen[underBit] {
		t.Error("no key tried has keyBit 1<<63: the case is not tested")
	}
}
