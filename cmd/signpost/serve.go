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
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/feeds"
	"signpost/gaps"
	"signpost/metrics"
	"signpost/watch"
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
	// bot answers questions, counted for /metrics.
	bot observed
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
	assets      string
	postcodes   string
	listen      string
	logJSON     bool
	locationTTL time.Duration
	gapsFile    string
	gapsKeep    time.Duration
	// indexDir, when set, is where the index is kept between runs.
	indexDir string
	// cacheDir is where feeds' last good copies are kept; "" keeps them
	// in memory only.
	cacheDir string
}

func readServeConfig(args []string, env environment, stderr io.Writer) (serveConfig, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c serveConfig
	fs.StringVar(&c.assets, "assets", firstOf(env.assets, "assets.yaml"), "the asset `file` (default $SIGNPOST_ASSETS, else ./assets.yaml)")
	fs.StringVar(&c.postcodes, "postcodes", env.postcodes, "a postcode CSV `file` (default $SIGNPOST_POSTCODES)")
	fs.StringVar(&c.indexDir, "index-dir", env.indexDir, "keep the index in this `directory` between runs, so a restart need not build it (default $SIGNPOST_INDEX_DIR; unset keeps it in memory)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("serve takes no arguments, only flags; got %q", fs.Arg(0))
	}
	c.listen = firstOf(env.listen, "127.0.0.1:8080")
	c.cacheDir = env.cacheDir
	if c.cacheDir == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			c.cacheDir = filepath.Join(dir, "signpost", "sources")
		}
	}
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
	c.gapsFile = firstOf(env.gapsFile, filepath.Join(filepath.Dir(c.assets), "gaps.jsonl"))
	c.gapsKeep = 90 * 24 * time.Hour
	if env.gapsDays != "" {
		n, err := strconv.Atoi(env.gapsDays)
		if err != nil || n < 1 {
			return c, fmt.Errorf("SIGNPOST_GAPS_DAYS=%q: use a number of days, like 90", env.gapsDays)
		}
		c.gapsKeep = time.Duration(n) * 24 * time.Hour
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
// and metrics endpoints, reloading the asset file whenever it is saved or
// on SIGHUP, until ctx is done.
func serve(ctx context.Context, args []string, env environment, stderr io.Writer) int {
	cfg, err := readServeConfig(args, env, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "signpost serve:", err)
		}
		return 2
	}
	log := newLogger(cfg.logJSON, stderr)

	var postcodes bot.Postcodes
	if cfg.postcodes != "" {
		if postcodes, err = assets.LoadPostcodes(cfg.postcodes); err != nil {
			fmt.Fprintln(stderr, "signpost serve:", err)
			return 1
		}
	}
	gapFile := gaps.New(cfg.gapsFile, cfg.gapsKeep, log)
	defer gapFile.Close()
	m := metrics.New()
	b := bot.New(bot.Config{LocationTTL: cfg.locationTTL, Gaps: gapFile}, bot.NewInMemory(cfg.locationTTL))
	defer b.Close()

	mux := http.NewServeMux()
	svc := services{bot: observed{b, m}, mux: mux, log: log, ids: bot.NewPseudonyms(nil), locationTTL: cfg.locationTTL, listen: cfg.listen, gaps: gapFile}
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
	// Only once every setting is known good is anything written.
	if err := gapFile.Open(); err != nil {
		fmt.Fprintf(stderr, "signpost serve: %v; set SIGNPOST_GAPS_FILE to a file signpost may write\n", err)
		return 1
	}

	lv := &live{path: cfg.assets, opt: assets.Options{Postcodes: postcodes}, bot: b, metrics: m, log: log, alert: alerts(fronts), now: time.Now}
	if cfg.indexDir != "" {
		if lv.keep, err = newKeeper(cfg.indexDir, cfg.postcodes); err != nil {
			fmt.Fprintf(stderr, "signpost serve: %v; unset SIGNPOST_INDEX_DIR to keep the index in memory\n", err)
			return 1
		}
	}
	lv.sources = newSources(cfg.cacheDir, log, m)
	defer lv.close()
	lv.reload(ctx, true)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-lv.sources.changed:
				lv.reload(ctx, false)
			}
		}
	}()
	mux.Handle("GET /healthz", healthz(lv, b))
	mux.Handle("GET /metrics", m.Handler())
	mux.Handle("GET /oruk/", feeds.ORUKHandler(lv.catalogue))

	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		fmt.Fprintf(stderr, "signpost serve: listen on %s: %v; set SIGNPOST_LISTEN to a free host:port\n", cfg.listen, err)
		return 1
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	log.Info("serving", "listen", ln.Addr().String(), "front_ends", len(fronts))

	go func() {
		if err := watch.File(ctx, cfg.assets, watch.Options{Log: log}, func() { lv.reload(ctx, false) }); err != nil {
			log.Error("not watching the asset file; send SIGHUP after each save", "err", err)
		}
	}()
	go reloadOnHangup(ctx, lv, log)

	code := runFrontEnds(ctx, fronts, log)

	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		log.Warn("http shutdown", "err", err)
	}
	log.Info("stopped")
	return code
}

// reloadOnHangup reloads the asset file on each SIGHUP, as daemons do.
func reloadOnHangup(ctx context.Context, lv *live, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			log.Info("SIGHUP: reloading the asset file and reading its feeds again")
			lv.reload(ctx, true)
			go lv.sources.refresh(ctx)
		}
	}
}

// alerts sends an alert through every front end that can raise one.
func alerts(fronts []*frontEnd) func(ctx context.Context, text string) error {
	var send []func(context.Context, string) error
	for _, fe := range fronts {
		if fe.alert != nil {
			send = append(send, fe.alert)
		}
	}
	if len(send) == 0 {
		return nil
	}
	return func(ctx context.Context, text string) error {
		var errs []error
		for _, alert := range send {
			errs = append(errs, alert(ctx, text))
		}
		return errors.Join(errs...)
	}
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
