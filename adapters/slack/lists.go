package slack

import (
	"fmt"
	"sort"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"

	"signpost/bot"
)

// gapDays is how far back /signpost gaps looks.
const gapDays = 7

// maxListLines is the most lines a list shows, five pages of More. It
// keeps what the buttons need small (a list of every entry of a
// 10,000-venue file would take a megabyte for each time it was asked);
// the rest are a command away on the server.
const maxListLines = 5 * sectionsPerPage * linesPerSection

// listContent lays out lines of mrkdwn as a list that pages with More.
// Past maxListLines it ends with a line saying how many more there are
// and where to find them.
func listContent(intro, fallback, elsewhere string, lines []string) content {
	c := content{intro: intro, perPage: sectionsPerPage, shareable: len(lines) > 0, fallback: fallback}
	if len(lines) > maxListLines {
		keep := maxListLines - 1
		lines = append(lines[:keep:keep], fmt.Sprintf("…and %d more: %s.", len(lines)-keep, elsewhere))
	}
	for len(lines) > 0 {
		n := min(linesPerSection, len(lines))
		c.items = append(c.items, textBlocks(strings.Join(lines[:n], "\n"), 1))
		lines = lines[n:]
	}
	return c
}

// gapsContent is what residents asked about in the last week that found
// nothing: topic, district and how often, never who or their words.
func gapsContent(gaps GapReader, now time.Time) (content, error) {
	if gaps == nil {
		msg := "Unanswered questions are not being recorded on this server, so I can't show any gaps. Whoever runs Signpost can turn that record on."
		return content{intro: msg, fallback: msg}, nil
	}
	counts, err := gaps.Counts(now.AddDate(0, 0, -gapDays))
	if err != nil {
		msg := "Sorry, I couldn't read the record of unanswered questions just now. Please try again in a few minutes."
		return content{intro: msg, fallback: msg}, fmt.Errorf("read gaps: %w", err)
	}
	if len(counts) == 0 {
		msg := fmt.Sprintf("Every question in the last %d days found something. No gaps to show.", gapDays)
		return content{intro: msg, fallback: msg}, nil
	}
	counts = append([]bot.GapCount(nil), counts...)
	sort.SliceStable(counts, func(i, j int) bool { return counts[i].Count > counts[j].Count })
	lines := make([]string, len(counts))
	for i, g := range counts {
		place := "no place given"
		if g.Place != "" {
			place = "near " + escape(g.Place)
		}
		times := "times"
		if g.Count == 1 {
			times = "time"
		}
		lines[i] = fmt.Sprintf("• *%s* %s: asked %d %s", escape(g.Topic), place, g.Count, times)
	}
	intro := fmt.Sprintf("*What residents asked about in the last %d days that found nothing*, most asked first:", gapDays)
	return listContent(intro, fmt.Sprintf("%d gaps in the last %d days", len(counts), gapDays), "each asked less often; `signpost gaps` on the server lists them all", lines), nil
}

// staleContent lists the entries a coach should check again: never
// checked first, then the longest since.
func staleContent(b Bot, now time.Time) content {
	stale := b.Stale(now)
	if len(stale) == 0 {
		msg := "Every entry has been checked by a coach in the last 12 months."
		return content{intro: msg, fallback: msg}
	}
	lines := make([]string, len(stale))
	for i, s := range stale {
		when := "never checked"
		if !s.Never {
			when = "last checked " + dateText(s.Asset.Reviewed)
		}
		where := "`" + escape(s.Asset.ID) + "`"
		if s.Asset.Line > 0 {
			where += fmt.Sprintf(", line %d", s.Asset.Line)
		}
		lines[i] = fmt.Sprintf("• *%s* (%s): %s", escape(s.Asset.Name), where, when)
	}
	intro := fmt.Sprintf("*%d %s not checked for over 12 months*, oldest first. Check each with the venue, then update `reviewed:` in the asset file.", len(stale), plural(len(stale), "entry", "entries"))
	return listContent(intro, fmt.Sprintf("%d entries to check", len(stale)), "`signpost check` on the asset file lists them all", lines)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// helpContent says what staff can type, and ends with the area's crisis
// numbers, crisis, for a resident in danger.
func helpContent(crisis string) content {
	var b strings.Builder
	b.WriteString("*Ask me what's on*, for example:\n")
	for _, q := range bot.Examples() {
		if strings.Contains(q, "near me") {
			continue // Slack cannot share where someone is, so offer places instead
		}
		b.WriteString("• `/signpost " + escape(q) + "`\n")
	}
	b.WriteString("• `/signpost knitting near B69`\n")
	b.WriteString("Name a town, a street or a postcode (B69 4RJ, or just B69); a time (today, tomorrow evening, this weekend, Tuesday); and filters (free, cheap, wheelchair, for toddlers, over 50s).\n\n")
	b.WriteString("• `/signpost more`: more results for your last question\n")
	b.WriteString("• `/signpost stale`: entries not checked for 12 months, oldest first\n")
	b.WriteString("• `/signpost gaps`: what residents asked about this week that found nothing\n\n")
	b.WriteString("Answers to /signpost are only shown to you: press *Share in channel* to show one to everyone. You can also mention me in a channel (I answer in a thread) or send me a direct message.\n\n")
	b.WriteString("*If a resident is in danger:* " + escape(crisis))
	return content{intro: b.String(), fallback: "How to use Signpost"}
}

// sharedBy is the note under a shared answer saying who shared it.
func sharedBy(user string) slackapi.Block {
	if !slackID(user) {
		return note("Shared from Signpost")
	}
	return note("Shared from Signpost by <@" + user + ">")
}

// slackID reports whether s looks like a Slack user id, so it is safe to
// put inside <@...>.
func slackID(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
