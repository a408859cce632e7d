package bot_test

import (
	"context"
	"fmt"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// A front end turns a message into a Question and shows the Answer; the
// bot does the rest. Here a tiny asset list is loaded, indexed and asked
// a question with a typo, as a resident would type it.
func Example() {
	list := `
area:
  name: Oldbury
  timezone: Europe/London
assets:
  - id: oldbury-library
    name: Oldbury Library
    kind: library
    address: Freeth Street, Oldbury
    postcode: B69 3DE
    lat: 52.5041
    lon: -2.0165
    activities:
      - id: knit-and-natter
        name: Knit and Natter
        tags: [knitting, crochet]
        cost: free
        when:
          - days: [tue]
            time: "10:00-12:00"
`
	cat, _, err := assets.Parse([]byte(list), assets.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ix, err := index.Build(cat)
	if err != nil {
		fmt.Println(err)
		return
	}
	b := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	defer b.Close()

	monday := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	ans, err := b.Answer(context.Background(), bot.Question{Text: "kniting near Oldbury", From: "example", At: monday})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ans.Reply)
	// Output:
	// Here's what I found for knitting near Oldbury:
	//
	// • Knit and Natter, Oldbury Library
	//   Tomorrow (Tue 24 Nov), 10:00–12:00 · Free · less than 0.1 miles
	//   Freeth Street, Oldbury, B69 3DE
}
