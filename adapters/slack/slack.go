// Package slack is Signpost's Slack front end: staff ask with /signpost,
// by mentioning the bot in a channel, or in a direct message, and get the
// details they can pass on to a resident as Block Kit messages.
//
// It runs over Socket Mode (no public address needed) when an app-level
// token is given, and takes Slack's signed HTTP requests when a signing
// secret is given. Everything about Slack lives here: tokens, signatures,
// acknowledgements, retries, rate limits, escaping and buttons. It needs
// only the small Bot and GapReader interfaces of the rest of Signpost.
package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"

	"signpost/bot"
)

// Bot is what the adapter needs of the core: answers, the entries due a
// coach's check, and the area's crisis numbers for the help.
type Bot interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
	Stale(now time.Time) []bot.StaleAsset
	SafetyMessage() string
}

// GapReader reads back the questions that found nothing, for
// /signpost gaps.
type GapReader interface {
	Counts(since time.Time) ([]bot.GapCount, error)
}

// Config is the adapter's settings, read once by cmd/signpost.
type Config struct {
	// BotToken (xoxb-) posts the answers. Required.
	BotToken string
	// AppToken (xapp-), if set, runs the adapter over Socket Mode.
	AppToken string
	// SigningSecret, if set, lets the HTTP handlers verify Slack's
	// requests; it is needed for HTTP mode.
	SigningSecret string
	// APIURL is Slack's Web API base URL, ending in "/" (default
	// https://slack.com/api/); tests point it at a fake.
	APIURL string
	// TeamID, if set, is the only workspace answered; events from any
	// other are ignored.
	TeamID string
	// AlertChannel is the channel Alert posts to; Alert does nothing
	// without it.
	AlertChannel string
	// Gaps reads unanswered questions; nil means they are not recorded.
	Gaps GapReader
	// Log receives what happened, never with message text next to a
	// person's id; nil discards it.
	Log *slog.Logger
	// IDs turns Slack user ids into pseudonyms for the log; make it with
	// bot.NewPseudonyms, as the zero value hashes without a key.
	IDs bot.Pseudonyms
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Grace is how long replies in flight may take to finish once Run is
	// told to stop (default 10 s).
	Grace time.Duration
}

// Timings and sizes the adapter works to.
const (
	defaultGrace = 10 * time.Second
	// replyTimeout bounds one reply, including waits after a 429.
	replyTimeout = time.Minute
	// maxRateLimitWait is the longest Retry-After worth waiting for; a
	// longer one fails the reply rather than leave staff hanging.
	maxRateLimitWait = 30 * time.Second
	rateLimitRetries = 3
	// keepAnswers is how long the More and Share buttons keep working.
	keepAnswers = 24 * time.Hour
	maxAnswers  = 2000
	// keepEventIDs covers Slack's retries (up to about 5 minutes later)
	// and redelivery after a reconnect.
	keepEventIDs = time.Hour
	maxEventIDs  = 50000
	// keepSignatures covers the 5 minutes a signed request is valid for,
	// on either side of now.
	keepSignatures = 11 * time.Minute
	maxSignatures  = 50000
)

// Adapter is the Slack front end. Make one with New, mount its HTTP
// handlers if Slack sends requests over HTTP, and call Run.
type Adapter struct {
	cfg  Config
	bot  Bot
	api  *slackapi.Client
	log  *slog.Logger
	mask masker
	now  func() time.Time

	answers *recent[*shown]
	// latest is, for each bot conversation, the id of the answer the
	// bot's "more" follows on from.
	latest     *recent[string]
	events     *recent[struct{}]
	signatures *recent[struct{}]

	// work is the context replies run in; it outlives Run's context by
	// up to Grace, so replies in flight finish.
	work     context.Context
	stopWork context.CancelFunc
	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
}

// New checks cfg and makes the adapter. The error says what to fix and
// never contains a token or secret.
func New(cfg Config, b Bot) (*Adapter, error) {
	if err := checkConfig(cfg); err != nil {
		return nil, err
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Grace <= 0 {
		cfg.Grace = defaultGrace
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	a := &Adapter{
		cfg:        cfg,
		bot:        b,
		log:        cfg.Log,
		mask:       newMasker(cfg),
		now:        cfg.Now,
		answers:    newRecent[*shown](keepAnswers, maxAnswers, time.Now),
		latest:     newRecent[string](keepAnswers, maxAnswers, time.Now),
		events:     newRecent[struct{}](keepEventIDs, maxEventIDs, time.Now),
		signatures: newRecent[struct{}](keepSignatures, maxSignatures, time.Now),
	}
	a.api = slackapi.New(cfg.BotToken, a.clientOptions()...)
	a.work, a.stopWork = context.WithCancel(context.Background())
	return a, nil
}

// clientOptions point the Web API client at cfg.APIURL, send its own
// logging to ours at debug level, and retry rate-limited calls.
func (a *Adapter) clientOptions() []slackapi.Option {
	retry := slackapi.RetryConfig{MaxRetries: rateLimitRetries, RetryAfterDuration: 5 * time.Second}
	retry.Handlers = []slackapi.RetryHandler{cappedRateLimit{slackapi.NewRateLimitErrorRetryHandler(retry)}}
	opts := []slackapi.Option{
		slackapi.OptionLog(slog.NewLogLogger(a.log.Handler(), slog.LevelDebug)),
		slackapi.OptionRetryConfig(retry),
	}
	if a.cfg.APIURL != "" {
		opts = append(opts, slackapi.OptionAPIURL(a.cfg.APIURL))
	}
	if a.cfg.AppToken != "" {
		opts = append(opts, slackapi.OptionAppLevelToken(a.cfg.AppToken))
	}
	return opts
}

// cappedRateLimit retries a 429 after Slack's Retry-After, unless that is
// longer than maxRateLimitWait.
type cappedRateLimit struct{ slackapi.RetryHandler }

// ShouldRetry implements slackapi.RetryHandler.
func (c cappedRateLimit) ShouldRetry(state *slackapi.RetryState, req *http.Request, resp *http.Response, err error) (bool, time.Duration) {
	retry, wait := c.RetryHandler.ShouldRetry(state, req, resp, err)
	if wait > maxRateLimitWait {
		return false, 0
	}
	return retry, wait
}

// Run serves Slack until ctx is done, then lets the replies in flight
// finish (for up to Grace) and returns nil. Over Socket Mode it holds the
// connection, reconnecting whenever it drops; over HTTP the handlers do
// the work and Run waits. An error means it cannot go on, such as a token
// Slack refuses.
func (a *Adapter) Run(ctx context.Context) error {
	defer a.drain()
	if err := a.checkToken(ctx); err != nil {
		return err
	}
	if a.cfg.AppToken != "" {
		return a.runSocketMode(ctx)
	}
	a.log.Info("slack: no SLACK_APP_TOKEN, so no Socket Mode: waiting for Slack's signed HTTP requests")
	<-ctx.Done()
	return nil
}

// checkToken asks Slack who the bot token belongs to, so a wrong token
// stops signpost at once with a message saying which one to fix. If Slack
// cannot be reached the adapter carries on and tries again as it works.
func (a *Adapter) checkToken(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	who, err := a.api.AuthTestContext(ctx)
	if err != nil {
		if fatalAuth(err) {
			return fmt.Errorf("Slack refused SLACK_BOT_TOKEN (%w); copy the Bot User OAuth Token (xoxb-) again from OAuth & Permissions, and reinstall the app if its scopes changed", a.mask.Err(err))
		}
		a.log.Warn("slack: could not check the bot token yet", "err", a.mask.Err(err))
		return nil
	}
	if a.cfg.TeamID != "" && who.TeamID != a.cfg.TeamID {
		a.log.Warn("slack: the bot token is for another workspace than SLACK_TEAM_ID; every event will be ignored", "token_team", who.TeamID, "team", a.cfg.TeamID)
	}
	a.log.Info("slack: signed in", "team", who.TeamID, "bot", who.UserID)
	return nil
}

// fatalAuth reports whether err means the token itself is bad.
func fatalAuth(err error) bool {
	var se slackapi.SlackErrorResponse
	if !errors.As(err, &se) {
		return false
	}
	switch se.Err {
	case "invalid_auth", "not_authed", "token_revoked", "account_inactive", "token_expired", "not_allowed_token_type":
		return true
	}
	return false
}

// Alert posts text to the alert channel, for operators and coaches to
// act on (such as an asset file saved with errors). Without an alert
// channel it does nothing.
func (a *Adapter) Alert(ctx context.Context, text string) error {
	if a.cfg.AlertChannel == "" {
		return nil
	}
	if _, _, err := a.api.PostMessageContext(ctx, a.cfg.AlertChannel, message(text, textBlocks(escape(text), maxBlocks))...); err != nil {
		return fmt.Errorf("post alert to SLACK_ALERT_CHANNEL %s (invite the bot to that channel, and use its id or name): %w", a.cfg.AlertChannel, a.mask.Err(err))
	}
	return nil
}

// start runs f as a reply in flight, unless the adapter is stopping. It
// reports whether f was started.
func (a *Adapter) start(via string, f func(ctx context.Context)) bool {
	a.mu.Lock()
	if a.closing {
		a.mu.Unlock()
		a.log.Info("slack: stopping, so not answering", "via", via)
		return false
	}
	a.inflight.Add(1)
	a.mu.Unlock()
	go func() {
		defer a.inflight.Done()
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("slack: reply failed", "via", via, "panic", a.mask.String(fmt.Sprint(p)))
			}
		}()
		ctx, cancel := context.WithTimeout(a.work, replyTimeout)
		defer cancel()
		f(ctx)
	}()
	return true
}

func (a *Adapter) isClosing() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.closing
}

// drain stops new work, waits up to Grace for replies in flight, then
// cancels any still going.
func (a *Adapter) drain() {
	a.mu.Lock()
	a.closing = true
	a.mu.Unlock()
	done := make(chan struct{})
	go func() {
		a.inflight.Wait()
		close(done)
	}()
	t := time.NewTimer(a.cfg.Grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		a.log.Warn("slack: replies still in flight at shutdown were cut short", "grace", a.cfg.Grace)
		a.stopWork()
		<-done
	}
	a.stopWork()
}
