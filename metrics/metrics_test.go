package metrics

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"signpost/bot"
	"signpost/bot/safety"
)

func TestAnswered(t *testing.T) {
	m := New()
	found := bot.Answer{Results: []bot.Result{{}}, Understood: bot.Understood{Intent: bot.IntentSearch}}
	related := bot.Answer{Results: []bot.Result{{}}, Relaxed: []bot.Relaxation{bot.RelaxedRelated}, Understood: bot.Understood{Intent: bot.IntentSearch}}
	relaxed := bot.Answer{Results: []bot.Result{{}}, Relaxed: []bot.Relaxation{bot.RelaxedTime}, Understood: bot.Understood{Intent: bot.IntentSearch}}
	nothing := bot.Answer{Understood: bot.Understood{Intent: bot.IntentOpen}}
	hello := bot.Answer{Understood: bot.Understood{Intent: bot.IntentGreeting}}
	crisis := bot.Answer{Safety: safety.Urgent, Understood: bot.Understood{Intent: bot.IntentSafety}}
	for _, a := range []bot.Answer{found, related, relaxed, nothing, hello, crisis} {
		m.Answered(bot.Question{Channel: "telegram"}, a, time.Millisecond)
	}
	m.Answered(bot.Question{}, found, time.Millisecond)

	checks := []struct {
		name string
		got  float64
		want float64
	}{
		{"telegram questions", testutil.ToFloat64(m.questions.WithLabelValues("telegram")), 6},
		{"questions with no front end", testutil.ToFloat64(m.questions.WithLabelValues("unknown")), 1},
		{"no match: relaxed and empty, not related, not greetings", testutil.ToFloat64(m.noMatch.WithLabelValues("telegram")), 2},
		{"safety", testutil.ToFloat64(m.safety.WithLabelValues("telegram")), 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

type closer struct{ closed int }

func (c *closer) Search(context.Context, bot.Query) ([]bot.Hit, error) {
	return nil, errors.New("index gone")
}
func (c *closer) Close() error { c.closed++; return nil }

// TestSearcherTimesAndStillCloses: the timed searcher counts every search,
// failed ones too, and passes Close through so the bot can retire it.
func TestSearcherTimesAndStillCloses(t *testing.T) {
	m := New()
	inner := &closer{}
	s := m.Searcher(inner)
	s.Search(context.Background(), bot.Query{})
	s.Search(context.Background(), bot.Query{})
	if n := testutil.CollectAndCount(m.searches); n != 1 {
		t.Fatalf("histogram series = %d", n)
	}
	if err := s.(interface{ Close() error }).Close(); err != nil || inner.closed != 1 {
		t.Fatalf("close: %v, closed %d times", err, inner.closed)
	}
}

func TestReloaded(t *testing.T) {
	m := New()
	saved := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	m.Reloaded(true, 50, 83, saved)
	m.Reloaded(false, 0, 0, time.Time{})
	m.Reloaded(false, 0, 0, time.Time{})
	if ok, failed := testutil.ToFloat64(m.reloads.WithLabelValues("ok")), testutil.ToFloat64(m.reloads.WithLabelValues("failed")); ok != 1 || failed != 2 {
		t.Errorf("reloads ok %v failed %v", ok, failed)
	}
	if a, acts, at := testutil.ToFloat64(m.assets), testutil.ToFloat64(m.activities), testutil.ToFloat64(m.loadedAt); a != 50 || acts != 83 || at != float64(saved.Unix()) {
		t.Errorf("a failed reload changed the gauges: assets %v activities %v loaded %v", a, acts, at)
	}
}
