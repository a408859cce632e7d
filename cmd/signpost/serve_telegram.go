package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	"signpost/adapters/telegram"
)

// telegramSettings names the environment variable behind each setting
// the Telegram adapter may refuse.
var telegramSettings = map[string]string{
	"token":          "TELEGRAM_BOT_TOKEN",
	"API URL":        "TELEGRAM_API_URL",
	"webhook URL":    "TELEGRAM_WEBHOOK_URL",
	"webhook secret": "TELEGRAM_WEBHOOK_SECRET",
	"rate":           "SIGNPOST_TELEGRAM_RATE",
}

// telegramFrontEnd runs the Telegram adapter when TELEGRAM_BOT_TOKEN is
// set: by long polling, or by webhook when TELEGRAM_WEBHOOK_URL is set,
// with the webhook served on svc.mux at that URL's path.
func telegramFrontEnd(env environment, svc services) (*frontEnd, error) {
	if env.telegramToken == "" {
		return nil, nil
	}
	cfg := telegram.Config{
		Token:         env.telegramToken,
		APIURL:        env.telegramAPI,
		WebhookURL:    env.telegramWebhook,
		WebhookSecret: env.telegramSecret,
		SeenFile:      env.telegramSeen,
		LocationTTL:   svc.locationTTL,
		ShutdownGrace: shutdownGrace,
		Log:           svc.log,
		IDs:           svc.ids,
	}
	if env.telegramRate != "" {
		r, err := strconv.ParseFloat(env.telegramRate, 64)
		if err != nil || r <= 0 {
			return nil, fmt.Errorf("SIGNPOST_TELEGRAM_RATE=%q: use how many messages a second the bot may send in all, like 25", env.telegramRate)
		}
		cfg.Rate = r
	}
	if cfg.SeenFile == "" {
		var err error
		if cfg.SeenFile, err = defaultSeenFile(); err != nil {
			svc.log.Warn("no place for the Telegram answered-updates file, so after a restart an update may be answered twice; set SIGNPOST_TELEGRAM_SEEN_FILE", "err", err)
		}
	}
	a, err := telegram.New(cfg, svc.bot)
	if err != nil {
		var ce *telegram.ConfigError
		if errors.As(err, &ce) {
			return nil, fmt.Errorf("%s: %s", telegramSettings[ce.Setting], ce.Problem)
		}
		return nil, err
	}
	if env.telegramWebhook != "" {
		u, _ := url.Parse(env.telegramWebhook) // New checked it
		if err := mount(svc.mux, u.Path, a.WebhookHandler()); err != nil {
			return nil, fmt.Errorf("TELEGRAM_WEBHOOK_URL: its path %s cannot be used (%v); choose another, like /telegram", u.Path, err)
		}
		svc.log.Info("Telegram webhook: have your https proxy pass "+u.Redacted()+" to this path on SIGNPOST_LISTEN", "path", u.Path, "listen", svc.listen)
	}
	return &frontEnd{name: "telegram", run: a.Run}, nil
}

// defaultSeenFile is where answered Telegram updates are remembered when
// SIGNPOST_TELEGRAM_SEEN_FILE is not set: signpost/telegram-seen in the
// user's cache directory ($XDG_CACHE_HOME, else ~/.cache, on Linux). The
// file holds only update ids, and losing it costs at most a repeated
// answer, so a cache is the right place.
func defaultSeenFile() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "signpost")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(dir, "telegram-seen"), nil
}

// mount adds h to mux at path, turning the mux's panic on a path already
// taken into an error.
func mount(mux *http.ServeMux, path string, h http.Handler) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	mux.Handle(path, h)
	return nil
}
