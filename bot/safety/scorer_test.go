package safety

import (
	"strings"
	"testing"
)

// TestScorerFile: a broken weights file is refused with a message, and a
// scorer that cannot be read never fires.
func TestScorerFile(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"no tab", ":threshold 0.5\n", "no tab"},
		{"bad number", ":threshold\tx\n", "bad number"},
		{"not finite", ":threshold\t0.5\nkill\tNaN\n", "bad number"},
		{"no threshold", ":bias\t1\n", "no :threshold"},
	} {
		if _, err := readScorer([]byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
	s := mustScorer([]byte("nonsense"))
	if s.urgent(builtin.normalise("i want to kill myself"), nil) {
		t.Error("an unreadable scorer fired")
	}
	if _, err := readScorer(weightsTSV); err != nil {
		t.Errorf("weights.tsv: %v", err)
	}
}

// TestScorerCombines: the scorer raises a message the rules leave alone
// to Urgent; it never lowers the rules' Urgent; it does not read words
// the rules explained (a guard, or a Concern reading).
func TestScorerCombines(t *testing.T) {
	r, err := compileRules([]byte(`
urgent:
  means: [kill myself]
concern:
  negated: [not going to jump]
guards:
  idioms: [jump the queue]
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := readScorer([]byte("# a test scorer\n:bias\t-5\n:threshold\t0.5\njump\t6\nkill myself\t-10\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := &Checker{rules: r, scorer: s}
	for _, tc := range []struct {
		text string
		want Level
	}{
		{"i will jump", Urgent},             // the scorer alone
		{"i want to kill myself", Urgent},   // the rules, whatever the scorer says
		{"i will jump the queue", None},     // a guard's words are not read
		{"im not going to jump", Concern},   // nor a Concern reading's
		{"knitting near me tomorrow", None}, // nothing at all
	} {
		if got := c.Check(tc.text); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}
