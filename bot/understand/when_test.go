package understand_test

import (
	"testing"
	"time"
)

func TestReadTime(t *testing.T) {
	r := sampleReader(t)
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	// Tuesday 24 November 2026, 10:00 in London.
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, london)
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, london) }
	tests := []struct {
		text     string
		label    string
		from, to time.Time
		spans    int
	}{
		{"today", "today", now, at(25, 0), 1},
		{"tonight", "tonight", at(24, 17), at(25, 0), 1},
		{"tomorrow", "tomorrow", at(25, 0), at(26, 0), 1},
		{"tomorrow morning", "tomorrow morning", at(25, 6), at(25, 12), 1},
		{"this weekend", "this weekend", at(28, 0), at(30, 0), 2},
		{"at the weekend", "this weekend", at(28, 0), at(30, 0), 2},
		{"friday", "Friday", at(27, 0), at(28, 0), 1},
		{"on tuesday", "Tuesday", now, at(25, 0), 1},
		{"next tuesday", "Tuesday", time.Date(2026, 12, 1, 0, 0, 0, 0, london), time.Date(2026, 12, 2, 0, 0, 0, 0, london), 1},
		{"thursday evening", "Thursday evening", at(26, 17), at(27, 0), 1},
		{"this afternoon", "this afternoon", at(24, 12), at(24, 17), 1},
		{"in the evening", "tonight", at(24, 17), at(25, 0), 1},
		{"next week", "next week", time.Date(2026, 11, 30, 0, 0, 0, 0, london), time.Date(2026, 12, 7, 0, 0, 0, 0, london), 7},
		{"this week", "this week", now, time.Date(2026, 11, 30, 0, 0, 0, 0, london), 6},
		{"what's on now", "now", now, now.Add(time.Hour), 1},
		{"quiz tmrw", "tomorrow", at(25, 0), at(26, 0), 1},
		{"anything on 2nite", "tonight", at(24, 17), at(25, 0), 1},
		{"every wednesday", "Wednesday", at(25, 0), at(26, 0), 1},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := r.Read(tt.text, now).When
			if got == nil {
				t.Fatal("no time read")
			}
			from, to := got.Spans[0].From, got.Spans[len(got.Spans)-1].To
			if got.Label != tt.label || !from.Equal(tt.from) || !to.Equal(tt.to) || len(got.Spans) != tt.spans {
				t.Errorf("got %q %v..%v in %d spans, want %q %v..%v in %d", got.Label, from, to, len(got.Spans), tt.label, tt.from, tt.to, tt.spans)
			}
		})
	}
	for _, text := range []string{"knitting", "hello there", "what's on", "coffee morning", "quiz night", "i am lonely"} {
		if got := r.Read(text, now).When; got != nil {
			t.Errorf("%q: read a time %q where there is none", text, got.Label)
		}
	}
}

func TestReadTimeMorningAlreadyPast(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 11, 24, 15, 0, 0, 0, london)
	got := sampleReader(t).Read("in the morning", now).When
	if got == nil || got.Label != "tomorrow morning" || !got.Spans[0].From.Equal(time.Date(2026, 11, 25, 6, 0, 0, 0, london)) {
		t.Fatalf("got %+v, want tomorrow morning", got)
	}
}
