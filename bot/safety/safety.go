// Package safety tells, from one short message, whether the person
// writing may be in danger.
package safety

import (
	"strings"
	"unicode"
)

// Level is how worried the bot should be by one message.
type Level int

const (
	None    Level = iota // nothing worrying
	Concern              // distress without danger
	Urgent               // danger to self or another now, or a medical emergency
)

// String names the level: "none", "concern", "urgent".
func (l Level) String() string {
	switch l {
	case Concern:
		return "concern"
	case Urgent:
		return "urgent"
	}
	return "none"
}

// Checker decides the Level of messages.
type Checker struct{ phrases []string }

var crisisPhrases = []string{
	"suicide", "suicidal", "kill myself", "killing myself", "end my life",
	"end it all", "want to die", "wanna die", "dont want to live",
	"better off dead", "self harm", "selfharm", "self harming", "hurt myself",
	"hurting myself", "harm myself", "cutting myself", "overdose", "abuse",
	"abused", "abusing me", "hits me", "hitting me", "beats me",
	"domestic violence", "raped", "rape", "emergency", "in danger", "not safe at home",
}

// New builds a Checker; extra are the coaches' own safety words.
func New(extra []string) *Checker {
	c := &Checker{}
	for _, p := range append(append([]string(nil), crisisPhrases...), extra...) {
		if w := norm(p); w != "" {
			c.phrases = append(c.phrases, " "+w+" ")
		}
	}
	return c
}

func norm(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "'", "")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// Check returns the Level of text.
func (c *Checker) Check(text string) Level {
	t := " " + norm(text) + " "
	for _, p := range c.phrases {
		if strings.Contains(t, p) {
			return Urgent
		}
	}
	return None
}
