package bot_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"signpost/bot"
	"signpost/bot/understand"
)

// closingSearcher finds its one venue, optionally waiting for a signal
// first, and counts how often it is closed.
type closingSearcher struct {
	asset  string
	hold   chan struct{} // if set, Search waits on it
	begun  chan struct{} // if set, closed when Search starts
	closed atomic.Int32
}

func (s *closingSearcher) Search(ctx context.Context, _ bot.Query) ([]bot.Hit, error) {
	if s.closed.Load() > 0 {
		panic("search on a closed index")
	}
	if s.begun != nil {
		close(s.begun)
	}
	if s.hold != nil {
		select {
		case <-s.hold:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return []bot.Hit{{Asset: s.asset, Score: 1}}, nil
}

func (s *closingSearcher) Close() error {
	s.closed.Add(1)
	return nil
}

// use makes cat, searched by s, the list b answers from.
func use(b *bot.Bot, cat *bot.Catalogue, s bot.Searcher) { b.Use(cat, s, understand.New(cat, nil)) }

func tinyCatalogue(id, name string) *bot.Catalogue {
	return &bot.Catalogue{
		Area:   bot.Area{Name: "Test", Location: time.UTC},
		Assets: []bot.Asset{{ID: id, Name: name, Kind: "library", Point: &bot.Point{Lat: 52.5, Lon: -2}}},
	}
}

// TestUseClosesTheOldIndexAfterQuestionsInFlight swaps a list in while a
// question is being answered from the old one: that question still gets
// its answer, and only then is the old index closed, once.
func TestUseClosesTheOldIndexAfterQuestionsInFlight(t *testing.T) {
	b := bot.New(bot.Config{}, nil)
	old := &closingSearcher{asset: "old", hold: make(chan struct{}), begun: make(chan struct{})}
	use(b, tinyCatalogue("old", "Old Library"), old)

	type reply struct {
		ans bot.Answer
		err error
	}
	done := make(chan reply, 1)
	go func() {
		ans, err := b.Answer(context.Background(), bot.Question{Text: "library", At: tuesday})
		done <- reply{ans, err}
	}()
	select {
	case <-old.begun:
	case <-time.After(5 * time.Second):
		t.Fatal("the question never reached the index")
	}

	fresh := &closingSearcher{asset: "new"}
	use(b, tinyCatalogue("new", "New Library"), fresh)
	if n := old.closed.Load(); n != 0 {
		t.Fatalf("old index closed %d times while a question was still using it", n)
	}
	ans, err := b.Answer(context.Background(), bot.Question{Text: "library", At: tuesday})
	if err != nil || len(ans.Results) != 1 || ans.Results[0].Asset.ID != "new" {
		t.Fatalf("a question after the swap: %v %+v", err, ans.Results)
	}

	close(old.hold)
	var r reply
	select {
	case r = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the question in flight never finished")
	}
	if r.err != nil || len(r.ans.Results) != 1 || r.ans.Results[0].Asset.ID != "old" {
		t.Fatalf("the question in flight: %v %+v", r.err, r.ans.Results)
	}
	if n := old.closed.Load(); n != 1 {
		t.Fatalf("old index closed %d times, want once", n)
	}

	b.Close()
	b.Close()
	if n := fresh.closed.Load(); n != 1 {
		t.Fatalf("Close closed the index %d times, want once", n)
	}
	if _, err := b.Answer(context.Background(), bot.Question{Text: "library", At: tuesday}); err != bot.ErrNotReady {
		t.Fatalf("after Close: err %v, want ErrNotReady", err)
	}
}

// TestSwapsUnderLoad swaps lists over and over while questions run: no
// question fails, none searches a closed index (closingSearcher panics if
// one does), and every index but the last is closed exactly once.
func TestSwapsUnderLoad(t *testing.T) {
	b := bot.New(bot.Config{}, nil)
	first := &closingSearcher{asset: "a0"}
	use(b, tinyCatalogue("a0", "Library"), first)
	all := []*closingSearcher{first}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var asked atomic.Int64
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				ans, err := b.Answer(context.Background(), bot.Question{Text: "library", At: tuesday})
				if err != nil || len(ans.Results) != 1 {
					t.Errorf("answer during swaps: %v, %d results", err, len(ans.Results))
					return
				}
				asked.Add(1)
			}
		})
	}
	for i := 1; i <= 200; i++ {
		s := &closingSearcher{asset: "a"}
		use(b, tinyCatalogue("a", "Library"), s)
		all = append(all, s)
	}
	close(stop)
	wg.Wait()
	if asked.Load() == 0 {
		t.Fatal("no question was answered")
	}
	for i, s := range all[:len(all)-1] {
		if n := s.closed.Load(); n != 1 {
			t.Errorf("index %d closed %d times, want once", i, n)
		}
	}
	if n := all[len(all)-1].closed.Load(); n != 0 {
		t.Errorf("the index in use was closed %d times", n)
	}
}
