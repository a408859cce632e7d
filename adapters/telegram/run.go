package telegram

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Run takes updates until ctx is done, by webhook if one is configured and
// by long polling otherwise. Then it stops taking updates, gives replies in
// flight up to the shutdown grace to finish, and returns nil. An error
// means it could not start: Telegram refused the token or the webhook.
func (a *Adapter) Run(ctx context.Context) error {
	defer a.cancelWork()
	if err := a.seen.open(); err != nil {
		return err
	}
	defer a.seen.close()
	if err := a.whoAmI(ctx); err != nil || ctx.Err() != nil {
		return err
	}
	a.setCommands(ctx)
	// Updates are taken from here on: in webhook mode Telegram may already
	// be posting them from an earlier registration.
	a.setAccepting(true)
	err := a.takeUpdates(ctx)
	a.setAccepting(false)
	a.drain()
	return err
}

func (a *Adapter) setAccepting(on bool) {
	a.gate.Lock()
	defer a.gate.Unlock()
	a.accepting = on
}

// takeUpdates registers the webhook and waits for ctx, or long-polls until
// ctx is done.
func (a *Adapter) takeUpdates(ctx context.Context) error {
	if a.webhook != nil {
		if err := a.registerWebhook(ctx); err != nil {
			return err
		}
		a.log.Info("taking updates by webhook", "path", a.webhook.Path)
		<-ctx.Done()
		return nil
	}
	err := a.call(ctx, "deleteWebhook", func(ctx context.Context) error {
		_, err := a.api.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{})
		return err
	})
	if err != nil && ctx.Err() == nil {
		return a.startError("switch to long polling", err)
	}
	a.log.Info("taking updates by long polling")
	a.api.Start(ctx)
	return nil
}

// drain lets the chats finish what they were given, for up to the
// shutdown grace, then abandons the rest, saying so in the log.
func (a *Adapter) drain() {
	done := make(chan struct{})
	go func() {
		a.chats.wg.Wait()
		a.buttonAcks.Wait()
		close(done)
	}()
	timer := time.NewTimer(a.cfg.ShutdownGrace)
	defer timer.Stop()
	select {
	case <-done:
		a.log.Info("stopped; every reply sent")
	case <-timer.C:
		a.log.Warn("stopping with replies unsent after the shutdown grace", "grace", a.cfg.ShutdownGrace)
		a.cancelWork()
		// Sending stops at once; only the core, if it ignores its context,
		// could keep a chat busy, and Run does not wait for that.
		select {
		case <-done:
		case <-time.After(cutShortWait):
			a.log.Warn("stopping with chats still waiting for the bot's answer")
		}
	}
}

// cutShortWait is how long replies cut short at the end of the shutdown
// grace get to stop and log what they did not send.
const cutShortWait = time.Second

// whoAmI asks Telegram who the bot is (for mentions in groups), retrying
// while Telegram cannot be reached.
func (a *Adapter) whoAmI(ctx context.Context) error {
	for attempt := 1; ; attempt++ {
		me, err := a.api.GetMe(ctx)
		if err == nil {
			a.self.Store(&identity{id: me.ID, username: me.Username})
			a.log.Info("connected to Telegram", "bot", "@"+me.Username)
			return nil
		}
		if ctx.Err() != nil {
			return nil
		}
		if permanent(err) {
			return a.startError("check the bot token", err)
		}
		wait := backoff(attempt)
		a.log.Warn("cannot reach Telegram yet; trying again", "err", a.clean(err), "in", wait)
		if !sleep(ctx, wait) {
			return nil
		}
	}
}

// startError explains a refusal by Telegram at start-up.
func (a *Adapter) startError(what string, err error) error {
	switch {
	case errors.Is(err, tgbot.ErrorUnauthorized), errors.Is(err, tgbot.ErrorNotFound):
		return errors.New("Telegram does not accept this bot token: check it with BotFather (/mybots, choose the bot, then API Token) and set it again")
	}
	return fmt.Errorf("%s: %w", what, a.clean(err))
}

// commands are offered in Telegram's command menu.
var commands = []struct{ name, description string }{
	{"start", "Welcome and how to use me"},
	{"help", "What you can ask"},
	{"near", "Share your location"},
	{"more", "Show more results"},
	{"forget", "Forget my location and last question"},
}

// setCommands fills Telegram's command menu, so people see the commands
// without the operator having to set them in BotFather. A failure is
// logged, not fatal: the commands still work when typed.
func (a *Adapter) setCommands(ctx context.Context) {
	var list []models.BotCommand
	for _, c := range commands {
		list = append(list, models.BotCommand{Command: c.name, Description: c.description})
	}
	err := a.call(ctx, "setMyCommands", func(ctx context.Context) error {
		_, err := a.api.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: list})
		return err
	})
	if err != nil && ctx.Err() == nil {
		a.log.Warn("could not set the command menu; set it in BotFather with /setcommands", "err", a.clean(err))
	}
}

// clean makes a client error fit for the log: the token masked, and a
// response body the client quotes when it cannot decode one (which may
// hold people's messages and chat ids) left out.
func (a *Adapter) clean(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if strings.Contains(msg, "error decode response body") {
		inner := err
		for errors.Unwrap(inner) != nil {
			inner = errors.Unwrap(inner)
		}
		msg = "could not read Telegram's answer: " + inner.Error()
	}
	if a.cfg.Token != "" {
		msg = strings.ReplaceAll(msg, a.cfg.Token, "<token>")
	}
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}
