package main

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"signpost/bot"
	"signpost/metrics"
)

// observed is the bot with every answer counted for /metrics.
type observed struct {
	*bot.Bot
	metrics *metrics.Metrics
}

// Answer answers q and counts it.
func (o observed) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	start := time.Now()
	a, err := o.Bot.Answer(ctx, q)
	o.metrics.Answered(q, a, time.Since(start))
	return a, err
}

// healthz answers 200 with what is being served, or 503 before the first
// good load of the asset file.
func healthz(lv *live, b *bot.Bot) http.Handler {
	type health struct {
		Status     string     `json:"status"`
		Assets     int        `json:"assets"`
		Activities int        `json:"activities"`
		Saved      *time.Time `json:"saved,omitempty"`
		// Sources are the feeds the asset file names, when it names any.
		Sources []sourceStatus `json:"sources,omitempty"`
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := health{Status: "ok"}
		code := http.StatusOK
		var ready bool
		h.Assets, h.Activities, ready = b.Ready()
		if lv.sources != nil {
			h.Sources = lv.sources.status()
		}
		if saved, ok := lv.servedSince(); ok && ready {
			h.Saved = &saved
		} else {
			h.Status = "no asset list loaded yet: the log says what to fix in " + lv.path
			code = http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(h)
	})
}
