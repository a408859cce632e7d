package safety

import (
	"strings"
	"testing"
)

// TestRulesCompile: the embedded rules compile, so a bad edit to
// rules.yaml fails here rather than shipping empty rules.
func TestRulesCompile(t *testing.T) {
	r, err := compileRules(rulesYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(builtin.patterns) != len(r.patterns) || len(r.patterns) < 100 {
		t.Fatalf("builtin has %d patterns, compiling again gives %d", len(builtin.patterns), len(r.patterns))
	}
}

// TestRulesErrors: a broken rules file is refused with a message naming
// what is wrong.
func TestRulesErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"not yaml", "urgent: [", "safety rules"},
		{"unknown section", "urgentt:\n  a: [kill myself]\n", "urgentt"},
		{"no patterns", "rewrite:\n  you: [u]\n", "no patterns"},
		{"unknown family", "urgent:\n  a: [\"@nope me\"]\n", "no family @nope"},
		{"family includes itself", "families:\n  a: [x, \"@a\"]\nurgent:\n  g: [\"@a\"]\n", "includes itself"},
		{"gap first", "urgent:\n  a: [\"...2 me\"]\n", "must start with a word"},
		{"gap last", "urgent:\n  a: [\"me ...2\"]\n", "must not end with a gap"},
		{"gap too wide", "urgent:\n  a: [\"me ...20 you\"]\n", "gap"},
		{"bad number", "urgent:\n  a: [\"took #x+ pills\"]\n", "number"},
		{"empty alternative", "urgent:\n  a: [\"a||b\"]\n", "empty alternative"},
		{"matches nothing", "families:\n  a: [\"x?\"]\nurgent:\n  g: [\"me @a\"]\n", "can match nothing"},
		{"rewrite twice", "rewrite:\n  you: [u]\n  your: [u]\nurgent:\n  a: [me]\n", "listed under both"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compileRules([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestBrokenRulesStillHonourExtra: were the built-in rules ever broken,
// Check would still work, flag nothing built in, and honour the coaches'
// words.
func TestBrokenRulesStillHonourExtra(t *testing.T) {
	r := mustRules([]byte("urgent: ["))
	c := &Checker{rules: r}
	key, _ := r.phraseKey("jump off the bridge")
	c.extra = append(c.extra, key)
	if got := c.Check("i want to kill myself"); got != None {
		t.Errorf("empty rules: got %s", got)
	}
	if got := c.Check("going to JUMP off the bridge"); got != Urgent {
		t.Errorf("coach's phrase with empty rules: got %s, want urgent", got)
	}
}
