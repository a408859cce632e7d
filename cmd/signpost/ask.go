package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"signpost/bot"
	"signpost/bot/safety"
)

func ask(ctx context.Context, args []string, env environment, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs, env)
	at := fs.String("at", "", "answer as if it were this `time` (RFC 3339, like 2026-11-24T10:00:00Z)")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	question := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(question) == "" {
		fmt.Fprintln(stderr, `signpost ask: give a question, like: signpost ask "knitting near Oldbury"`)
		return 2
	}
	now := time.Now()
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			fmt.Fprintf(stderr, "signpost ask: --at %q is not a time like 2026-11-24T10:00:00Z\n", *at)
			return 2
		}
		now = t
	}
	r, err := c.start(now, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "signpost:", err)
		return 1
	}
	defer r.bot.Close()
	ans, err := r.bot.Answer(ctx, bot.Question{Text: question, Near: r.near, At: now, Channel: "console"})
	if err != nil {
		fmt.Fprintln(stderr, "signpost:", err)
	}
	if !*asJSON {
		fmt.Fprintln(stdout, ans.Reply)
		return 0
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jsonAnswer(ans)); err != nil {
		fmt.Fprintln(stderr, "signpost:", err)
		return 1
	}
	return 0
}

// answerJSON is the shape `ask --json` promises scripts and tests.
type answerJSON struct {
	Reply   string           `json:"reply"`
	Results []resultJSON     `json:"results"`
	Relaxed []bot.Relaxation `json:"relaxed"`
	// Safety is set for the safety reply, Concern when a listening
	// service was offered beside the answer (in Support).
	Safety     bool           `json:"safety"`
	Concern    bool           `json:"concern"`
	Support    string         `json:"support,omitempty"`
	Choices    []choiceJSON   `json:"choices"`
	Understood bot.Understood `json:"understood"`
}

type choiceJSON struct {
	Label string `json:"label"`
	Ask   string `json:"ask"`
}

type resultJSON struct {
	Asset      string     `json:"asset"`
	Activity   string     `json:"activity"`
	Name       string     `json:"name"`
	Venue      string     `json:"venue"`
	NextStart  *time.Time `json:"next_start"`
	DistanceKm *float64   `json:"distance_km"`
	Score      float64    `json:"score"`
	Match      bot.Match  `json:"match"`
}

func jsonAnswer(a bot.Answer) answerJSON {
	out := answerJSON{
		Reply: a.Reply, Results: []resultJSON{}, Relaxed: []bot.Relaxation{}, Choices: []choiceJSON{},
		Safety: a.Safety == safety.Urgent, Concern: a.Safety == safety.Concern, Support: a.Support,
		Understood: a.Understood,
	}
	out.Relaxed = append(out.Relaxed, a.Relaxed...)
	for _, c := range a.Choices {
		out.Choices = append(out.Choices, choiceJSON{Label: c.Label, Ask: c.Ask})
	}
	for _, r := range a.Results {
		j := resultJSON{Asset: r.Asset.ID, Name: r.Name(), Venue: r.Asset.Name, NextStart: r.Next, DistanceKm: r.DistanceKm, Score: r.Score, Match: r.Match}
		if r.Activity != nil {
			j.Activity = r.Activity.ID
		}
		out.Results = append(out.Results, j)
	}
	return out
}
