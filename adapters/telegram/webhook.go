package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// maxUpdateBytes bounds a webhook request's body; updates are a few KB.
const maxUpdateBytes = 1 << 20

// secretHeader is where Telegram puts the webhook secret.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// WebhookHandler takes updates Telegram posts to the webhook URL. A
// request without the right secret (compared in constant time) gets 401
// and is not read further; a body over maxUpdateBytes gets 413. While the
// adapter is not taking updates (starting, or stopping) requests get 503
// so Telegram sends them again later, to this process or the next. It
// answers 200 only once the update is queued for its chat.
//
// The client's own WebhookHandler is not used: it answers 200 to a wrong
// secret, compares with !=, and acknowledges updates into a channel that
// is not drained on shutdown, so some would be lost.
func (a *Adapter) WebhookHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "use POST", http.StatusMethodNotAllowed)
			return
		}
		got := r.Header.Get(secretHeader)
		if a.webhook == nil || subtle.ConstantTimeCompare([]byte(got), []byte(a.cfg.WebhookSecret)) != 1 {
			a.log.Warn("webhook request without the right secret refused", "remote", r.RemoteAddr, "had_secret", got != "")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		// The body is read before the gate is taken, so a slow request
		// never holds up stopping, nor the requests behind it.
		var u models.Update
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdateBytes)).Decode(&u); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "an update is never this big", http.StatusRequestEntityTooLarge)
				return
			}
			// A JSON error quotes at most a character of the body.
			a.log.Warn("webhook request refused: not an update the client can read", "err", err)
			http.Error(w, "not a Telegram update", http.StatusBadRequest)
			return
		}
		a.gate.RLock()
		defer a.gate.RUnlock()
		if !a.accepting {
			http.Error(w, "not taking updates now; send again later", http.StatusServiceUnavailable)
			return
		}
		a.api.ProcessUpdate(r.Context(), &u)
		w.WriteHeader(http.StatusOK)
	})
}

// registerWebhook tells Telegram where to post updates, with the secret.
func (a *Adapter) registerWebhook(ctx context.Context) error {
	err := a.call(ctx, "setWebhook", func(ctx context.Context) error {
		_, err := a.api.SetWebhook(ctx, &tgbot.SetWebhookParams{
			URL:            a.webhook.String(),
			SecretToken:    a.cfg.WebhookSecret,
			AllowedUpdates: allowedUpdates,
		})
		return err
	})
	if err != nil && ctx.Err() == nil {
		return a.startError("Telegram refused the webhook URL "+a.webhook.Redacted()+"; it must be a public https address on port 443, 80, 88 or 8443", err)
	}
	return nil
}
