package slack_test

import (
	"strings"
	"testing"

	slackapi "github.com/slack-go/slack"

	"signpost/adapters/slack"
)

// A message that shows distress without danger gets the area's support
// line at the top of the answer, and in the notification.
func TestSupportLineAtTheTop(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(eventEnvelope("env-1", "Ev1", 0, directMessage("I feel so low and lonely", "1764000000.000100")))
	p := h.slack.nextPost()
	const support = "If things feel too much, Samaritans listen any time: call 116 123 (free), or text SHOUT to 85258."
	first, ok := p.blocks.BlockSet[0].(*slackapi.SectionBlock)
	if !ok || first.Text.Text != support {
		t.Errorf("first block %+v, want the support line", p.blocks.BlockSet[0])
	}
	if !strings.HasPrefix(p.text, support) {
		t.Errorf("notification text %q does not begin with the support line", p.text)
	}
	p.has(t, "*Friday Coffee Morning* at Bean There")
	h.shutdown()
	h.logClean("lonely")
}
