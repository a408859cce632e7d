package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"signpost/bot"
	"signpost/bot/safety"
)

// tuesday is "now" for every question: Tuesday 24 November 2026, 10:00 in
// Oldbury, as `signpost ask --at 2026-11-24T10:00:00Z` would fix it.
var tuesday = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// oldburyLibrary is where "near me" is when a case shares a location.
var oldburyLibrary = &bot.Point{Lat: 52.5041, Lon: -2.0165}

func results(ans bot.Answer) []string {
	var ids []string
	for _, r := range ans.Results {
		id := r.Asset.ID + "/"
		if r.Activity != nil {
			id += r.Activity.ID
		}
		ids = append(ids, id)
	}
	return ids
}

// TestPhrasings asks the sample list what residents and staff really ask.
// Each case names the result that must come first, or that must be among
// those shown, and anything that must not appear.
func TestPhrasings(t *testing.T) {
	b := sample(t)
	related := []bot.Relaxation{bot.RelaxedRelated}
	tests := []struct {
		text    string
		near    *bot.Point
		first   string   // the first result, asset/activity
		shown   []string // also on the first page
		notShow []string
		relaxed []bot.Relaxation
		place   string // the place understood, if any
		unknown string // a place named but not found
		filter  string
		when    string
		reply   string // a phrase the reply must hold
	}{
		{text: "what's on near me for knitting?", near: oldburyLibrary, relaxed: related, first: "oldbury-library/knit-and-natter", place: "you", reply: "On now, until 12:00 · Free · less than 0.1 miles"},
		{text: "what's on near me for knitting?", relaxed: related, first: "oldbury-library/knit-and-natter", reply: "I don't know where you are yet"},
		{text: "kniting", relaxed: related, first: "oldbury-library/knit-and-natter"},
		{text: "knitting in Oldbury", relaxed: related, first: "oldbury-library/knit-and-natter", place: "Oldbury", shown: []string{"bean-there/crochet-club"}},
		{text: "toddlr group", shown: []string{"busy-bees/toddler-group"}},
		{text: "toddler groups in Tipton tomorrow", relaxed: related, first: "busy-bees/toddler-group", place: "Tipton", when: "tomorrow", filter: "ages 1-4", reply: "Tomorrow (Wed 25 Nov), 09:30–11:30 · £1.50 · 0.1 miles"},
		{text: "something for my toddler this weekend", first: "great-bridge-playgroup/dads-and-tots", when: "this weekend"},
		{text: "I'm lonely", relaxed: related, shown: []string{"tea-and-toast/chatty-table", "bean-there/coffee-morning"}, reply: "Here are some things for meeting people:"},
		{text: "I feel so isolated since I retired", relaxed: related, shown: []string{"the-pie-factory/pensioners-lunch", "bean-there/coffee-morning"}},
		{text: "cheap lunch", first: "oldbury-gurdwara/langar", filter: "cheap", notShow: []string{"the-pie-factory/pensioners-lunch", "the-talbot/sunday-lunch"}},
		{text: "free food near Tipton", first: "tipton-methodist/sunday-meal", filter: "free", place: "Tipton"},
		{text: "quiz tonight", relaxed: related, first: "the-waggon/quiz-night", when: "tonight", reply: "Today (Tue 24 Nov), 20:30–22:30"},
		{text: "live music this weekend", first: "the-fountain/live-music", when: "this weekend", reply: "Sat 28 Nov, 21:00–00:30"},
		{text: "what's on this evening", shown: []string{"oldbury-community-centre/youth-club", "the-waggon/quiz-night"}, when: "tonight"},
		{text: "is Tipton Library open on saturday?", first: "tipton-library/", when: "Saturday", reply: "Open Sat 28 Nov, 09:30–13:00"},
		{text: "is oldbury library open on sunday", first: "oldbury-library/", reply: "Not open at the time you asked; next open Mon 30 Nov, 09:00–17:00"},
		{text: "is the library open on saturday", shown: []string{"tipton-library/", "tividale-library/", "great-bridge-library/"}, reply: "Open Sat 28 Nov, 09:30–13:00"},
		{text: "is the library open now?", reply: "Open now, until", notShow: []string{"great-bridge-library/"}},
		{text: "over 50s exercise", first: "oldbury-community-centre/chair-exercise", filter: "ages 50+"},
		{text: "chair yoga", relaxed: related, first: "oldbury-leisure-centre/chair-yoga"},
		{text: "something for teenagers on friday", first: "oldbury-community-centre/youth-club", when: "Friday"},
		{text: "help with my phone", relaxed: related, first: "oldbury-library/digital-help"},
		{text: "job club near DY4", first: "great-bridge-library/job-club", place: "DY4"},
		{text: "english classes", relaxed: related, shown: []string{"tividale-hub/esol", "tipton-library/english-conversation"}},
		{text: "dementia", relaxed: related, first: "st-pauls-tipton/dementia-cafe", shown: []string{"the-coffee-pot/memory-cafe"}},
		{text: "lost my husband", relaxed: related, first: "christ-church-oldbury/bereavement-cafe"},
		{text: "money worries", relaxed: related, first: "oldbury-community-centre/money-advice"},
		{text: "wheelchair accessible coffee morning", first: "bean-there/coffee-morning", filter: "wheelchair", notShow: []string{"the-coffee-pot/memory-cafe"}},
		{text: "near B69 4RJ lunch club", relaxed: related, first: "rounds-green-centre/lunch-club", place: "B69 4RJ", reply: "less than 0.1 miles"},
		{text: "knitting near b694rj", relaxed: related, first: "oldbury-library/knit-and-natter", place: "B69 4RJ"},
		{text: "quiz near Atlantis", first: "the-waggon/quiz-night", unknown: "Atlantis", reply: `I don't know where "Atlantis" is`},
		{text: "knit and natter on saturday", first: "oldbury-library/knit-and-natter", relaxed: []bot.Relaxation{"time"}, reply: "Here's when it's next on"},
		{text: "walking group on saturday", relaxed: related, first: "victoria-park-tipton/parkrun-walk", shown: []string{"tea-and-toast/walk-from-tea-and-toast"}},
		{text: "darts", first: "the-crown/darts-league"},
		{text: "carols", shown: []string{"the-vine/carol-singing", "christ-church-oldbury/carols"}},
		{text: "men's shed", relaxed: related, first: "tividale-hub/mens-shed"},
		{text: "Tea & Toast", first: "tea-and-toast/chatty-table", place: "Tea & Toast"},
		{text: `+knit* -natter "quiz" (bingo) ~2 ^3 \`, relaxed: []bot.Relaxation{bot.RelaxedWords}, shown: []string{"oldbury-library/knit-and-natter"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ans, err := b.Answer(context.Background(), bot.Question{Text: tt.text, Near: tt.near, At: tuesday, From: t.Name()})
			if err != nil {
				t.Fatal(err)
			}
			got := results(ans)
			if ans.Safety == safety.Urgent || len(got) == 0 {
				t.Fatalf("no results; reply:\n%s", ans.Reply)
			}
			if tt.first != "" && got[0] != tt.first {
				t.Errorf("first = %s, want %s; all %v\n%s", got[0], tt.first, got, ans.Reply)
			}
			for _, id := range tt.shown {
				if !slices.Contains(got, id) {
					t.Errorf("%s not shown; got %v", id, got)
				}
			}
			for _, id := range tt.notShow {
				if slices.Contains(got, id) {
					t.Errorf("%s shown; got %v", id, got)
				}
			}
			if !slices.Equal(ans.Relaxed, tt.relaxed) {
				t.Errorf("relaxed = %v, want %v", ans.Relaxed, tt.relaxed)
			}
			u := ans.Understood
			if tt.place != "" && (u.Place == nil || u.Place.Name != tt.place) {
				t.Errorf("place = %+v, want %s", u.Place, tt.place)
			}
			if u.UnknownPlace != tt.unknown {
				t.Errorf("unknown place = %q, want %q", u.UnknownPlace, tt.unknown)
			}
			if tt.filter != "" && !slices.Contains(u.Filters, tt.filter) {
				t.Errorf("filters = %v, want %s", u.Filters, tt.filter)
			}
			if tt.when != "" && (u.When == nil || u.When.Label != tt.when) {
				t.Errorf("when = %+v, want %s", u.When, tt.when)
			}
			if !strings.Contains(ans.Reply, tt.reply) {
				t.Errorf("reply lacks %q:\n%s", tt.reply, ans.Reply)
			}
		})
	}
}

// TestHonestMisses: when nothing fits, the bot says so plainly, shows
// nothing loosely related, and offers what the area has near the person,
// with how many of each, to pick by number.
func TestHonestMisses(t *testing.T) {
	b := sample(t)
	for _, tt := range []struct{ text, reply string }{
		{"bowling", "Sorry, I couldn't find anything for bowling, even further away or at other times."},
		{"chess club in Oldbury", "Sorry, I couldn't find anything for chess near Oldbury"},
		{"swimming for kids on sunday", "Sorry, I couldn't find anything for swimming"},
		{"xqzzyplk", "Sorry, I couldn't find anything for xqzzyplk"},
		{"lessons", "I'm not sure what kind of lessons you're after."},
		{"support group", "I'm not sure what kind of support group you're after."},
	} {
		t.Run(tt.text, func(t *testing.T) {
			ans, err := b.Answer(context.Background(), bot.Question{Text: tt.text, At: tuesday, From: t.Name()})
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Results) != 0 || len(ans.Relaxed) != 0 || !ans.Missed() {
				t.Errorf("results %v, relaxed %v", results(ans), ans.Relaxed)
			}
			if !strings.Contains(ans.Reply, tt.reply) {
				t.Errorf("reply lacks %q:\n%s", tt.reply, ans.Reply)
			}
			if len(ans.Choices) < 2 || len(ans.Choices) > 4 || !strings.Contains(ans.Reply, "1. "+ans.Choices[0].Label) {
				t.Fatalf("choices %+v in\n%s", ans.Choices, ans.Reply)
			}
			for _, c := range ans.Choices {
				if !strings.HasSuffix(c.Label, ")") {
					t.Errorf("choice %q has no count", c.Label)
				}
			}
			// Picking a choice by its number answers it, with results.
			picked, err := b.Answer(context.Background(), bot.Question{Text: "1", At: tuesday, From: t.Name()})
			if err != nil || len(picked.Results) == 0 {
				t.Errorf("picking 1 (%q): %v, %d results\n%s", ans.Choices[0].Ask, err, len(picked.Results), picked.Reply)
			}
		})
	}
}

// Filters are kept, not just read: nothing shown breaks them.
func TestFiltersHold(t *testing.T) {
	b := sample(t)
	for _, text := range []string{"free things this week", "cheap lunch", "wheelchair accessible things tomorrow", "something for teenagers"} {
		ans, err := b.Answer(context.Background(), bot.Question{Text: text, At: tuesday, From: "filters"})
		if err != nil || len(ans.Results) == 0 {
			t.Fatalf("%q: err %v, %d results", text, err, len(ans.Results))
		}
		for _, r := range ans.Results {
			switch {
			case strings.HasPrefix(text, "free") && r.Card.Cost != "Free":
				t.Errorf("%q: %s costs %q", text, r.Card.Title, r.Card.Cost)
			case strings.HasPrefix(text, "wheelchair") && !slices.ContainsFunc(r.Asset.Access, func(a string) bool { return a == "wheelchair" || a == "step-free" }):
				t.Errorf("%q: %s has access %v", text, r.Card.Title, r.Asset.Access)
			case strings.HasSuffix(text, "teenagers") && r.Activity != nil && (r.Activity.Ages.Max >= 0 && r.Activity.Ages.Max < 13 || r.Activity.Ages.Min > 17):
				t.Errorf("%q: %s is for ages %v", text, r.Card.Title, r.Activity.Ages)
			}
		}
	}
}

func TestCrisisComesFirst(t *testing.T) {
	b := sample(t)
	for _, text := range []string{"I want to die", "knitting near me, I want to kill myself", "my partner hits me", "SELF HARM", "i am thinking about suicide", "I want to end it all"} {
		ans, err := b.Answer(context.Background(), bot.Question{Text: text, At: tuesday, From: "crisis"})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Safety != safety.Urgent || len(ans.Results) != 0 || !strings.Contains(ans.Reply, "call 999") || !strings.Contains(ans.Reply, "116 123") || !strings.Contains(ans.Reply, "keep talking to me") {
			t.Errorf("%q: safety %v, %d results, reply:\n%s", text, ans.Safety, len(ans.Results), ans.Reply)
		}
	}
}

// TestConcern: distress without danger gets the normal answer, with one
// gentle line naming a listening service first.
func TestConcern(t *testing.T) {
	b := sample(t)
	ans, err := b.Answer(context.Background(), bot.Question{Text: "im not coping since i lost my husband", At: tuesday, From: "concern"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Safety != safety.Concern || len(ans.Results) == 0 || !strings.HasPrefix(ans.Reply, ans.Support) || !strings.Contains(ans.Support, "116 123") {
		t.Errorf("safety %v, %d results, support %q, reply:\n%s", ans.Safety, len(ans.Results), ans.Support, ans.Reply)
	}
}

func TestConversation(t *testing.T) {
	b := sample(t)
	ask := func(text string, near *bot.Point) bot.Answer {
		t.Helper()
		ans, err := b.Answer(context.Background(), bot.Question{Text: text, Near: near, At: tuesday, From: "resident-1"})
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	if ans := ask("hi", nil); ans.Understood.Intent != "greeting" || !strings.Contains(ans.Reply, "knitting near me") {
		t.Errorf("hi: %q", ans.Reply)
	}
	if ans := ask("help", nil); ans.Understood.Intent != bot.IntentHelp || !strings.Contains(ans.Reply, "116 123") || !strings.Contains(ans.Reply, "999") {
		t.Errorf("help must always list the crisis numbers: %q", ans.Reply)
	}
	if ans := ask("more", nil); !strings.Contains(ans.Reply, "Ask me a question first") {
		t.Errorf("more before any question: %q", ans.Reply)
	}
	first := ask("things for toddlers", oldburyLibrary)
	if !first.More || len(first.Results) != 3 {
		t.Fatalf("a long answer should offer more: %v %d", first.More, len(first.Results))
	}
	second := ask("more", nil)
	if len(second.Results) == 0 || slices.Contains(results(first), results(second)[0]) {
		t.Errorf("more repeated or gave nothing: %v then %v", results(first), results(second))
	}
	if second.Results[0].DistanceKm == nil {
		t.Error("the shared location should still count for more")
	}
	later := ask("quiz", nil)
	if later.Understood.Place == nil || later.Understood.Place.Source != "shared" {
		t.Errorf("a shared location should be used without saying near me: %+v", later.Understood.Place)
	}
	if ans := ask("thanks", nil); ans.Understood.Intent != "thanks" {
		t.Errorf("thanks: %q", ans.Reply)
	}
	for _, text := range []string{"", "   ", "\x00\x01\x02", "the and of to", "???"} {
		if ans := ask(text, nil); strings.TrimSpace(ans.Reply) == "" || len(ans.Results) != 0 {
			t.Errorf("%q: reply %q with %d results", text, ans.Reply, len(ans.Results))
		}
	}
}

// Someone else's conversation is not affected by this one's location.
func TestConversationsAreSeparate(t *testing.T) {
	b := sample(t)
	if _, err := b.Answer(context.Background(), bot.Question{Text: "hi", Near: oldburyLibrary, At: tuesday, From: "a"}); err != nil {
		t.Fatal(err)
	}
	ans, err := b.Answer(context.Background(), bot.Question{Text: "quiz", At: tuesday, From: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Understood.Place != nil {
		t.Errorf("b was given a's location: %+v", ans.Understood.Place)
	}
}

func TestCancelledSearchSaysSorry(t *testing.T) {
	b := sample(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ans, err := b.Answer(ctx, bot.Question{Text: "knitting", At: tuesday, From: "c"})
	if err == nil || !strings.Contains(ans.Reply, "Sorry") {
		t.Errorf("err %v, reply %q", err, ans.Reply)
	}
}
