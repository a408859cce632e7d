package index_test

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"signpost/assets"
	"signpost/assets/assetstest"
	"signpost/bot"
	"signpost/index"
)

var everyEdit = flag.Bool("every-edit", false, "compare the updated index with a fresh build after every one of the 200 edits, not every 20th")

// TestUpdateMatchesAFreshBuild applies 200 random edits to a 5,000-venue
// list (adding, changing and deleting venues and activities, and
// renaming ids), updating one index after each, and asks both it and an
// index built afresh from the same list the same questions: every answer
// must be the same, hit for hit and score for score. Every 20th edit is
// compared unless -every-edit is given (as .ci/run does), since 200 fresh
// builds take minutes.
func TestUpdateMatchesAFreshBuild(t *testing.T) {
	cat, _, err := assets.Parse(assetstest.Generate(5000, 1, 7), assets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	live, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	r := rand.New(rand.NewPCG(11, 12))
	ed := editor{r: r, cat: cat}
	for i := 1; i <= 200; i++ {
		what := ed.edit()
		if _, err := live.Update(cat); err != nil {
			t.Fatalf("edit %d (%s): %v", i, what, err)
		}
		if !*everyEdit && i%20 != 0 {
			continue
		}
		fresh, err := index.Build(cat)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range ed.questions() {
			got, err := live.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if d := differ(got, want); d != "" {
				t.Fatalf("after edit %d (%s), %+v: %s", i, what, q, d)
			}
		}
		fresh.Close()
	}
}

// differ says how two answers differ, or "" when they do not.
func differ(got, want []bot.Hit) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d hits, want %d:\n got %v\nwant %v", len(got), len(want), hitIDs(got), hitIDs(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Asset != w.Asset || g.Activity != w.Activity || g.Direct != w.Direct || math.Abs(g.Score-w.Score) > 1e-9*math.Abs(w.Score) {
			return fmt.Sprintf("hit %d is %+v, want %+v", i, g, w)
		}
	}
	return ""
}

func hitIDs(hits []bot.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Asset+"/"+h.Activity)
	}
	return out
}

// editor makes random edits to a catalogue, and asks questions about
// what it has changed as well as the list at large.
type editor struct {
	r   *rand.Rand
	cat *bot.Catalogue
	n   int
	// words are the words its edits brought in, some of which are
	// later edited away again.
	words []string
}

// rare are words the generated list never uses, so an edit can bring a
// word into the index and take it out again.
var rare = []string{"ukulele", "taekwondo", "origami", "dominoes", "calligraphy", "beekeeping", "zumba", "mahjong"}

func (e *editor) word() string {
	w := rare[e.r.IntN(len(rare))]
	e.words = append(e.words, w)
	return w
}

// edit makes one random edit and says what it was.
func (e *editor) edit() string {
	e.n++
	as := e.cat.Assets
	i := e.r.IntN(len(as))
	a := &as[i]
	switch e.r.IntN(9) {
	case 0:
		v := bot.Asset{ID: fmt.Sprintf("new-%d", e.n), Name: "The " + e.word() + " rooms", Kind: "other",
			Point:      &bot.Point{Lat: 52.42 + e.r.Float64()*0.18, Lon: -2.16 + e.r.Float64()*0.30},
			Activities: []bot.Activity{{ID: "club", Name: e.word() + " club", Tags: []string{e.word()}, When: []bot.Rule{{Days: []time.Weekday{time.Weekday(e.r.IntN(7))}, Start: 600, End: 660}}}}}
		e.cat.Assets = slices.Insert(as, i, v)
		return "add a venue at " + fmt.Sprint(i)
	case 1:
		e.cat.Assets = slices.Delete(as, i, i+1)
		return "delete " + a.ID
	case 2:
		a.ID = fmt.Sprintf("renamed-%d", e.n)
		return "rename a venue's id"
	case 3:
		a.Name = a.Name + " " + e.word()
		return "rename " + a.ID
	case 4:
		a.Point = &bot.Point{Lat: 52.42 + e.r.Float64()*0.18, Lon: -2.16 + e.r.Float64()*0.30}
		return "move " + a.ID
	case 5:
		a.Activities = append(a.Activities, bot.Activity{ID: fmt.Sprintf("extra-%d", e.n), Name: "Weekly " + e.word(), Description: "All welcome."})
		return "add an activity to " + a.ID
	}
	if len(a.Activities) == 0 {
		a.Description = "Now with " + e.word()
		return "describe " + a.ID
	}
	j := e.r.IntN(len(a.Activities))
	act := &a.Activities[j]
	switch e.r.IntN(4) {
	case 0:
		a.Activities = slices.Delete(a.Activities, j, j+1)
		return "delete an activity of " + a.ID
	case 1:
		act.ID = fmt.Sprintf("renamed-%d", e.n)
		return "rename an activity's id in " + a.ID
	case 2:
		act.When = []bot.Rule{{Days: []time.Weekday{time.Weekday(e.r.IntN(7))}, Start: 600, End: 660}}
		return "move an activity of " + a.ID + " to another day"
	}
	act.Tags = append(slices.Clone(act.Tags), e.word())
	return "tag an activity of " + a.ID
}

// questions are asked after every compared edit: the list's own words,
// the words edits brought in (and perhaps took out again), typos of
// them, needs, places, days, and no words at all.
func (e *editor) questions() []bot.Query {
	oldbury := &bot.Point{Lat: 52.505, Lon: -2.016}
	qs := []bot.Query{
		{Words: []string{"knitting"}},
		{Words: []string{"quiz"}, Near: oldbury, WithinKm: 3},
		{Words: []string{"coffee", "morning"}, Days: []time.Weekday{time.Tuesday}},
		{Words: []string{"kniting"}, Limit: 10},
		{Needs: []bot.NeedWords{{Exact: []string{"choir"}, Related: []string{"singing"}}}, MarkDirect: true},
		{Needs: []bot.NeedWords{{Related: []string{"coffee morning", "lunch club"}}}, Near: oldbury},
		{Words: []string{"walking"}, Generic: []string{"group"}},
		{Words: []string{"library"}, Venues: true},
		{Near: oldbury, WithinKm: 1},
		{Days: []time.Weekday{time.Sunday}, Limit: 20},
	}
	seen := map[string]bool{}
	for _, w := range e.words {
		if seen[w] {
			continue
		}
		seen[w] = true
		typo := w[:2] + w[3:]
		qs = append(qs, bot.Query{Words: []string{w}}, bot.Query{Words: []string{typo}, Near: oldbury},
			bot.Query{Words: []string{w, "club"}, AnyWord: true, Days: []time.Weekday{time.Monday, time.Friday}})
	}
	return qs
}
