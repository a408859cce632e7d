package understand

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		text string
		want string // words, then originals, each joined by spaces
	}{
		{"Knit and Natter", "knit and natter | Knit and Natter"},
		{"what's on", "whats on | what's on"},
		{"what’s on", "whats on | what's on"},
		{"dont ‘quote’ me", "dont quote me | dont quote me"},
		{"''leading and trailing'' 'x'", "leading and trailing x | leading and trailing x"},
		{"Café Crème", "cafe creme | Café Crème"},
		{"toddler-group (under 5s)", "toddler group under 5s | toddler group under 5s"},
		{"B69 4RJ", "b69 4rj | B69 4RJ"},
		{"'''", " | "},
		{"", " | "},
		{"a’", "a | a"},
		{"naïve ʼn", "naive n | naïve n"},
	}
	for _, tt := range tests {
		toks := split(tt.text, false)
		var words, origs []string
		for _, tok := range toks {
			words = append(words, tok.word)
			origs = append(origs, tok.original)
			if tok.stem != "" {
				t.Errorf("split(%q, false) stemmed %q", tt.text, tok.word)
			}
		}
		if got := strings.Join(words, " ") + " | " + strings.Join(origs, " "); got != tt.want {
			t.Errorf("split(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if toks := tokenize("carers looking"); toks[0].stem != "carer" || toks[1].stem != "look" {
		t.Errorf("tokenize stems = %q, %q", toks[0].stem, toks[1].stem)
	}
}
