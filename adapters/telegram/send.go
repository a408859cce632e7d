package telegram

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

const (
	// maxAttempts bounds how often one reply is tried.
	maxAttempts = 5
	// maxRetryAfter is the longest 429 wait honoured; a longer one means
	// the bot is flood-limited and the reply is given up, with a log line.
	maxRetryAfter = 5 * time.Minute
)

// reply is one message to a chat.
type reply struct {
	// html is the message in Telegram HTML; plain is the same words as
	// plain text, sent instead if Telegram refuses the HTML.
	html, plain string
	// markup is a keyboard to attach, or nil.
	markup any
	// venue, if set, makes this a map pin instead of a text message.
	venue *venue
	// urgent replies (safety) go at once, ahead of every queue.
	urgent bool
}

// venue is a place to show on a map.
type venue struct {
	title, address string
	lat, lon       float64
}

// deliver sends r to c, waiting its turn under the per-chat, per-group
// and global limits, retrying a 429 after its retry_after and network
// errors with backoff. A reply that cannot be sent is logged with the
// chat's pseudonym; it reports whether r was sent.
func (a *Adapter) deliver(c *chat, r reply, replyTo int) bool {
	ctx := a.work
	chatID := c.id
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		if !r.urgent {
			if err = c.waitTurn(ctx, a.global); err != nil {
				break
			}
		}
		if err = a.send(ctx, chatID, r, replyTo); err == nil {
			return true
		}
		var migrated *tgbot.MigrateError
		if errors.As(err, &migrated) {
			// The group became a supergroup: same people, new id.
			chatID = int64(migrated.MigrateToChatID)
			continue
		}
		if errors.Is(err, tgbot.ErrorBadRequest) && r.html != "" {
			a.log.Warn("Telegram refused a reply's HTML; sending it as plain text", "chat", c.pseudo, "err", a.clean(err))
			r.html = ""
			continue
		}
		wait, ok := a.retryable(err, attempt)
		if !ok || attempt == maxAttempts {
			break
		}
		a.log.Debug("retrying a reply", "chat", c.pseudo, "in", wait, "err", a.clean(err))
		if !sleep(ctx, wait) {
			err = ctx.Err()
			break
		}
	}
	level := slog.LevelError
	if errors.Is(err, tgbot.ErrorForbidden) {
		level = slog.LevelWarn // the person blocked the bot or left the group
	}
	a.log.Log(context.Background(), level, "reply not sent", "chat", c.pseudo, "kind", r.kind(), "err", a.clean(err))
	return false
}

// send makes one attempt at sending r.
func (a *Adapter) send(ctx context.Context, chatID int64, r reply, replyTo int) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	var rp *models.ReplyParameters
	if replyTo != 0 {
		rp = &models.ReplyParameters{MessageID: replyTo, AllowSendingWithoutReply: true}
	}
	if v := r.venue; v != nil {
		_, err := a.api.SendVenue(ctx, &tgbot.SendVenueParams{ChatID: chatID, Latitude: v.lat, Longitude: v.lon, Title: v.title, Address: v.address, ReplyParameters: rp})
		return err
	}
	p := &tgbot.SendMessageParams{ChatID: chatID, Text: r.plain, ReplyMarkup: r.markup, ReplyParameters: rp,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()}}
	if r.html != "" {
		p.Text, p.ParseMode = r.html, models.ParseModeHTML
	}
	_, err := a.api.SendMessage(ctx, p)
	return err
}

func (r reply) kind() string {
	if r.venue != nil {
		return "venue"
	}
	return "message"
}

// call makes a Bot API call that is not a reply (answering a button,
// registering the webhook), retrying as deliver does.
func (a *Adapter) call(ctx context.Context, method string, fn func(context.Context) error) error {
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		attemptCtx, cancel := context.WithTimeout(ctx, callTimeout)
		err = fn(attemptCtx)
		cancel()
		if err == nil {
			return nil
		}
		wait, ok := a.retryable(err, attempt)
		if !ok || ctx.Err() != nil || attempt == maxAttempts {
			break
		}
		a.log.Debug("retrying", "method", method, "in", wait, "err", a.clean(err))
		if !sleep(ctx, wait) {
			break
		}
	}
	return err
}

// retryable says whether a failed call is worth trying again, and when.
func (a *Adapter) retryable(err error, attempt int) (time.Duration, bool) {
	if a.work.Err() != nil || errors.Is(err, context.Canceled) {
		return 0, false
	}
	var tooMany *tgbot.TooManyRequestsError
	if errors.As(err, &tooMany) {
		wait := time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
		return wait, wait <= maxRetryAfter
	}
	if permanent(err) {
		return 0, false
	}
	return backoff(attempt), true
}

// permanent errors are Telegram refusing the call itself: trying again
// would get the same answer.
func permanent(err error) bool {
	for _, e := range []error{tgbot.ErrorForbidden, tgbot.ErrorBadRequest, tgbot.ErrorUnauthorized, tgbot.ErrorNotFound, tgbot.ErrorConflict} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// retryBackoff is the first wait after a network error; backoff doubles it.
const retryBackoff = 250 * time.Millisecond

// backoff is the wait before attempt n+1 after a network error: doubling
// from retryBackoff, up to 8 s, with a little jitter so many chats do not
// retry in step.
func backoff(attempt int) time.Duration {
	d := min(retryBackoff<<(attempt-1), 8*time.Second)
	return d + rand.N(d/4+1)
}

// sleep waits d, or less if ctx ends first; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
