package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"signpost/assets"
	"signpost/bot"
)

// text is a JSON string that feeds also send as a number, or as null.
type text string

// UnmarshalJSON takes a string, a number or null.
func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
	case string(b) == "null":
		*t = ""
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*t = text(b)
	case string(b) == "true" || string(b) == "false":
		*t = text(b)
	default:
		return fmt.Errorf("want a string, got %.20s", b)
	}
	return nil
}

// number is a JSON number that feeds also send as a string ("4.00"), or
// as null; Valid is false when it was missing, empty or not a number.
type number struct {
	Value float64
	Valid bool
}

// UnmarshalJSON takes a number, a string holding one, or null.
func (n *number) UnmarshalJSON(b []byte) error {
	var t text
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	s := strings.TrimPrefix(strings.TrimSpace(string(t)), "£")
	f, err := strconv.ParseFloat(s, 64)
	*n = number{Value: f, Valid: err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)}
	return nil
}

// flag is a JSON boolean that feeds also send as a string.
type flag bool

// UnmarshalJSON takes true, false, "true", "yes", "1" and the like.
func (f *flag) UnmarshalJSON(b []byte) error {
	var t text
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	switch strings.ToLower(strings.TrimSpace(string(t))) {
	case "true", "yes", "y", "1":
		*f = true
	default:
		*f = false
	}
	return nil
}

// clean is a feed's text as a resident should read it: HTML decoded, white
// space closed up, composed Unicode.
func clean(s string) string {
	s = assets.Plain(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// placeholderEmails are addresses feeds fill in when they have none.
var placeholderEmail = regexp.MustCompile(`(?i)(@noemail\.|@example\.(com|org|net)$|^email@email\.com$|^(none|na|n/a|noemail|no-email|test)@|@test\.com$|^[^@]*$)`)

// email is addr, or "" for a placeholder or something that is not one.
func email(addr string) string {
	addr = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(addr), "mailto:"))
	if addr == "" || placeholderEmail.MatchString(addr) || strings.ContainsAny(addr, " <>,;") {
		return ""
	}
	return addr
}

// website is a usable web address, or "".
func website(u string) string {
	u = strings.TrimSpace(u)
	switch {
	case strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://"):
		return u
	case strings.HasPrefix(u, "www."):
		return "https://" + u
	}
	return ""
}

// ages is an age range as the asset file writes it: "5-11", "60+",
// "0-4", or everyone, with no text, when the feed does not say (feeds
// write -1 or leave it out for unknown, and 0 to 0 or 0 to 120 for
// everyone).
func ages(minimum, maximum number) bot.Ages {
	lo, hi := -1, -1
	if minimum.Valid && minimum.Value >= 0 && minimum.Value <= 120 {
		lo = int(minimum.Value)
	}
	if maximum.Valid && maximum.Value > 0 && maximum.Value < 120 {
		hi = int(maximum.Value)
	}
	everyone := bot.Ages{Min: 0, Max: -1}
	switch {
	case hi >= 0 && lo > hi:
		return everyone
	case hi >= 0:
		return bot.Ages{Min: max(lo, 0), Max: hi, Text: fmt.Sprintf("%d-%d", max(lo, 0), hi)}
	case lo > 0:
		return bot.Ages{Min: lo, Max: -1, Text: fmt.Sprintf("%d+", lo)}
	}
	return everyone
}

// price writes an amount in pounds: "free" for nothing, "£4", "£2.50".
func price(n number) string {
	switch {
	case !n.Valid || n.Value < 0:
		return ""
	case n.Value == 0:
		return "free"
	case n.Value == math.Trunc(n.Value):
		return fmt.Sprintf("£%.0f", n.Value)
	}
	return fmt.Sprintf("£%.2f", n.Value)
}

// tags are a feed's category names as tags: cleaned, lower case, each
// once, in order.
func tags(names []string) []string {
	var out []string
	for _, n := range names {
		n = strings.ToLower(clean(n))
		if n != "" && len(n) <= 60 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// slug makes an id the asset file accepts from a name: "St Mary's Hall"
// becomes "st-marys-hall", at most 40 characters.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// stableID is an id for a record that stays the same from one import to
// the next: the slug of its name and a short hash of the feed's own id, so
// two "Community Hall"s in a county do not collide and a renamed record
// keeps its hash.
func stableID(name, feedID string) string {
	sum := sha256.Sum256([]byte(feedID))
	h := hex.EncodeToString(sum[:3])
	if s := slug(name); s != "" {
		return s + "-" + h
	}
	return "x-" + h
}

// kindOf guesses a venue's kind from the words in its name ("Oldbury
// Library" is a library), from the vocabulary's kinds; "other" when none
// fits.
func (r *reader) kindOf(name string) string {
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, k := range r.words.Kinds {
		for _, say := range k.Say {
			if strings.Contains(words, " "+say+" ") {
				return k.ID
			}
		}
	}
	return "other"
}

// postcodePattern is a full UK postcode; districtPattern only its first
// half, as feeds that mask addresses give.
var (
	postcodePattern = regexp.MustCompile(`^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$`)
	districtPattern = regexp.MustCompile(`^[A-Z]{1,2}[0-9][0-9A-Z]?$`)
)

// postcode is a postcode in capitals with one space, whether it is only a
// district, and whether it is a postcode at all.
func postcode(s string) (string, bool, bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	switch {
	case postcodePattern.MatchString(s):
		return s[:len(s)-3] + " " + s[len(s)-3:], false, true
	case districtPattern.MatchString(s):
		return s, true, true
	}
	return "", false, false
}

// point is a valid position, or nil; rounded reports coordinates given to
// two decimal places or fewer, which feeds use to hide an address.
func point(lat, lon number) (*bot.Point, bool) {
	if !lat.Valid || !lon.Valid || lat.Value == 0 && lon.Value == 0 {
		return nil, false
	}
	p := bot.Point{Lat: lat.Value, Lon: lon.Value}
	if !p.Valid() {
		return nil, false
	}
	rounded := math.Abs(lat.Value*100-math.Round(lat.Value*100)) < 1e-9 && math.Abs(lon.Value*100-math.Round(lon.Value*100)) < 1e-9
	return &p, rounded
}
