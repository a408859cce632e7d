package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"signpost/bot"
)

// shutdownGrace is how long replies in flight get to finish once signpost
// is told to stop.
const shutdownGrace = 10 * time.Second

// frontEnd is one chat platform's adapter as serve runs it.
type frontEnd struct {
	name string
	// run serves until ctx is done, then finishes the replies in flight
	// (within shutdownGrace) and returns nil; an error means it could not
	// go on.
	run func(ctx context.Context) error
	// alert, if set, tells the operators something they must act on, such
	// as an asset file saved with errors.
	alert func(ctx context.Context, text string) error
}

// gapCounter reads back the questions that found nothing.
type gapCounter interface {
	Counts(since time.Time) ([]bot.GapCount, error)
}

// services is what serve hands every front end it starts.
type services struct {
	bot *bot.Bot
	// mux is served on SIGNPOST_LISTEN; front ends that take requests
	// (webhooks, Slack's HTTP mode) add their paths to it.
	mux *http.ServeMux
	log *slog.Logger
	// ids hashes chat and user ids for the log.
	ids bot.Pseudonyms
	// locationTTL is how long a shared location is kept.
	locationTTL time.Duration
	// listen is the address mux is served on.
	listen string
	// gaps is nil when unanswered questions are not being recorded.
	gaps gapCounter
}

// frontEnds are every front end serve knows. Each returns nil when its
// credentials are not set, and an error a person can act on when they are
// set but wrong.
var frontEnds = []func(environment, services) (*frontEnd, error){telegramFrontEnd, slackFrontEnd}

// serveConfig is serve's settings, from flags and the environment.
type serveConfig struct {
	common
	listen      string
	logJSON     bool
	locationTTL time.Duration
}

func readServeConfig(args []string, env environment, stderr io.Writer) (serveConfig, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c serveConfig
	c.common.register(fs, env)
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("serve takes no arguments, only flags; got %q", fs.Arg(0))
	}
	c.listen = firstOf(env.listen, "127.0.0.1:8080")
	switch strings.ToLower(env.logFormat) {
	case "", "text":
	case "json":
		c.logJSON = true
	default:
		return c, fmt.Errorf("SIGNPOST_LOG=%q: use text or json", env.logFormat)
	}
	c.locationTTL = 24 * time.Hour
	if env.locationTTL != "" {
		d, err := time.ParseDuration(env.locationTTL)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("SIGNPOST_LOCATION_TTL=%q: use a duration like 24h or 90m", env.locationTTL)
		}
		c.locationTTL = d
	}
	return c, nil
}

func newLogger(jsonLogs bool, w io.Writer) *slog.Logger {
	if jsonLogs {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// serve runs every front end whose credentials are set, with the health
// and metrics endpoints, until ctx is done.
func serve(ctx context.Context, args []string, env environment, stdout, stderr io.Writer) int {
	cfg, err := readServeConfig(args, env, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "signpost serve:", err)
		}
		return 2
	}
	log := newLogger(cfg.logJSON, stderr)

	r, err := cfg.start(time.Now(), stderr)
	if err != nil {
		fmt.Fprintln(stderr, "signpost:", err)
		return 1
	}
	defer r.bot.Close()

	mux := http.NewServeMux()
	svc := services{bot: r.bot, mux: mux, log: log, ids: bot.NewPseudonyms(nil), locationTTL: cfg.locationTTL, listen: cfg.listen}
	var fronts []*frontEnd
	for _, newFrontEnd := range frontEnds {
		fe, err := newFrontEnd(env, svc)
		if err != nil {
			fmt.Fprintln(stderr, "signpost serve:", err)
			return 1
		}
		if fe != nil {
			fronts = append(fronts, fe)
		}
	}
	if len(fronts) == 0 {
		fmt.Fprintln(stderr, "signpost serve: no front end to run. Set TELEGRAM_BOT_TOKEN for Telegram and/or SLACK_BOT_TOKEN for Slack (README.md says how to get them). To try the bot in this terminal, run: signpost chat")
		return 2
	}

	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		fmt.Fprintf(stderr, "signpost serve: listen on %s: %v; set SIGNPOST_LISTEN to a free host:port\n", cfg.listen, err)
		return 1
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	log.Info("serving", "listen", ln.Addr().String(), "front_ends", len(fronts))

	code := runFrontEnds(ctx, fronts, log)

	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		log.Warn("http shutdown", "err", err)
	}
	log.Info("stopped")
	return code
}

// runFrontEnds runs every front end until ctx is done or one fails, which
// stops the others. It returns the exit code.
func runFrontEnds(ctx context.Context, fronts []*frontEnd, log *slog.Logger) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		name string
		err  error
	}
	done := make(chan outcome, len(fronts))
	for _, fe := range fronts {
		go func() { done <- outcome{fe.name, fe.run(ctx)} }()
	}
	code := 0
	for range fronts {
		o := <-done
		if o.err != nil {
			log.Error("front end stopped", "front_end", o.name, "err", o.err)
			code = 1
			cancel()
		}
	}
	return code
}
