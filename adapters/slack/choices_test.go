package slack_test

import (
	"strings"
	"testing"

	slackapi "github.com/slack-go/slack"

	"signpost/adapters/slack"
)

// choices are the choice buttons of a message: action id, label and value.
func (p posted) choices() [][3]string {
	var out [][3]string
	for _, b := range p.blocks.BlockSet {
		if ab, ok := b.(*slackapi.ActionBlock); ok {
			for _, el := range ab.Elements.ElementSet {
				if btn, ok := el.(*slackapi.ButtonBlockElement); ok && strings.HasPrefix(btn.ActionID, "signpost_choice") {
					out = append(out, [3]string{btn.ActionID, btn.Text.Text, btn.Value})
				}
			}
		}
	}
	return out
}

// inThread is a press of a button on a message the bot posted for
// everyone in channel, in thread ("" for none).
func inThread(actionID, value, channel, thread, responseURL string) map[string]any {
	p := buttonPayload(actionID, value, responseURL, false)
	p["channel"] = map[string]any{"id": channel}
	p["container"] = map[string]any{"type": "message", "channel_id": channel, "is_ephemeral": false, "message_ts": "1764000000.000900", "thread_ts": thread}
	return p
}

// When the bot asks which need was meant, each is a button whose value
// is its question; a click on a private answer is answered privately,
// as the question typed would be.
func TestChoiceButtonsAnswerPrivately(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "struggling", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	p.has(t, "Are you after help with money, or wellbeing and mental health?")
	want := [][3]string{{"signpost_choice_1", "Help with money", "money advice"}, {"signpost_choice_2", "Wellbeing and mental health", "mental health"}}
	if got := p.choices(); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("choices %v, want %v", got, want)
	}
	if strings.Contains(p.all(), "Type a number") || p.buttonValue("signpost_share") != "" {
		t.Errorf("a question back should show only its choices:\n%s", p.all())
	}

	sock.send(buttonEnvelope("env-2", buttonPayload("signpost_choice_1", "money advice", h.slack.responseURL(2), true)))
	picked := h.slack.nextPost()
	if picked.via != "response_url" || picked.channel != "/respond/2" || picked.responseType != "ephemeral" {
		t.Errorf("the choice was answered via %s %s (%s), want privately", picked.via, picked.channel, picked.responseType)
	}
	sock.send(commandEnvelope("env-3", "money advice", h.slack.responseURL(3)))
	typed := h.slack.nextPost()
	picked.has(t, "Here's what I found for money advice", "*Money Advice Drop-in* at Oldbury Community Centre", "[More]", "[Share in channel]")
	if picked.all() != typed.all() {
		t.Errorf("the click answered\n%s\nbut typing it answered\n%s", picked.all(), typed.all())
	}
	h.shutdown()
	h.logClean("money advice", "struggling")
}

// A click on an answer everyone can see is answered where that answer
// is: in its thread, or in the DM.
func TestChoiceButtonsAnswerInTheThreadOrDM(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(eventEnvelope("env-1", "Ev1", 0, mention("<@U0BOT> swimming", "1764000000.000100", "")))
	p := h.slack.nextPost()
	p.has(t, "Sorry, I couldn't find anything for swimming", "Here's what there is around here instead:")
	got := p.choices()
	if len(got) == 0 || got[0] != [3]string{"signpost_choice_1", "Welcome groups and coffee mornings (27)", "new to the area"} {
		t.Fatalf("choices %v", got)
	}
	sock.send(buttonEnvelope("env-2", inThread(got[0][0], got[0][2], "C0HUB", p.thread, h.slack.responseURL(2))))
	picked := h.slack.nextPost()
	if picked.via != "chat.postMessage" || picked.channel != "C0HUB" || picked.thread != "1764000000.000100" {
		t.Errorf("the choice was answered via %s in %s thread %q, want the mention's thread", picked.via, picked.channel, picked.thread)
	}
	picked.has(t, "Here are some things for settling in somewhere new")

	sock.send(eventEnvelope("env-3", "Ev3", 0, directMessage("struggling", "1764000000.000200")))
	dm := h.slack.nextPost()
	sock.send(buttonEnvelope("env-4", inThread("signpost_choice_2", dm.choices()[1][2], "D0DM", "", h.slack.responseURL(4))))
	picked = h.slack.nextPost()
	if picked.via != "chat.postMessage" || picked.channel != "D0DM" || picked.thread != "" {
		t.Errorf("the choice was answered via %s in %s thread %q, want straight into the DM", picked.via, picked.channel, picked.thread)
	}
	picked.has(t, "Here's what I found for mental health")
}

// After an answer of choices, the bot has forgotten the results before
// it, so More on an older answer says there is a newer one.
func TestMoreAfterChoicesSaysThereIsANewerAnswer(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "knitting near B69", h.slack.responseURL(1)))
	knitting := h.slack.nextPost()
	sock.send(commandEnvelope("env-2", "swimming", h.slack.responseURL(2)))
	h.slack.nextPost().has(t, "Sorry, I couldn't find anything for swimming")
	sock.send(buttonEnvelope("env-3", buttonPayload("signpost_more", knitting.buttonValue("signpost_more"), h.slack.responseURL(3), true)))
	h.slack.nextPost().has(t, "There's a newer answer since this one")
}
