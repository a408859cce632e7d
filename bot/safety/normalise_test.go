package safety

import (
	"strings"
	"testing"
)

// show renders tokens as their words, with | for each sentence boundary
// inside the message.
func show(toks []token) string {
	var parts []string
	for i, t := range toks {
		switch {
		case !t.bound:
			parts = append(parts, t.surf)
		case i > 0 && i < len(toks)-1:
			parts = append(parts, "|")
		}
	}
	return strings.Join(parts, " ")
}

func TestNormalise(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"I'M NOT OK", "i am not ok"},
		{"i dont want to", "i do not want to"},
		{"don’t", "do not"},
		{"cant cannot can't", "can not can not can not"},
		{"pleeease", "please"},
		{"sooo tired", "so tired"},
		{"killll", "kill"},
		{"su1c1de", "suicide"},
		{"ki11 my5elf", "kill myself"},
		{"k!ll", "kill"},
		{"k i l l myself", "kill myself"},
		{"k.i.l.l", "kill"},
		{"gonna o.d.", "going to overdose"},
		{"mr.smith", "mr smith"},
		{"i dont wanna b here no more", "i do not want to be here anymore"},
		{"kill my self", "kill myself"},
		{"kms", "kill myself"},
		{"sewer slide", "suicide"},
		{"suicde sucide suiside", "suicide suicide suicide"},
		{"overdoze", "overdose"},
		{"paracetomol", "paracetamol"},
		{"paracetamal", "paracetamol"},
		{"unconsious", "unconscious"},
		{"overdone", "overdone"},
		{"self-harm selfharm SELF HARM", "self harm self harm self harm"},
		{"been cuttin", "been cutting"},
		{"he od'd", "he overdosed"},
		{"took 30mg", "took 30 mg"},
		{"10,400mg", "10400 mg"},
		{"thirty tablets", "30 tablets"},
		{"2nite tn rn", "tonight tonight right now"},
		{"u r gonna", "you r going to"},
		{"💊💊💊", "💊 💊 💊"},
		{"⚰️", "⚰"},
		{"👍🏽", "👍"},
		{"hello. world! again?", "hello | world | again"},
		{"one\nword", "one | word"},
		{"bad \xff\xfe bytes", "bad bytes"},
		{"zero\u200bwidth", "zerowidth"},
		{"B69 3DE", "b69 3 de"},
	} {
		if got := show(builtin.normalise(tc.in)); got != tc.want {
			t.Errorf("normalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNormaliseEnds: every message starts and ends with a boundary, so a
// pattern may begin or end with $.
func TestNormaliseEnds(t *testing.T) {
	for _, in := range []string{"", "hi", "!!!", "a. b."} {
		toks := builtin.normalise(in)
		if len(toks) == 0 || !toks[0].bound || !toks[len(toks)-1].bound {
			t.Errorf("normalise(%q): %d tokens, want a boundary at each end", in, len(toks))
		}
	}
}

func TestOneSlip(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"paracetamal", "paracetamol", true},
		{"paracetmol", "paracetamol", true},
		{"paraceetamol", "paracetamol", true},
		{"praacetamol", "paracetamol", true},
		{"paracetamol", "paracetamol", false},
		{"pracetamal", "paracetamol", false},
		{"x", "paracetamol", false},
	} {
		if got := oneSlip(tc.a, tc.b); got != tc.want {
			t.Errorf("oneSlip(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
