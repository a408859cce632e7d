// Package metrics counts what the operator watches on /metrics: questions
// by front end, answers that found nothing, safety replies, how long
// searches take, reloads of the asset file and what it holds. It counts
// events only, never what anyone wrote.
package metrics

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"signpost/bot"
	"signpost/bot/safety"
)

// Metrics are Signpost's Prometheus metrics, in a registry of their own.
type Metrics struct {
	reg        *prometheus.Registry
	questions  *prometheus.CounterVec
	noMatch    *prometheus.CounterVec
	safety     *prometheus.CounterVec
	answers    prometheus.Histogram
	searches   prometheus.Histogram
	reloads    *prometheus.CounterVec
	assets     prometheus.Gauge
	activities prometheus.Gauge
	loadedAt   prometheus.Gauge
	// sourceReads, sourceOK and sourceActivities follow each feed the
	// asset file names, labelled by its address without its query.
	sourceReads      *prometheus.CounterVec
	sourceOK         *prometheus.GaugeVec
	sourceActivities *prometheus.GaugeVec
}

// New registers every metric, with the Go runtime's and the process's.
func New() *Metrics {
	latency := []float64{.0005, .001, .002, .005, .01, .02, .05, .1, .25, .5, 1, 2}
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "signpost_questions_total", Help: "Questions answered, by front end.",
		}, []string{"front_end"}),
		noMatch: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "signpost_no_match_total", Help: "Questions that found nothing as asked (the bot said so and offered the nearest thing), by front end.",
		}, []string{"front_end"}),
		safety: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "signpost_safety_replies_total", Help: "Messages that sounded like a crisis and got the safety message, by front end.",
		}, []string{"front_end"}),
		answers: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "signpost_answer_seconds", Help: "Time to answer one question, searches included.", Buckets: latency,
		}),
		searches: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "signpost_search_seconds", Help: "Time of one search of the index; a question may make several.", Buckets: latency,
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "signpost_reloads_total", Help: "Loads of the asset file: ok went live, failed kept the last good list.",
		}, []string{"outcome"}),
		assets: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "signpost_assets", Help: "Assets in the list being served.",
		}),
		activities: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "signpost_activities", Help: "Activities in the list being served.",
		}),
		loadedAt: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "signpost_assets_loaded_timestamp_seconds", Help: "When the list being served was saved, as Unix time.",
		}),
		sourceReads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "signpost_source_reads_total", Help: "Reads of each feed the asset file names: ok replaced its copy, failed kept the last good one.",
		}, []string{"source", "outcome"}),
		sourceOK: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "signpost_source_last_success_timestamp_seconds", Help: "When each feed was last read whole, as Unix time.",
		}, []string{"source"}),
		sourceActivities: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "signpost_source_activities", Help: "Activities in the last good copy of each feed.",
		}, []string{"source"}),
	}
	m.reg.MustRegister(m.questions, m.noMatch, m.safety, m.answers, m.searches, m.reloads, m.assets, m.activities, m.loadedAt,
		m.sourceReads, m.sourceOK, m.sourceActivities,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, outcome := range []string{"ok", "failed"} {
		m.reloads.WithLabelValues(outcome)
	}
	return m
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Answered counts one answer to q that took took.
func (m *Metrics) Answered(q bot.Question, a bot.Answer, took time.Duration) {
	frontEnd := q.Channel
	if frontEnd == "" {
		frontEnd = "unknown"
	}
	m.questions.WithLabelValues(frontEnd).Inc()
	m.answers.Observe(took.Seconds())
	if a.Safety == safety.Urgent {
		m.safety.WithLabelValues(frontEnd).Inc()
	}
	if a.Missed() {
		m.noMatch.WithLabelValues(frontEnd).Inc()
	}
}

// Reloaded counts one load of the asset file. For a load that went live
// it also records what the list holds and when the file was saved.
func (m *Metrics) Reloaded(ok bool, assets, activities int, saved time.Time) {
	if !ok {
		m.reloads.WithLabelValues("failed").Inc()
		return
	}
	m.reloads.WithLabelValues("ok").Inc()
	m.assets.Set(float64(assets))
	m.activities.Set(float64(activities))
	m.loadedAt.Set(float64(saved.UnixNano()) / 1e9)
}

// SourceRead counts one read of the feed named source; a good one sets
// when it was and how many activities it held.
func (m *Metrics) SourceRead(source string, ok bool, activities int, at time.Time) {
	if !ok {
		m.sourceReads.WithLabelValues(source, "failed").Inc()
		return
	}
	m.sourceReads.WithLabelValues(source, "ok").Inc()
	m.sourceOK.WithLabelValues(source).Set(float64(at.UnixNano()) / 1e9)
	m.sourceActivities.WithLabelValues(source).Set(float64(activities))
}

// Searcher times every search s makes. It closes s when closed, so the bot
// can still retire the index underneath.
func (m *Metrics) Searcher(s bot.Searcher) bot.Searcher {
	return timedSearcher{s: s, h: m.searches}
}

type timedSearcher struct {
	s bot.Searcher
	h prometheus.Histogram
}

func (t timedSearcher) Search(ctx context.Context, q bot.Query) ([]bot.Hit, error) {
	start := time.Now()
	hits, err := t.s.Search(ctx, q)
	t.h.Observe(time.Since(start).Seconds())
	return hits, err
}

func (t timedSearcher) Close() error {
	if c, ok := t.s.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
