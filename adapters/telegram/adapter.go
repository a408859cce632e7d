// Package telegram lets residents ask Signpost from Telegram. It turns
// Telegram updates into bot.Questions and bot.Answers into short HTML
// messages with buttons, and owns everything about Telegram: the token,
// long polling or a webhook, retries, Telegram's rate limits, escaping
// and splitting. It talks to Telegram through github.com/go-telegram/bot.
package telegram

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
	"golang.org/x/time/rate"

	"signpost/bot"
)

// Bot is what the adapter needs of Signpost's core.
type Bot interface {
	// Answer replies to one question; with an error it still returns an
	// apology to send.
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
	// Forget drops what is remembered of one conversation.
	Forget(from string)
	// Asset finds an asset of the list in use by id, for a Map button
	// pressed after the answer was sent.
	Asset(id string) (*bot.Asset, bool)
	// Crisis is the safety answer, if text sounds like someone in danger,
	// without a search: for messages over a chat's rate.
	Crisis(text string) (bot.Answer, bool)
	// SafetyMessage is the area's crisis numbers, which /help ends with.
	SafetyMessage() string
}

// Config is the adapter's settings. Zero values mean the defaults.
type Config struct {
	// Token is the bot's token from BotFather. It is never logged.
	Token string
	// APIURL is the Bot API server (default https://api.telegram.org).
	APIURL string
	// WebhookURL, if set, is registered with Telegram and updates come to
	// WebhookHandler; otherwise the adapter long-polls.
	WebhookURL string
	// WebhookSecret is the secret Telegram sends with every webhook
	// request; a random one is made when it is empty.
	WebhookSecret string
	// Rate is how many messages a second the bot sends in all (default 25,
	// below Telegram's 30).
	Rate float64
	// ChatRate is how many messages a minute one chat may send before it
	// is asked to slow down (default 20).
	ChatRate int
	// SeenFile, if set, keeps the ids of updates already answered, so that
	// none is answered twice across a restart.
	SeenFile string
	// LocationTTL is how long the core keeps a shared location, for the
	// privacy note (default 24h).
	LocationTTL time.Duration
	// ShutdownGrace is how long replies in flight get once Run is told to
	// stop (default 10 s).
	ShutdownGrace time.Duration
	// Log receives operational events; never message text with an id.
	Log *slog.Logger
	// IDs hashes chat ids for the log.
	IDs bot.Pseudonyms
	// Now is the clock for questions (default time.Now).
	Now func() time.Time
}

// ConfigError is a setting New cannot use, with what to do about it.
type ConfigError struct {
	// Setting is "token", "API URL", "webhook URL", "webhook secret" or
	// "rate".
	Setting string
	// Problem says what is wrong and what to do, without the value.
	Problem string
}

func (e *ConfigError) Error() string { return e.Setting + ": " + e.Problem }

const (
	defaultAPIURL = "https://api.telegram.org"
	// pollTimeout is how long one getUpdates call waits for updates.
	pollTimeout = 50 * time.Second
	// callTimeout bounds one call to send a reply.
	callTimeout = 30 * time.Second
)

// tokenShape is what BotFather's tokens look like: the bot's id, a colon,
// then 35 letters, digits, '-' or '_' (a little leeway either way).
var tokenShape = regexp.MustCompile(`^[0-9]{3,20}:[A-Za-z0-9_-]{30,60}$`)

// secretShape is what Telegram accepts as a webhook secret.
var secretShape = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// Adapter is the Telegram front end. Make one with New and call Run once.
type Adapter struct {
	cfg     Config
	core    Bot
	api     *tgbot.Bot
	log     *slog.Logger
	webhook *url.URL

	// gate guards accepting. Webhook requests hold it for reading while
	// they queue an update, so stopping (which takes it for writing) waits
	// for them; outside accepting they are refused with 503, and Telegram
	// delivers them again later.
	gate      sync.RWMutex
	accepting bool
	// self is the bot's own account, known once Run has asked getMe.
	self atomic.Pointer[identity]

	seen   *seenSet
	chats  *chats
	global *rate.Limiter
	keys   *buttonKeys

	// work is the context replies are sent under: it outlives Run's
	// context by the shutdown grace.
	work       context.Context
	cancelWork context.CancelFunc
	// buttonAcks counts answers to pressed buttons in flight.
	buttonAcks sync.WaitGroup
}

// identity is the bot's own account.
type identity struct {
	id       int64
	username string
}

// New checks cfg and makes an adapter answering from core. It does no
// network I/O: Run does. Errors never hold the token.
func New(cfg Config, core Bot) (*Adapter, error) {
	cfg.Token = strings.TrimSpace(cfg.Token)
	if !tokenShape.MatchString(cfg.Token) {
		return nil, &ConfigError{"token", "this does not look like a bot token. BotFather gives one like 7000000000:AAH…, the bot's number, a colon, then about 35 letters, digits, - and _; copy all of it"}
	}
	if cfg.APIURL == "" {
		cfg.APIURL = defaultAPIURL
	}
	if u, err := url.Parse(cfg.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &ConfigError{"API URL", "use a URL like https://api.telegram.org"}
	}
	cfg.APIURL = strings.TrimSuffix(cfg.APIURL, "/")
	a := &Adapter{core: core}
	if cfg.WebhookURL != "" {
		u, err := url.Parse(cfg.WebhookURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Path == "" || u.Path == "/" {
			return nil, &ConfigError{"webhook URL", "use the public https URL Telegram should post to, with a path, like https://signpost.example.org/telegram"}
		}
		a.webhook = u
		if cfg.WebhookSecret == "" {
			cfg.WebhookSecret = randomSecret()
		}
		if !secretShape.MatchString(cfg.WebhookSecret) {
			return nil, &ConfigError{"webhook secret", "use 1 to 256 letters, digits, _ and -, or leave it unset to have one made"}
		}
	}
	if math.IsNaN(cfg.Rate) || math.IsInf(cfg.Rate, 0) || cfg.Rate < 0 {
		return nil, &ConfigError{"rate", "use a number of messages a second above 0, like 25"}
	}
	if cfg.Rate == 0 {
		cfg.Rate = 25
	}
	if cfg.ChatRate <= 0 {
		cfg.ChatRate = 20
	}
	if cfg.LocationTTL <= 0 {
		cfg.LocationTTL = 24 * time.Hour
	}
	if cfg.ShutdownGrace <= 0 {
		cfg.ShutdownGrace = 10 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.IDs.Of("") == (bot.Pseudonyms{}).Of("") {
		// The zero value hashes with an empty key, which hides nothing.
		cfg.IDs = bot.NewPseudonyms(nil)
	}
	a.cfg = cfg
	a.log = cfg.Log.With("front_end", "telegram")
	a.seen = newSeenSet(cfg.SeenFile, seenKeep, a.log)
	a.chats = newChats(cfg.ChatRate)
	// Bursts of a tenth of the rate: no second holds more than 27 at the
	// default, inside Telegram's 30.
	a.global = rate.NewLimiter(rate.Limit(cfg.Rate), max(1, int(cfg.Rate/10)))
	a.keys = newButtonKeys(buttonKeysKeep)
	a.work, a.cancelWork = context.WithCancel(context.Background())

	api, err := tgbot.New(cfg.Token,
		tgbot.WithServerURL(cfg.APIURL),
		tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(pollTimeout, newHTTPClient()),
		tgbot.WithDefaultHandler(a.take),
		tgbot.WithNotAsyncHandlers(),
		// Unbuffered, so the client asks Telegram for the next updates
		// (which confirms the last ones) only once every update it has is
		// taken: when Run stops, none is left confirmed but never taken.
		tgbot.WithUpdatesChannelCap(0),
		tgbot.WithAllowedUpdates(allowedUpdates),
		tgbot.WithErrorsHandler(a.clientError),
	)
	if err != nil {
		return nil, fmt.Errorf("start the Telegram client: %w", a.clean(err))
	}
	a.api = api
	return a, nil
}

// clientError logs what the client reports on its own, such as a failed
// long poll.
func (a *Adapter) clientError(err error) {
	if err.Error() == "some updates lost, ctx done" {
		// Polling stopped before the client handed these over. Telegram
		// was not told they were taken, so it sends them to the next run.
		a.log.Info("stopped polling; updates not yet taken are left for Telegram to send again")
		return
	}
	a.log.Warn("telegram client", "err", a.clean(err))
}

// allowedUpdates are the updates the adapter asks Telegram for.
var allowedUpdates = tgbot.AllowedUpdates{"message", "edited_message", "callback_query"}

// newHTTPClient keeps enough connections open to the Bot API for replies
// to many chats at once; Go's default keeps only two idle.
func newHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	t.MaxConnsPerHost = 64
	return &http.Client{Transport: t, Timeout: pollTimeout + 10*time.Second}
}

func randomSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
