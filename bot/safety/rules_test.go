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
		{"bad hint", "hints:\n  f:\n    g: [\"...2 me\"]\n", "hints.f.g"},
		{"strong and light", "urgent:\n  a: [\"! ~ kill me\"]\n", "both strong"},
		{"bad jest marker", "urgent:\n  a: [kill me]\njest:\n  markers: [\"...2 lol\"]\n", "jest.markers"},
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

// TestHints: a hint alone is nothing; two of one family and different
// groups are Urgent, or Concern when both sentences are about the past;
// two of one group, or of different families, are nothing; a guard hides
// a hint, and a hint hides no other reading.
func TestHints(t *testing.T) {
	r, err := compileRules([]byte(`
hints:
  leaving:
    place: [top of the car park, top of the flyover bridge]
    finality: [not coming down, never coming down]
  other:
    sign: [my last night]
concern:
  distress: [not coping]
urgent:
  means: [flyover bridge]
guards:
  plain: [not coming down till]
past: [years ago]
now: [tonight]
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want Level
	}{
		{"at the top of the car park", None},
		{"at the top of the car park. not coming down", Urgent},
		{"not coming down, at the top of the car park", Urgent},
		{"not coming down and never coming down", None},
		{"my last night, not coming down", None},
		{"at the top of the car park, not coming down till 10", None},
		{"years ago i was at the top of the car park and not coming down", Concern},
		{"years ago i was at the top of the car park and tonight not coming down", Urgent},
		{"not coping at the top of the car park", Concern},
		{"at the top of the flyover bridge", Urgent},
	} {
		if got := r.level(r.normalise(tc.text)); got != tc.want {
			t.Errorf("%q: %s, want %s (readings %v)", tc.text, got, tc.want, r.why(tc.text))
		}
	}
}

// TestJest: a light reading is set aside in a message that jokes, unless
// the message also says it is meant; a reading that is not light, a
// guard, and Concern are not touched by a joke; and the scorer does not
// read the words of a reading a joke set aside.
func TestJest(t *testing.T) {
	r, err := compileRules([]byte(`
urgent:
  threats: ["~ going to kill me"]
  suicidal: [want to die]
concern:
  distress: [not coping]
jest:
  markers: [lol, the cheek of it]
  earnest: [scared, not joking]
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want Level
	}{
		{"hes going to kill me", Urgent},
		{"hes going to kill me lol", None},
		{"lol. hes going to kill me", None},
		{"hes going to kill me, the cheek of it", None},
		{"hes going to kill me lol, im scared", Urgent},
		{"hes going to kill me lol not joking", Urgent},
		{"lol i want to die", Urgent},
		{"not coping lol", Concern},
		{"hes going to kill me lol and i want to die", Urgent},
	} {
		if got := r.level(r.normalise(tc.text)); got != tc.want {
			t.Errorf("%q: %s, want %s (readings %v)", tc.text, got, tc.want, r.why(tc.text))
		}
	}
	toks := r.normalise("hes going to kill me lol")
	if _, known := r.decide(toks); len(known) != 1 || known[0].p.kind != kindUrgent {
		t.Errorf("a reading set aside by a joke is not left out of the scorer's reading: %v", known)
	}
}
