package slack

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"

	"signpost/bot"
)

// Block Kit's limits, and the sizes this adapter keeps to within them.
const (
	maxBlocks  = 50   // blocks in one message
	maxTextLen = 3000 // characters in one text field
	// maxDescription keeps a result short enough to read at a glance.
	maxDescription = 300
	// linesPerSection and sectionsPerPage size the pages of a list (gaps,
	// stale entries) so it can be read on a phone.
	linesPerSection = 10
	sectionsPerPage = 3
	// introSections is the most an answer's opening may take.
	introSections = 3
)

// content is a reply before it is cut into messages: a support line, an
// opening, then items (one result, or a few lines of a list), each a few
// blocks, and choices to pick from.
type content struct {
	// support is a gentle line with a listening service, mrkdwn already
	// escaped, shown first; "" for none.
	support string
	// intro is mrkdwn, already escaped.
	intro string
	items [][]slackapi.Block
	// choices are what the person may pick next, each a button.
	choices []bot.Choice
	// perPage is how many items one message shows; 0 means all that fit.
	perPage int
	// botMore reports whether the bot has further results for "more".
	botMore bool
	// shareable offers "Share in channel" on a private reply.
	shareable bool
	// fallback is plain text for notifications and screen readers.
	fallback string
}

// escape makes s safe inside mrkdwn: &, < and > become Slack's entities,
// so nothing a coach typed can become a link, a mention or an @channel.
func escape(s string) string { return slackutilsx.EscapeMessage(s) }

// clip shortens s to at most n characters, ending in "…", without
// cutting one of escape's entities in half.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n--; n == 0 {
			cut = i
			break
		}
	}
	s = s[:cut]
	if amp := strings.LastIndexByte(s, '&'); amp >= 0 && amp >= len(s)-len("&amp;") && !strings.Contains(s[amp:], ";") {
		s = s[:amp]
	}
	return s + "…"
}

// mrkdwn is a text object of escaped mrkdwn. Verbatim stops Slack
// turning words into links or mentions on its own.
func mrkdwn(s string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.MarkdownType, clip(s, maxTextLen), false, true)
}

func section(s string) *slackapi.SectionBlock {
	return slackapi.NewSectionBlock(mrkdwn(s), nil, nil)
}

func note(s string) *slackapi.ContextBlock {
	return slackapi.NewContextBlock("", mrkdwn(s))
}

// textBlocks lays out long mrkdwn as up to max sections, split between
// lines where it can be, each within the text limit.
func textBlocks(s string, max int) []slackapi.Block {
	var blocks []slackapi.Block
	var cur []string
	size := 0
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, section(strings.Join(cur, "\n")))
			cur, size = nil, 0
		}
	}
	for _, line := range strings.Split(s, "\n") {
		line = clip(line, maxTextLen)
		n := utf8.RuneCountInString(line) + 1
		if size+n > maxTextLen {
			flush()
		}
		cur = append(cur, line)
		size += n
	}
	flush()
	if len(blocks) > max {
		blocks = append(blocks[:max-1], section("…"))
	}
	return blocks
}

// layout is the first message of c, leaving room for the buttons (the
// choices' and More's), and the items left over for More.
func layout(c content) (blocks []slackapi.Block, rest [][]slackapi.Block) {
	if c.support != "" {
		blocks = append(blocks, section(c.support))
	}
	if c.intro != "" {
		blocks = append(blocks, textBlocks(c.intro, introSections)...)
	}
	room := maxBlocks - len(blocks) - 1
	if len(c.choices) > 0 {
		room--
	}
	for i, it := range c.items {
		if i > 0 && (len(it) > room || i == c.perPage) {
			return blocks, c.items[i:]
		}
		blocks = append(blocks, it...)
		room -= len(it)
	}
	return blocks, nil
}

// buttons are the More and Share buttons for the answer with id, or nil
// when neither applies.
func buttons(id string, more, share bool) *slackapi.ActionBlock {
	var els []slackapi.BlockElement
	if more {
		els = append(els, slackapi.NewButtonBlockElement(actionMore, id, slackapi.NewTextBlockObject(slackapi.PlainTextType, "More", false, false)))
	}
	if share {
		els = append(els, slackapi.NewButtonBlockElement(actionShare, id, slackapi.NewTextBlockObject(slackapi.PlainTextType, "Share in channel", false, false)))
	}
	if len(els) == 0 {
		return nil
	}
	return slackapi.NewActionBlock("signpost_buttons", els...)
}

// Choice buttons: one actions block, each button's action id
// actionChoice and its place ("signpost_choice_1"), as Slack wants action
// ids unique within a block, and its value the question it asks.
const (
	actionChoice = "signpost_choice"
	// maxLabel and maxValue are Slack's limits on a button's text and
	// value; maxButtons on the elements of one actions block.
	maxLabel   = 75
	maxValue   = 2000
	maxButtons = 25
)

// choiceButtons are the choices as buttons, or nil when there are none.
// A choice whose question is too long for a button's value (no real one
// is) is left out rather than cut, which would ask something else.
func choiceButtons(choices []bot.Choice) *slackapi.ActionBlock {
	var els []slackapi.BlockElement
	for _, c := range choices {
		if c.Ask == "" || len(c.Ask) > maxValue || len(els) == maxButtons {
			continue
		}
		id := actionChoice + "_" + strconv.Itoa(len(els)+1)
		els = append(els, slackapi.NewButtonBlockElement(id, c.Ask, slackapi.NewTextBlockObject(slackapi.PlainTextType, clip(c.Label, maxLabel), false, false)))
	}
	if len(els) == 0 {
		return nil
	}
	return slackapi.NewActionBlock("signpost_choices", els...)
}

// answerContent is the bot's answer as Block Kit: the support line, the
// opening, per result everything a member of staff may pass on, and the
// choices.
func answerContent(ans bot.Answer) content {
	intro := ans.Intro
	if intro == "" {
		intro = ans.Reply
	}
	c := content{intro: escape(intro), choices: ans.Choices, botMore: ans.More, shareable: len(ans.Results) > 0, fallback: joinNonEmpty("\n\n", ans.Support, intro)}
	if ans.Support != "" {
		c.support = escape(ans.Support)
	}
	for _, r := range ans.Results {
		c.items = append(c.items, resultItem(r))
	}
	return c
}

// resultItem is one result, laid out from the Card the core wrote: a
// divider, its details, and when a coach last checked it.
func resultItem(r bot.Result) []slackapi.Block {
	lines := []string{title(r.Card)}
	add := func(label, value string) {
		if value != "" {
			lines = append(lines, "*"+label+":* "+value)
		}
	}
	add("When", escape(r.Card.When))
	add("Where", escape(joinNonEmpty(" · ", r.Card.Where, r.Card.Distance)))
	if r.Activity != nil {
		add("Cost", escape(r.Card.Cost))
		add("Booking", escape(bookingText(r.Activity.Booking)))
		if ages := r.Activity.Ages.Text; ages != "" && ages != "all" {
			add("Ages", escape(ages))
		}
	}
	add("Access", escape(strings.Join(r.Asset.Access, ", ")))
	add("Contact", contact(r.Asset))
	desc := r.Asset.Description
	if r.Activity != nil {
		desc = r.Activity.Description
	}
	if desc != "" {
		lines = append(lines, escape(clip(desc, maxDescription)))
	}
	return []slackapi.Block{slackapi.NewDividerBlock(), section(strings.Join(lines, "\n")), note(joinNonEmpty(" · ", checked(r.Asset.Reviewed, r.Card.Stale), escape(r.Card.Credit)))}
}

// title is the result's name in bold with its venue, "*Name* at Venue",
// or the card's whole title in bold for a venue, or an activity named as
// its venue.
func title(c bot.Card) string {
	if c.Venue != "" {
		return "*" + escape(c.Name) + "* at " + escape(c.Venue)
	}
	return "*" + escape(c.Title) + "*"
}

func bookingText(b string) string {
	switch strings.ToLower(strings.TrimSpace(b)) {
	case "":
		return ""
	case "none", "no":
		return "no need to book"
	case "required", "yes":
		return "booking needed"
	}
	return b
}

// contact is the phone, email and website, the last two as links.
func contact(a *bot.Asset) string {
	var parts []string
	if a.Phone != "" {
		parts = append(parts, escape(a.Phone))
	}
	if a.Email != "" {
		parts = append(parts, link("mailto:"+a.Email, a.Email))
	}
	if a.Website != "" {
		parts = append(parts, link(a.Website, a.Website))
	}
	return strings.Join(parts, " · ")
}

// link is a mrkdwn link to target, or just the escaped label when target
// is not a web or mail address.
func link(target, label string) string {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "mailto" && ((u.Scheme != "http" && u.Scheme != "https") || u.Host == "")) {
		return escape(label)
	}
	href := strings.ReplaceAll(u.String(), "|", "%7C")
	return "<" + escape(href) + "|" + strings.ReplaceAll(escape(label), "|", "¦") + ">"
}

// checked says when a coach last checked the entry, reviewed (zero for
// never), with a warning when the core found it stale: never checked, or
// over 12 months ago by the area's calendar.
func checked(reviewed bot.Date, stale bool) string {
	const confirm = ": confirm with the venue before passing this on."
	if reviewed.IsZero() {
		return ":warning: Never checked by a coach" + confirm
	}
	when := dateText(reviewed)
	if stale {
		return ":warning: Last checked " + when + ", over 12 months ago" + confirm
	}
	return "Last checked " + when
}

// dateText writes a date as people read it: "14 Sep 2026".
func dateText(d bot.Date) string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format("2 Jan 2006")
}

func joinNonEmpty(sep string, ss ...string) string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}
