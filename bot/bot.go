// Package bot is Signpost's core: it turns one message, with who is asking,
// where they are and what time it is, into a short, honest answer about
// what is on nearby. It knows nothing of Telegram, Slack or bleve: adapters
// bring questions in, and a Searcher finds things in the asset list.
package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"signpost/bot/safety"
)

// Config tunes the bot. The zero value of each field means its default.
type Config struct {
	// PageSize is how many results one answer shows (default 3).
	PageSize int
	// NearKm is how far "near" reaches before the bot says it had to look
	// further (default 5 km, about 3 miles).
	NearKm float64
	// SearchTimeout bounds each search (default 2 s).
	SearchTimeout time.Duration
	// LocationTTL is how long a shared location is used for "near me"
	// (default 24 h).
	LocationTTL time.Duration
	// Now is the clock (default time.Now); a question's At overrides it.
	Now func() time.Time
	// Gaps, if set, is told of every question that found nothing as asked.
	Gaps GapRecorder
}

func (c Config) withDefaults() Config {
	if c.PageSize <= 0 {
		c.PageSize = 3
	}
	if c.NearKm <= 0 {
		c.NearKm = 5
	}
	if c.SearchTimeout <= 0 {
		c.SearchTimeout = 2 * time.Second
	}
	if c.LocationTTL <= 0 {
		c.LocationTTL = 24 * time.Hour
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Bot answers questions. It is safe for concurrent use; Use may swap in a
// new asset list at any time without disturbing questions in flight.
type Bot struct {
	cfg    Config
	memory Memory
	lib    atomic.Pointer[library]
}

// ErrNotReady is returned by Answer before any asset list is in use.
var ErrNotReady = errors.New("no asset list loaded yet")

// New makes a bot that remembers conversations in mem. Call Use before
// the first question.
func New(cfg Config, mem Memory) *Bot {
	return &Bot{cfg: cfg.withDefaults(), memory: mem}
}

// Use makes cat, searched by s and read by r, the list every later
// question is answered from. Questions already being answered finish with
// the list they began with; then the previous Searcher is closed, if it is
// an io.Closer. The bot owns s from now on: close it only through Use or
// Close.
func (b *Bot) Use(cat *Catalogue, s Searcher, r Reader) {
	if old := b.lib.Swap(newLibrary(cat, s, r)); old != nil {
		old.retire()
	}
}

// Close retires the list in use: its Searcher is closed once the questions
// in flight are done. Later questions get ErrNotReady until the next Use.
func (b *Bot) Close() {
	if old := b.lib.Swap(nil); old != nil {
		old.retire()
	}
}

// Ready reports whether a list is in use, and how many assets and
// activities it holds.
func (b *Bot) Ready() (assets, activities int, ok bool) {
	lib := b.lib.Load()
	if lib == nil {
		return 0, 0, false
	}
	return len(lib.cat.Assets), lib.activities, true
}

// Answer replies to one question. The error is for the operator's log; it
// comes with an Answer that says sorry in plain words, so an adapter can
// always send something.
func (b *Bot) Answer(ctx context.Context, q Question) (Answer, error) {
	lib := b.acquire()
	if lib == nil {
		// No list yet, but someone in danger still gets the safety message.
		if ans, ok := b.Crisis(q.Text); ok {
			return ans, nil
		}
		return sorry(), ErrNotReady
	}
	defer lib.release()
	now := q.At
	if now.IsZero() {
		now = b.cfg.Now()
	}
	now = now.In(lib.cat.Area.Location)

	conv := b.recall(q.From)
	conv.Seen = now
	if q.Near != nil && q.Near.Valid() {
		conv.Near, conv.NearUntil = q.Near, now.Add(b.cfg.LocationTTL)
	}
	if conv.Near != nil && !now.Before(conv.NearUntil) {
		conv.Near = nil
	}

	ans, err := b.answer(ctx, lib, q, now, &conv)
	if q.From != "" {
		b.memory.Remember(q.From, conv)
	}
	return ans, err
}

func (b *Bot) recall(from string) Conversation {
	if from == "" || b.memory == nil {
		return Conversation{}
	}
	return b.memory.Recall(from)
}

// Forget drops all the bot remembers of one person: location and results.
func (b *Bot) Forget(from string) {
	if b.memory != nil {
		b.memory.Forget(from)
	}
}

func (b *Bot) answer(ctx context.Context, lib *library, q Question, now time.Time, conv *Conversation) (Answer, error) {
	m := lib.read.Read(q.Text, now)
	if m.Safety == safety.Urgent {
		return safetyAnswer(lib.cat.Safety, now), nil
	}
	ans, err := b.reply(ctx, lib, m, q, now, conv)
	if m.Safety == safety.Concern {
		ans = withSupport(ans, lib.cat.Safety)
	}
	ans.At = now
	return ans, err
}

// reply answers a message that is not a cry for help.
func (b *Bot) reply(ctx context.Context, lib *library, m Meaning, q Question, now time.Time, conv *Conversation) (Answer, error) {
	area := lib.cat.Area.Name
	switch m.Intent {
	case IntentUnreadable, IntentGreeting, IntentHelp, IntentThanks:
		return smallTalkAnswer(m.Intent, area, lib.cat.Safety), nil
	case IntentEmpty:
		if q.Near != nil {
			return locationAnswer(), nil
		}
		return smallTalkAnswer(m.Intent, area, lib.cat.Safety), nil
	case IntentMore:
		return b.more(conv, now), nil
	case IntentChoose:
		return b.choose(ctx, lib, m, q, now, conv)
	}
	if len(m.Ambiguous) > 0 && len(m.Words)+len(m.Needs) == 0 {
		ans := clarify(m)
		conv.Last, conv.Shown, conv.Asked, conv.Relaxed, conv.Choices = nil, 0, ans.Understood, nil, ans.Choices
		return ans, nil
	}
	if !m.HasTopic() && len(m.Generic) == 0 && m.Place == nil && m.UnknownPlace == "" && m.When == nil && !m.Filters.any() && m.Intent == IntentSearch && !m.NearMe {
		return smallTalkAnswer(IntentHelp, area, lib.cat.Safety), nil
	}
	if m.Place == nil && m.UnknownPlace == "" && conv.Near != nil {
		// Someone who shared a location wants things near it, whether or
		// not they say "near me".
		m.Place = &PlaceRef{Name: "you", Source: SourceShared, Lat: conv.Near.Lat, Lon: conv.Near.Lon}
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.SearchTimeout)
	defer cancel()
	found, err := b.find(ctx, lib, m, now)
	if err != nil {
		return sorry(), fmt.Errorf("answer: %w", err)
	}
	if g, ok := lib.gapOf(m, found, now, q.Channel); ok && b.cfg.Gaps != nil {
		b.cfg.Gaps.Record(g)
	}
	if len(found.results) == 0 && m.Venue == "" {
		choices, err := b.offers(ctx, lib, m, now)
		if err != nil {
			return sorry(), fmt.Errorf("answer: %w", err)
		}
		ans := miss(m, choices)
		conv.Last, conv.Shown, conv.Asked, conv.Relaxed, conv.Choices = nil, 0, ans.Understood, nil, ans.Choices
		return ans, nil
	}
	conv.Last, conv.Shown, conv.Asked, conv.Relaxed, conv.Choices = found.results, 0, m.understood(), found.relaxed, nil
	return b.page(conv, compose(m, found), now), nil
}

// choose answers the choice picked from the last answer, as if its
// question had been asked.
func (b *Bot) choose(ctx context.Context, lib *library, m Meaning, q Question, now time.Time, conv *Conversation) (Answer, error) {
	if m.Choice < 1 || m.Choice > len(conv.Choices) {
		msg := "I don't have a list for that number. Ask me what you're looking for, like:" + examplesText()
		if len(conv.Choices) > 0 {
			msg = fmt.Sprintf("Please pick a number from 1 to %d, or ask me something else.", len(conv.Choices))
		}
		return Answer{Reply: msg, Intro: msg, Understood: Understood{Intent: IntentChoose}}, nil
	}
	picked := lib.read.Read(conv.Choices[m.Choice-1].Ask, now)
	if picked.Intent == IntentChoose {
		// A choice's question is never a number; should one be, answer
		// nothing rather than loop.
		return smallTalkAnswer(IntentHelp, lib.cat.Area.Name, lib.cat.Safety), nil
	}
	return b.reply(ctx, lib, picked, q, now, conv)
}

// more shows the next page of the last question's results.
func (b *Bot) more(conv *Conversation, now time.Time) Answer {
	if conv.Shown >= len(conv.Last) {
		msg := "That's everything I found for your last question. Ask me something else, like:" + examplesText()
		if len(conv.Last) == 0 {
			msg = "Ask me a question first, like:" + examplesText()
		}
		return Answer{Reply: msg, Intro: msg, Understood: Understood{Intent: IntentMore}}
	}
	understood := conv.Asked
	understood.Intent = IntentMore
	return b.page(conv, Answer{Intro: "Here are more:", Understood: understood, Relaxed: conv.Relaxed}, now)
}

// page fills ans with the next PageSize results of conv, each written out
// at now, and moves on.
func (b *Bot) page(conv *Conversation, ans Answer, now time.Time) Answer {
	end := min(conv.Shown+b.cfg.PageSize, len(conv.Last))
	ans.Results = make([]Result, end-conv.Shown)
	related := false
	for i, r := range conv.Last[conv.Shown:end] {
		r.Card = card(r, now)
		ans.Results[i] = r
		related = related || r.Match == MatchRelated
	}
	if related && !slices.Contains(ans.Relaxed, RelaxedRelated) {
		ans.Relaxed = append(slices.Clone(ans.Relaxed), RelaxedRelated)
	}
	conv.Shown = end
	ans.More = end < len(conv.Last)
	if ans.More {
		ans.Footer = "Say \"more\" to see more."
	}
	ans.Reply = render(ans)
	return ans
}

func sorry() Answer {
	msg := "Sorry, something went wrong on my side. Please try again in a minute."
	return Answer{Reply: msg, Intro: msg, Understood: Understood{Intent: IntentError}}
}

func locationAnswer() Answer {
	msg := "Thanks, I'll use that location when you ask for things near you. What are you looking for?"
	return Answer{Reply: msg, Intro: msg, Understood: Understood{Intent: IntentLocation}}
}

// Locate finds a place by what a person would type: a place name, a
// postcode or district, a town or street, or a venue's name.
func (b *Bot) Locate(name string) (PlaceRef, bool) {
	lib := b.lib.Load()
	if lib == nil {
		return PlaceRef{}, false
	}
	return lib.read.Locate(name)
}
