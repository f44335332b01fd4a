package validation

// The R4 regular expressions of the primitive types, as hand-written
// scanners: the regexps took a tenth of the validation time. Each function
// accepts exactly what its expression does (format_test.go checks them
// against the expressions):
//
//	date     ([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?
//	dateTime the same, then (T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?
//	         after the day
//	instant  the dateTime with every part present
//	id       [A-Za-z0-9\-\.]{1,64}
//	code     [^\s]+( [^\s]+)*
//	uri      \S+
//
// \s is RE2's: \t \n \f \r and space.

// validFormat tells whether s is a valid value of primitive type t; types
// without an expression accept anything.
func validFormat(t, s string) bool {
	switch t {
	case "date":
		return validDate(s, false, false)
	case "dateTime":
		return validDate(s, true, false)
	case "instant":
		return validDate(s, true, true)
	case "id":
		return validID(s)
	case "code":
		return validCode(s)
	case "uri":
		return s != "" && !hasSpace(s)
	}
	return true
}

func digit(c byte) bool { return c >= '0' && c <= '9' }

// twoDigits reads s[i:i+2] as a number, -1 if it is not two digits.
func twoDigits(s string, i int) int {
	if i+2 > len(s) || !digit(s[i]) || !digit(s[i+1]) {
		return -1
	}
	return int(s[i]-'0')*10 + int(s[i+1]-'0')
}

// validDate: a year, then optionally month, day and (withTime) a time with
// its zone; full requires every part (instant).
func validDate(s string, withTime, full bool) bool {
	if len(s) < 4 || !digit(s[0]) || !digit(s[1]) || !digit(s[2]) || !digit(s[3]) || s[:4] == "0000" {
		return false
	}
	if len(s) == 4 {
		return !full
	}
	if s[4] != '-' {
		return false
	}
	if m := twoDigits(s, 5); m < 1 || m > 12 {
		return false
	}
	if len(s) == 7 {
		return !full
	}
	if s[7] != '-' {
		return false
	}
	if d := twoDigits(s, 8); d < 1 || d > 31 {
		return false
	}
	if len(s) == 10 {
		return !full
	}
	if !withTime || s[10] != 'T' {
		return false
	}
	return validTime(s[11:])
}

// validTime: hh:mm:ss(.fraction)?zone.
func validTime(s string) bool {
	if len(s) < 9 || s[2] != ':' || s[5] != ':' {
		return false
	}
	if h := twoDigits(s, 0); h < 0 || h > 23 {
		return false
	}
	if m := twoDigits(s, 3); m < 0 || m > 59 {
		return false
	}
	if sec := twoDigits(s, 6); sec < 0 || sec > 60 {
		return false
	}
	s = s[8:]
	if s[0] == '.' {
		n := 1
		for n < len(s) && digit(s[n]) {
			n++
		}
		if n == 1 {
			return false
		}
		s = s[n:]
	}
	return validZone(s)
}

// validZone: Z, or ±hh:mm from -13:59 to +14:00.
func validZone(s string) bool {
	if s == "Z" {
		return true
	}
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return false
	}
	h, m := twoDigits(s, 1), twoDigits(s, 4)
	if h < 0 || m < 0 {
		return false
	}
	return (h <= 13 && m <= 59) || (h == 14 && m == 0)
}

func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || digit(c) || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// validCode: words of non-space characters separated by single spaces.
func validCode(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}

// word reads eight bytes as one number (the compiler makes it one load).
func word(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// ones and highs: a byte of ones, and the high bits, in each byte of a word.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// spaces are \s, as a table: hasSpace runs over every uri.
var spaces = [256]bool{' ': true, '\t': true, '\n': true, '\f': true, '\r': true}

// hasSpace skips eight bytes at a time while none is below 0x21 (the
// spaces are): uris, long, have none.
func hasSpace(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if x := word(s[i : i+8]); (x-ones*0x21)&^x&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if spaces[s[i]] {
			return true
		}
	}
	return false
}
