package validation

// Scans of eight bytes at a time (SWAR: SIMD within a register), for the
// long runs of plain bytes in strings and uris.

const ones, highs = 0x0101010101010101, 0x8080808080808080

// word reads eight bytes as one number (the compiler makes it one load).
func word(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// plainRun returns the index of the first byte from i that is not plain
// (or len(s)), eight bytes at a time while none of them is: a quote, a
// backslash, a control character or a byte >= 0x80 in a word makes the
// tests below non-zero (the usual SWAR tests for a zero byte, for a byte
// less than n, and the high bits).
func plainRun(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := word(s[i : i+8])
		q, b := x^(ones*'"'), x^(ones*'\\')
		special := (q-ones)&^q | (b-ones)&^b | (x-ones*0x20)&^x | x
		if special&highs != 0 {
			break
		}
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}
