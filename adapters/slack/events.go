package slack

import (
	"context"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// ourTeam reports whether team is the workspace this adapter answers.
func (a *Adapter) ourTeam(team, via string) bool {
	if a.cfg.TeamID == "" || team == a.cfg.TeamID {
		return true
	}
	a.log.Info("slack: ignored a request from another workspace", "team", team, "via", via)
	return false
}

// firstTime reports whether the event or envelope with key has not been
// seen before, so that Slack's retries and redeliveries are answered
// once.
func (a *Adapter) firstTime(key string) bool {
	if key == "" {
		return true
	}
	if a.events.Add(key, struct{}{}) {
		return true
	}
	a.log.Info("slack: already answered; ignoring the repeat")
	return false
}

// onEvent handles one Events API event, from Socket Mode or HTTP: a
// mention is answered in a thread, a direct message directly. envelope
// names the Socket Mode envelope, if any, for events without an id.
func (a *Adapter) onEvent(ev slackevents.EventsAPIEvent, envelope string) {
	if ev.Type != slackevents.CallbackEvent || !a.ourTeam(ev.TeamID, "event") {
		return
	}
	key := envelope
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && cb.EventID != "" {
		key = "event:" + cb.EventID
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || !a.firstTime(key) {
			return
		}
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		to := place{channel: e.Channel, thread: thread}
		a.start("mention", func(ctx context.Context) {
			a.handle(ctx, parseCommand(e.Text), conversation(ev.TeamID, e.User), to, "mention")
		})
	case *slackevents.MessageEvent:
		// Only direct messages from people: not the bot's own replies,
		// edits, joins or other subtypes.
		if e.ChannelType != "im" || e.BotID != "" || e.SubType != "" || e.User == "" || !a.firstTime(key) {
			return
		}
		to := place{channel: e.Channel, thread: e.ThreadTimeStamp}
		a.start("dm", func(ctx context.Context) {
			a.handle(ctx, parseCommand(e.Text), conversation(ev.TeamID, e.User), to, "dm")
		})
	}
}

// onCommand handles /signpost. It has already been acknowledged; the
// answer goes privately through the command's response URL.
func (a *Adapter) onCommand(cmd slackapi.SlashCommand, envelope string) {
	if !a.ourTeam(cmd.TeamID, "command") || !a.firstTime(envelope) {
		return
	}
	to := place{channel: cmd.ChannelID, ephemeral: true, user: cmd.UserID, responseURL: cmd.ResponseURL}
	a.start("command", func(ctx context.Context) {
		a.handle(ctx, parseCommand(cmd.Text), conversation(cmd.TeamID, cmd.UserID), to, "command")
	})
}

// onInteraction handles a press of More, Share or a choice.
func (a *Adapter) onInteraction(cb slackapi.InteractionCallback, envelope string) {
	if cb.Type != slackapi.InteractionTypeBlockActions || !a.ourTeam(cb.Team.ID, "button") || !a.firstTime(envelope) {
		return
	}
	for _, act := range cb.ActionCallback.BlockActions {
		if pressed, ok := parseAction(act.ActionID, act.Value); ok {
			a.start("button", func(ctx context.Context) { a.press(ctx, cb, pressed) })
			return
		}
	}
}
