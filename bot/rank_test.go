package bot_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// botOver is a bot over a small asset list written in the test.
func botOver(t *testing.T, list string) *bot.Bot {
	t.Helper()
	cat, problems, err := assets.Parse([]byte(list), assets.Options{})
	if err != nil {
		t.Fatalf("%v: %v", err, problems)
	}
	ix, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	t.Cleanup(b.Close)
	return b
}

const rankingList = `
area: {name: Test, timezone: Europe/London}
assets:
  - id: near-hall
    name: Near Hall
    kind: community-centre
    postcode: B69 3DE
    lat: 52.5041
    lon: -2.0165
    description: "Toilets, baby changing, free parking, a hearing loop and a lift."
    activities:
      - id: christmas-lunch
        name: Christmas Lunch
        tags: [lunch, community meal]
        cost: free
        when: [{date: 2026-12-25, time: "12:00-15:00"}]
      - id: coffee
        name: Coffee Morning
        description: "A long chat over coffee. Toys for the baby and a changing table by the toilets, biscuits, newspapers and a quiet corner."
        tags: [coffee morning]
        cost: free
        when: [{days: [thu], time: "10:00-12:00"}]
  - id: far-hall
    name: Far Hall
    kind: community-centre
    postcode: B69 4RJ
    lat: 52.5200
    lon: -2.0165
    activities:
      - id: lunch
        name: Community Lunch
        tags: [lunch, community meal]
        cost: free
        when: [{days: [tue], time: "12:00-14:00"}]
      - id: baby-group
        name: Baby Group
        tags: [baby, parent and baby]
        ages: 0-2
        when: [{days: [fri], time: "10:00-11:00"}]
  - id: tea-and-toast
    name: Tea and Toast
    kind: cafe
    address: "Owen Street, Tipton DY4 8EX"
    postcode: DY4 8EX
    lat: 52.5293
    lon: -2.0668
    open: [{days: [mon, tue, wed, thu, fri], time: "09:00-15:00"}]
    activities:
      - id: tea-and-toast
        name: Tea and Toast
        tags: [breakfast, social]
        cost: "£2"
        when: [{days: [tue, thu], time: "09:00-11:00"}]
`

func ask(t *testing.T, b *bot.Bot, text string, near *bot.Point) bot.Answer {
	t.Helper()
	ans, err := b.Answer(context.Background(), bot.Question{Text: text, Near: near, At: tuesday, From: t.Name()})
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

// TestSoonerCounts: among matches of the same strength, the one on today
// comes before the same thing a month away and a little closer.
func TestSoonerCounts(t *testing.T) {
	b := botOver(t, rankingList)
	near := &bot.Point{Lat: 52.5041, Lon: -2.0165}
	got := results(ask(t, b, "free lunch", near))
	if len(got) < 2 || got[0] != "far-hall/lunch" || got[1] != "near-hall/christmas-lunch" {
		t.Errorf("free lunch near the hall: %v, want today's community lunch first", got)
	}
}

// TestNamesAndTagsCountMore: a word in a name or tags counts more than the
// same word in a long description, and a facility list never makes a
// venue a baby group.
func TestNamesAndTagsCountMore(t *testing.T) {
	b := botOver(t, rankingList)
	got := results(ask(t, b, "baby", nil))
	if len(got) == 0 || got[0] != "far-hall/baby-group" {
		t.Errorf("baby: %v, want the baby group first", got)
	}
	if slices.Contains(got, "near-hall/") {
		t.Errorf("baby: a venue whose facilities mention baby changing is shown: %v", got)
	}
	for _, text := range []string{"baby group", "things for my baby"} {
		if got := results(ask(t, b, text, nil)); len(got) == 0 || got[0] != "far-hall/baby-group" || slices.Contains(got, "near-hall/") {
			t.Errorf("%s: %v, want the baby group first and never the hall", text, got)
		}
	}
}

// TestTwinsShownOnce: an activity named as its venue is one result, named
// once.
func TestTwinsShownOnce(t *testing.T) {
	b := botOver(t, rankingList)
	ans := ask(t, b, "breakfast", nil)
	if got := results(ans); len(got) != 1 || got[0] != "tea-and-toast/tea-and-toast" {
		t.Fatalf("breakfast: %v", got)
	}
	if c := ans.Results[0].Card; c.Title != "Tea and Toast" || c.Where != "Owen Street, Tipton DY4 8EX" {
		t.Errorf("card %+v: the name or the postcode is repeated", c)
	}
	if got := results(ask(t, b, "tea and toast", nil)); slices.Contains(got, "tea-and-toast/") && slices.Contains(got, "tea-and-toast/tea-and-toast") {
		t.Errorf("tea and toast: the venue and its twin activity both shown: %v", got)
	}
}

// TestTrapsInTheSample: the words of a situation never find a listing
// through a street name, a stem or a generic word.
func TestTrapsInTheSample(t *testing.T) {
	b := sample(t)
	for _, tt := range []struct {
		text    string
		notShow func(bot.Result) bool
		why     string
	}{
		{"help with my gas bill", func(r bot.Result) bool { return r.Asset.ID == "the-lamplighter" }, "a venue on Gas Street"},
		{"my dad has memory problems", func(r bot.Result) bool { return slices.Contains([]string{"Memorial", "memorial"}, r.Asset.Name) }, "a Memorial Hall"},
		{"just moved to the area and dont know a soul", func(r bot.Result) bool { return r.Activity != nil && r.Activity.ID == "live-music" }, "a soul music night"},
		{"activities for my 8 year old after school", func(r bot.Result) bool { return r.Asset.Kind == "pub" }, "a pub"},
		{"things for my baby", func(r bot.Result) bool { return r.Activity == nil }, "a venue, not a baby group"},
	} {
		ans := ask(t, b, tt.text, nil)
		if len(ans.Results) == 0 {
			t.Errorf("%q: nothing found:\n%s", tt.text, ans.Reply)
		}
		for _, r := range ans.Results {
			if tt.notShow(r) {
				t.Errorf("%q shows %s: %s", tt.text, tt.why, r.Card.Title)
			}
		}
	}
}
