package telegram

import (
	"context"
	"runtime/debug"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"signpost/bot"
	"signpost/bot/safety"
)

// respond is the conversation: what to send back for one incoming
// message.
func (a *Adapter) respond(c *chat, in incoming) []reply {
	switch in.kind {
	case kindCommand:
		return a.command(c, in)
	case kindText:
		return a.ask(c, in.text, nil)
	case kindLocation:
		return a.ask(c, "", in.near)
	case kindButton:
		return a.button(c, in.data)
	case kindUnsupported:
		return []reply{plainReply("Sorry, I can't read " + in.what + ". Please type your question, like \"" + bot.Examples()[0] + "\", or share your location.")}
	case kindEdited:
		return []reply{plainReply(editedNote)}
	case kindSlowDown:
		return []reply{plainReply(slowDownNote)}
	case kindSafetyOnly:
		return a.safetyOnly(in.text)
	}
	return nil
}

// command answers /start, /help, /near, /forget and /more.
func (a *Adapter) command(c *chat, in incoming) []reply {
	switch in.command {
	case "start":
		return []reply{a.welcome(c.group)}
	case "help":
		return []reply{htmlReply(helpText(a.core.SafetyMessage()), nil)}
	case "near":
		if in.text != "" {
			return a.ask(c, "near "+in.text, nil)
		}
		if c.group {
			return []reply{plainReply(nearInGroup)}
		}
		return []reply{htmlReply(nearText, locationKeyboard)}
	case "forget":
		a.core.Forget(conversation(c.id))
		return []reply{plainReply(forgotten)}
	case "more":
		return a.ask(c, "more", nil)
	}
	return []reply{plainReply("Sorry, I don't know the command /" + in.command + ". Type /help to see what I can do.")}
}

// ask puts a question to the core and formats its answer.
func (a *Adapter) ask(c *chat, text string, near *bot.Point) []reply {
	now := a.cfg.Now()
	ans, err := a.core.Answer(a.work, bot.Question{Text: text, From: conversation(c.id), Near: near, At: now, Channel: "telegram"})
	if err != nil {
		// No chat id here: the error may quote the question.
		a.log.Error("the bot could not answer; it apologised", "err", err)
	}
	if ans.Safety == safety.Urgent {
		return []reply{{plain: ans.Reply, urgent: true}}
	}
	out := a.format(ans)
	if len(out) == 0 {
		// Never leave a question unanswered, even if the core has nothing
		// to say.
		a.log.Error("the bot gave an empty answer; apologised", "chat", c.pseudo)
		return []reply{plainReply(apology)}
	}
	return out
}

// safetyOnly answers a message over the chat's rate only if it sounds
// like a crisis. Nothing is searched, so a flood costs little, and the
// person's "more" and location are left as they were.
func (a *Adapter) safetyOnly(text string) []reply {
	ans, ok := a.core.Crisis(text)
	if !ok {
		return nil
	}
	return []reply{{plain: ans.Reply, urgent: true}}
}

// button answers a pressed inline button: More, a choice, or a result's
// Map. A choice is answered as if its question had been typed.
func (a *Adapter) button(c *chat, data string) []reply {
	b, ok := parseButton(data)
	switch {
	case !ok:
		return []reply{plainReply(expiredButton)}
	case b.more:
		return a.ask(c, "more", nil)
	}
	value, ok := a.keys.resolve(b.key)
	if !ok {
		return []reply{plainReply(expiredButton)}
	}
	if b.kind == choiceButton {
		return a.ask(c, value, nil)
	}
	asset, ok := a.core.Asset(value)
	if !ok {
		return []reply{plainReply("Sorry, that place is no longer on my list. Ask me again to see what's on now.")}
	}
	address := address(asset)
	if asset.Point == nil {
		return []reply{htmlReply("I don't have a map position for <b>"+escape(asset.Name)+"</b>. The address is: "+escape(address), nil)}
	}
	return []reply{{venue: &venue{title: asset.Name, address: address, lat: asset.Point.Lat, lon: asset.Point.Lon}}}
}

// address is where an asset is, for a venue message, which must have one.
func address(a *bot.Asset) string {
	var parts []string
	for _, p := range []string{a.Address, a.Postcode} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return a.Name
	}
	return strings.Join(parts, ", ")
}

// welcome is the answer to /start.
func (a *Adapter) welcome(group bool) reply {
	var b strings.Builder
	b.WriteString("<b>Hello! I'm Signpost.</b>\nI can tell you what's on near you: groups, clubs, cafés, libraries and more, with when and where.\n\nJust ask in your own words, for example:")
	for _, q := range bot.Examples() {
		b.WriteString("\n• " + escape(q))
	}
	if group {
		b.WriteString("\n\nIn this group, start your message with @" + escape(a.username()) + " or use a command, and I'll answer.")
	} else {
		b.WriteString("\n\nTap <b>" + shareLocation + "</b> below and I'll find things near you.")
	}
	b.WriteString("\n\n<i>Privacy: I keep a location you share for " + escape(humanDuration(a.cfg.LocationTTL)) + ", in memory only, to answer you. /forget clears it.</i>")
	var markup any
	if !group {
		markup = locationKeyboard
	}
	return htmlReply(b.String(), markup)
}

func (a *Adapter) username() string {
	if me := a.self.Load(); me != nil {
		return me.username
	}
	return "me"
}

// shareLocation is the reply-keyboard button that sends the phone's
// location; Telegram offers it in private chats only.
const shareLocation = "📍 Share my location"

var locationKeyboard = &models.ReplyKeyboardMarkup{
	Keyboard:              [][]models.KeyboardButton{{{Text: shareLocation, RequestLocation: true}}},
	ResizeKeyboard:        true,
	InputFieldPlaceholder: "Ask me what's on…",
}

// answerButton stops the spinner on a pressed button. It runs on its own,
// so the press is acknowledged at once even while the chat waits its turn
// to be answered.
func (a *Adapter) answerButton(id string) {
	a.buttonAcks.Add(1)
	go func() {
		defer a.buttonAcks.Done()
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("panic answering a button press; carrying on", "panic", describePanic(p), "stack", string(debug.Stack()))
			}
		}()
		err := a.call(a.work, "answerCallbackQuery", func(ctx context.Context) error {
			_, err := a.api.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: id})
			return err
		})
		if err != nil {
			a.log.Warn("could not answer a button press", "err", a.clean(err))
		}
	}()
}
