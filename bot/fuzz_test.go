package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/safety"
	"signpost/bot/understand"
	"signpost/index"
)

// sample builds a bot over the bundled sample list and postcode file, as
// the binary does with --postcodes testdata/postcodes.csv.
func sample(t testing.TB) *bot.Bot {
	t.Helper()
	return sampleWith(t, bot.Config{})
}

// sampleWith is sample with cfg; the postcodes are always the sample's.
func sampleWith(t testing.TB, cfg bot.Config) *bot.Bot {
	t.Helper()
	postcodes, err := assets.LoadPostcodes("../testdata/postcodes.csv")
	if err != nil {
		t.Fatal(err)
	}
	cat, problems, err := assets.Load("../assets.yaml", assets.Options{Postcodes: postcodes})
	if err != nil {
		t.Fatalf("%v: %v", err, problems)
	}
	ix, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(cfg, bot.NewInMemory(time.Hour))
	b.Use(cat, ix, understand.New(cat, postcodes))
	t.Cleanup(b.Close)
	return b
}

// FuzzAnswer throws arbitrary messages at the bot: query syntax, binary,
// very long and mixed-script text. Every one must get a non-empty, short,
// valid reply without an error, and never more results than a page.
func FuzzAnswer(f *testing.F) {
	for _, s := range []string{
		"knitting near me", "kniting", "toddler groups in Tipton tomorrow", "is the library open now?",
		`+knit* -natter "quiz" name:(bingo) ~2 ^3 \ ::`, "", "   ", "more", "hi", "B69 4RJ", "b694rj quiz",
		"I want to die", strings.Repeat("knitting ", 400), "\x00\x01\x02\xff", "编织 knitting вязание حياكة",
		"near near near in at by", "free free cheap wheelchair over 50s", "tonight tomorrow weekend friday",
	} {
		f.Add(s)
	}
	b := sample(f)
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ans, err := b.Answer(ctx, bot.Question{Text: text, From: "fuzz", At: at})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if strings.TrimSpace(ans.Reply) == "" || !utf8.ValidString(ans.Reply) {
			t.Fatalf("%q: empty or invalid reply %q", text, ans.Reply)
		}
		if len(ans.Reply) > 4000 {
			t.Fatalf("%q: reply of %d bytes", text, len(ans.Reply))
		}
		if len(ans.Results) > 3 {
			t.Fatalf("%q: %d results on one page", text, len(ans.Results))
		}
		if ans.Safety == safety.Urgent && len(ans.Results) > 0 {
			t.Fatalf("%q: a safety reply with search results", text)
		}
	})
}
