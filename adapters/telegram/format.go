package telegram

import (
	"strings"
	"unicode/utf8"

	"signpost/bot"
)

// maxMessage is the longest message sent, in UTF-16 code units of its
// HTML: below Telegram's 4,096 characters, with room to spare.
const maxMessage = 4000

// escaper makes text safe in Telegram HTML: a venue called
// "Tea & Toast <Tuesdays>" shows as written.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escape(s string) string { return escaper.Replace(s) }

// unescaper turns Telegram HTML's entities back into text.
var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&")

// plainOf is html's text without tags or entities, as a fallback should
// Telegram refuse the HTML.
func plainOf(html string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(html, '<')
		if i < 0 {
			b.WriteString(html)
			break
		}
		b.WriteString(html[:i])
		j := strings.IndexByte(html[i:], '>')
		if j < 0 {
			b.WriteString(html[i:])
			break
		}
		html = html[i+j+1:]
	}
	return unescaper.Replace(b.String())
}

func htmlReply(html string, markup any) reply {
	return reply{html: html, plain: plainOf(html), markup: markup}
}

func plainReply(text string) reply { return reply{plain: text} }

// format writes an answer as Telegram HTML: the support line in italics
// when there is one, the intro, each result's Card (its title in bold, a
// line of when, cost and distance, and where), then the footer, split
// into messages below Telegram's limit. The last message carries the
// buttons: the choices, Map for each place and More when there is more.
func (a *Adapter) format(ans bot.Answer) []reply {
	var b strings.Builder
	if ans.Support != "" {
		b.WriteString("<i>" + escape(ans.Support) + "</i>\n\n")
	}
	b.WriteString(escape(ans.Intro))
	for _, r := range ans.Results {
		b.WriteString("\n\n<b>" + escape(r.Card.Title) + "</b>")
		var facts []string
		for _, f := range []string{r.Card.When, r.Card.Cost, r.Card.Distance} {
			if f != "" {
				facts = append(facts, escape(f))
			}
		}
		if len(facts) > 0 {
			b.WriteString("\n" + strings.Join(facts, " · "))
		}
		if where := r.Card.Where; where != "" {
			b.WriteString("\n" + escape(where))
		}
		if credit := r.Card.Credit; credit != "" {
			b.WriteString("\n<i>" + escape(credit) + "</i>")
		}
	}
	if ans.Footer != "" {
		b.WriteString("\n\n<i>" + escape(ans.Footer) + "</i>")
	}
	html := b.String()
	if strings.TrimSpace(plainOf(html)) == "" {
		html = escape(ans.Reply)
	}
	parts := splitHTML(html, maxMessage)
	out := make([]reply, len(parts))
	for i, p := range parts {
		out[i] = htmlReply(p, nil)
	}
	if kb := a.keyboard(ans); kb != nil && len(out) > 0 {
		out[len(out)-1].markup = kb
	}
	return out
}

// inlineKeyboard and inlineButton are Telegram's inline keyboard with only
// the fields used. The client's own models.InlineKeyboardButton always
// sends an empty copy_text, which Telegram refuses (BUTTON_COPY_TEXT_INVALID).
type inlineKeyboard struct {
	Rows [][]inlineButton `json:"inline_keyboard"`
}

type inlineButton struct {
	Text string `json:"text"`
	Data string `json:"callback_data"`
}

// maxLabel bounds a button's label, in characters, so it fits a phone.
const maxLabel = 32

// keyboard offers a button for each choice, one a row; a Map button for
// each place in the answer that has a position, once each; and More when
// there are more results.
func (a *Adapter) keyboard(ans bot.Answer) *inlineKeyboard {
	kb := &inlineKeyboard{}
	for _, c := range ans.Choices {
		kb.Rows = append(kb.Rows, []inlineButton{{Text: choiceLabel(c.Label), Data: a.keys.data(choiceButton, c.Ask)}})
	}
	shown := map[string]bool{}
	for _, r := range ans.Results {
		if r.Asset == nil || r.Asset.Point == nil || shown[r.Asset.ID] {
			continue
		}
		shown[r.Asset.ID] = true
		kb.Rows = append(kb.Rows, []inlineButton{{Text: "📍 Map: " + shorten(r.Asset.Name, maxLabel), Data: a.keys.data(mapButton, r.Asset.ID)}})
	}
	if ans.More {
		kb.Rows = append(kb.Rows, []inlineButton{{Text: "More results", Data: moreData}})
	}
	if len(kb.Rows) == 0 {
		return nil
	}
	return kb
}

// choiceLabel is a choice's label cut to fit a phone. A count at its end,
// as in "Welcome groups and coffee mornings (27)", is kept whole, so the
// person still sees how many there are.
func choiceLabel(label string) string {
	if i := strings.LastIndex(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		count := label[i:]
		digits := count[2 : len(count)-1]
		if n := maxLabel - utf8.RuneCountInString(count); digits != "" && strings.Trim(digits, "0123456789") == "" && n >= maxLabel/2 {
			return shorten(label[:i], n) + count
		}
	}
	return shorten(label, maxLabel)
}

// shorten cuts s to at most n characters, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
