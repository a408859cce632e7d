package telegram

import (
	"fmt"
	"strings"
	"time"

	"signpost/bot"
)

// The adapter's own words, written for someone who may not be confident
// with technology: short, plain, and each saying what to do next.
const (
	apology       = "Sorry, something went wrong on my side. Please try again in a minute."
	editedNote    = "I only read new messages, so I haven't changed my answer. Please send your question again as a new message."
	slowDownNote  = "You're sending messages faster than I can answer. Please wait a minute, then ask again."
	forgotten     = "Done: I've forgotten your location and your last question."
	expiredButton = "Sorry, that button has expired. Ask me your question again and use the buttons on the new answer."
	nearText      = "Tap <b>" + shareLocation + "</b> below to tell me where you are, or type a town or postcode, like \"near B69\"."
	nearInGroup   = "To tell me where you are, reply to this message with a location (tap 📎, then Location), or type a town or postcode after /near, like \"/near Tipton\"."
)

// helpText is the answer to /help. It always ends with the area's
// crisis numbers, crisis, so they are never more than a tap away.
func helpText(crisis string) string {
	var b strings.Builder
	b.WriteString("Tell me what you're looking for, and where and when if it matters. For example:")
	for _, q := range bot.Examples() {
		b.WriteString("\n• " + escape(q))
	}
	b.WriteString("\n\nI understand free or cheap, wheelchair access, and ages like toddlers, teenagers or over 50s.\n")
	for _, c := range commands {
		b.WriteString("\n/" + c.name + " – " + escape(c.description))
	}
	b.WriteString("\n\n" + escape(crisis))
	return b.String()
}

// humanDuration says a duration the way a person would: "24 hours",
// "2 days", "90 minutes".
func humanDuration(d time.Duration) string {
	plural := func(n int64, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return plural(int64(d/(24*time.Hour)), "day")
	case d >= time.Hour && d%time.Hour == 0:
		return plural(int64(d/time.Hour), "hour")
	}
	return plural(int64(max(d.Round(time.Minute)/time.Minute, 1)), "minute")
}
