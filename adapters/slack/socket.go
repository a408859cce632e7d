package slack

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// ackTimeout bounds the wait to queue one acknowledgement.
const ackTimeout = time.Second

// runSocketMode holds a Socket Mode connection until ctx is done. The
// client reconnects by itself when the connection drops or Slack asks it
// to; an envelope Slack sent but did not see acknowledged is sent again
// on the new connection, and firstTime makes sure it is answered once.
func (a *Adapter) runSocketMode(ctx context.Context) error {
	client := socketmode.New(a.api, socketmode.OptionLog(slog.NewLogLogger(a.log.Handler(), slog.LevelDebug)))
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	stopped := make(chan error, 1)
	go func() { stopped <- client.RunContext(runCtx) }()
	for {
		select {
		case <-ctx.Done():
			cancel()
			<-stopped
			return nil
		case err := <-stopped:
			if ctx.Err() != nil {
				return nil
			}
			if fatalAuth(err) {
				return fmt.Errorf("Slack refused SLACK_APP_TOKEN (%w); make an App-Level Token with the connections:write scope under Basic Information → App-Level Tokens, and check Socket Mode is on", a.mask.Err(err))
			}
			return fmt.Errorf("slack socket mode: %w", a.mask.Err(err))
		case evt := <-client.Events:
			a.onSocketEvent(runCtx, client, evt)
		}
	}
}

// onSocketEvent acknowledges each envelope as soon as it arrives, well
// inside Slack's 3 seconds, then hands it on to be answered.
func (a *Adapter) onSocketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.log.Debug("slack: connecting to Socket Mode")
	case socketmode.EventTypeConnected:
		if c, ok := evt.Data.(*socketmode.ConnectedEvent); ok {
			a.log.Info("slack: connected over Socket Mode", "connection", c.ConnectionCount+1)
		}
	case socketmode.EventTypeConnectionError:
		if e, ok := evt.Data.(*slackapi.ConnectionErrorEvent); ok {
			a.log.Warn("slack: Socket Mode connection failed; retrying", "attempt", e.Attempt, "backoff", e.Backoff, "err", a.mask.Err(e.ErrorObj))
		}
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("slack: Socket Mode problem; the connection carries on or reconnects", "type", string(evt.Type))
	case socketmode.EventTypeEventsAPI:
		if a.ack(ctx, client, evt) {
			if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
				a.onEvent(ev, "envelope:"+evt.Request.EnvelopeID)
			}
		}
	case socketmode.EventTypeSlashCommand:
		if a.ack(ctx, client, evt) {
			if cmd, ok := evt.Data.(slackapi.SlashCommand); ok {
				a.onCommand(cmd, "envelope:"+evt.Request.EnvelopeID)
			}
		}
	case socketmode.EventTypeInteractive:
		if a.ack(ctx, client, evt) {
			if cb, ok := evt.Data.(slackapi.InteractionCallback); ok {
				a.onInteraction(cb, "envelope:"+evt.Request.EnvelopeID)
			}
		}
	}
}

// ack acknowledges the envelope evt came in. It reports false when there
// is no envelope to acknowledge.
//
// The client queues acknowledgements for its connection, and while it is
// reconnecting nothing empties that queue, so waiting for room is bounded
// by ackTimeout and ends when ctx does: the event loop never stalls, and
// shutdown is never held up. An envelope whose acknowledgement is lost is
// sent again by Slack, and answered once.
func (a *Adapter) ack(ctx context.Context, client *socketmode.Client, evt socketmode.Event) bool {
	if evt.Request == nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
		a.log.Warn("slack: could not acknowledge an envelope; Slack will send it again", "err", a.mask.Err(err))
	}
	if evt.Request.RetryAttempt > 0 {
		a.log.Info("slack: envelope redelivered", "attempt", evt.Request.RetryAttempt, "reason", evt.Request.RetryReason)
	}
	return true
}
