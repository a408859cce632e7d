package bot

import (
	"strings"
	"unicode"
)

// Postcodes places full postcodes and districts ("B69 4RJ", "B69"), keyed
// by NormalizePostcode. An operator may load one from a postcode directory.
type Postcodes map[string]Point

// NormalizePostcode folds a postcode or district to the key Postcodes uses:
// upper case with no spaces ("b69 4rj" and "B694RJ" both give "B694RJ").
func NormalizePostcode(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// PostcodeDistrict is the outward part of a full postcode ("B69" of
// "B69 4RJ"), or the input itself when it is already a district.
func PostcodeDistrict(s string) string {
	n := NormalizePostcode(s)
	if len(n) >= 5 {
		return n[:len(n)-3]
	}
	return n
}
