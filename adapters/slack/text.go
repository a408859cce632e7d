package slack

import (
	"strings"
)

// plainText turns the text of a Slack message into what the person typed:
// mentions of people and of the bot are dropped, links and channel names
// become their labels, and Slack's escapes (&amp; &lt; &gt;) are undone.
// The bot then reads it like any other question.
func plainText(s string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '<')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], '>')
		if end < 0 {
			break
		}
		b.WriteString(s[:open])
		b.WriteString(linkLabel(s[open+1 : open+end]))
		s = s[open+end+1:]
	}
	b.WriteString(s)
	return strings.TrimSpace(unescape.Replace(b.String()))
}

var unescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// linkLabel is what one <...> span of Slack's markup reads as.
func linkLabel(inner string) string {
	target, label, hasLabel := strings.Cut(inner, "|")
	switch {
	case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "!"):
		// A person, the bot itself, or @here / @channel: not part of the question.
		return " "
	case strings.HasPrefix(target, "#"):
		if hasLabel {
			return "#" + label
		}
		return ""
	case hasLabel:
		return label
	}
	return strings.TrimPrefix(target, "mailto:")
}

// commandKind is what a /signpost command asks for.
type commandKind int

const (
	askQuestion commandKind = iota // a question for the bot
	showHelp                       // nothing typed, or "help"
	showGaps                       // what residents asked for that found nothing
	showStale                      // entries a coach should check again
)

// command is one /signpost command, read.
type command struct {
	kind commandKind
	// question is the text for the bot when kind is askQuestion.
	question string
}

// parseCommand reads the text after /signpost. Only a word on its own is
// a keyword, so "stale bread" or "gaps in the fence" are still questions.
func parseCommand(text string) command {
	q := plainText(text)
	word := strings.ToLower(strings.Trim(q, " \t\r\n.!?/"))
	switch word {
	case "", "help", "?":
		return command{kind: showHelp}
	case "gaps", "gap":
		return command{kind: showGaps}
	case "stale":
		return command{kind: showStale}
	}
	return command{kind: askQuestion, question: q}
}

// Button action ids. A More or Share button's value is the id of the
// answer it belongs to; a choice's (actionChoice, in blocks.go) is the
// question it asks.
const (
	actionMore  = "signpost_more"
	actionShare = "signpost_share"
)

// answerIDLen is the length of an answer id: 16 lowercase hex digits.
const answerIDLen = 16

// buttonKind is which of the adapter's buttons was pressed.
type buttonKind int

const (
	pressMore buttonKind = iota + 1
	pressShare
	pressChoice
)

// action is one button press, read.
type action struct {
	kind buttonKind
	// id is the answer a More or Share button was on.
	id string
	// ask is a choice's question, to answer as if it had been typed.
	ask string
}

// parseAction reads one button press. ok is false for anything this
// adapter did not make.
func parseAction(actionID, value string) (action, bool) {
	if rest, ok := strings.CutPrefix(actionID, actionChoice+"_"); ok {
		if rest == "" || strings.Trim(rest, "0123456789") != "" || strings.TrimSpace(value) == "" || len(value) > maxValue {
			return action{}, false
		}
		return action{kind: pressChoice, ask: value}, true
	}
	if actionID != actionMore && actionID != actionShare {
		return action{}, false
	}
	if len(value) != answerIDLen || strings.Trim(value, "0123456789abcdef") != "" {
		return action{}, false
	}
	if actionID == actionMore {
		return action{kind: pressMore, id: value}, true
	}
	return action{kind: pressShare, id: value}, true
}
