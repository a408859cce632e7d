package slack

import (
	"context"
	"fmt"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// TestAckNeverHoldsUpShutdown: while the client reconnects nothing sends
// the acknowledgements it queues, so once its queue is full a plain Ack
// waits for ever. Told to stop then, the event loop must still get
// through every envelope at once, so Run can return.
func TestAckNeverHoldsUpShutdown(t *testing.T) {
	a, err := New(Config{BotToken: "xoxb-1", AppToken: "xapp-1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := socketmode.New(a.api) // never run: nothing empties its queue
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for n := range 100 {
			a.onSocketEvent(ctx, client, socketmode.Event{
				Type:    socketmode.EventTypeInteractive,
				Data:    slackapi.InteractionCallback{},
				Request: &socketmode.Request{EnvelopeID: fmt.Sprint("env-", n)},
			})
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("acknowledging stalled the event loop, so Run could not stop")
	}
}
