package telegram

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"signpost/bot"
)

// kind is what an incoming update asks of the adapter.
type kind int

const (
	kindText        kind = iota // a question
	kindCommand                 // /start, /help, /near, /forget, /more
	kindLocation                // a shared location
	kindButton                  // an inline button pressed
	kindUnsupported             // a sticker, photo, voice note...
	kindEdited                  // an edited message
	kindSlowDown                // tell the chat it is over its rate
	kindSafetyOnly              // over the rate: answer only a crisis
)

// incoming is one update, translated out of Telegram's form.
type incoming struct {
	update int64 // update_id; 0 for notes the adapter adds itself
	chatID int64
	group  bool
	kind   kind
	// text is the question, or a command's arguments.
	text    string
	command string
	near    *bot.Point
	// data is a pressed button's callback data.
	data string
	// what names an unsupported message's content ("stickers").
	what string
	// replyTo is the message to reply to, in groups, so it is clear whose
	// question an answer is for.
	replyTo int
}

// take is the client's handler for every update. It only sorts and
// queues: the chat's own goroutine does the answering, so one slow chat
// never holds up updates for the others.
func (a *Adapter) take(_ context.Context, _ *tgbot.Bot, u *models.Update) {
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("panic taking an update; carrying on", "update", u.ID, "panic", describePanic(p), "stack", string(debug.Stack()))
		}
	}()
	if !a.seen.add(u.ID) {
		a.log.Info("update already taken; not answered again", "update", u.ID)
		return
	}
	if u.CallbackQuery != nil {
		a.answerButton(u.CallbackQuery.ID)
	}
	in, ok := a.classify(u)
	if !ok {
		a.seen.done(u.ID)
		return
	}
	if !a.admit(in) {
		a.seen.done(u.ID)
	}
}

// classify translates an update, or reports that it needs nothing from
// the bot (a group message not for it, a service message).
func (a *Adapter) classify(u *models.Update) (incoming, bool) {
	me := a.self.Load()
	switch {
	case u.Message != nil:
		return classifyMessage(u.ID, u.Message, false, me)
	case u.EditedMessage != nil:
		return classifyMessage(u.ID, u.EditedMessage, true, me)
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		var chat *models.Chat
		switch {
		case q.Message.Message != nil:
			chat = &q.Message.Message.Chat
		case q.Message.InaccessibleMessage != nil:
			chat = &q.Message.InaccessibleMessage.Chat
		}
		if chat == nil {
			return incoming{}, false
		}
		return incoming{update: u.ID, chatID: chat.ID, group: isGroup(chat), kind: kindButton, data: q.Data}, true
	}
	return incoming{}, false
}

// classifyMessage sorts a message. In a group only commands, messages
// that mention the bot and replies to it are for the bot; in a private
// chat everything is.
func classifyMessage(update int64, m *models.Message, edited bool, me *identity) (incoming, bool) {
	if m.From != nil && m.From.IsBot {
		return incoming{}, false
	}
	in := incoming{update: update, chatID: m.Chat.ID, group: isGroup(&m.Chat)}
	if m.Chat.Type == models.ChatTypeChannel {
		return incoming{}, false
	}
	addressed := !in.group || (me != nil && m.ReplyToMessage != nil && m.ReplyToMessage.From != nil && m.ReplyToMessage.From.ID == me.id)
	if in.group {
		in.replyTo = m.ID
	}
	text := m.Text
	command := false
	if name, target, args, ok := parseCommand(text); ok {
		if in.group && target != "" && (me == nil || !strings.EqualFold(target, me.username)) {
			return incoming{}, false // for another bot in the group (usernames ignore case)
		}
		addressed, command = true, true
		in.command, text = name, args
	} else if me != nil {
		if rest, found := stripMention(text, me.username); found {
			addressed, text = true, rest
		}
	}
	if !addressed {
		return incoming{}, false
	}
	in.text = text
	switch {
	case edited:
		in.kind = kindEdited
	case command:
		in.kind = kindCommand
	case m.Location != nil:
		in.kind, in.near = kindLocation, &bot.Point{Lat: m.Location.Latitude, Lon: m.Location.Longitude}
	case m.Text != "":
		in.kind = kindText
	default:
		what := unsupported(m)
		if what == "" {
			return incoming{}, false // a service message: someone joined, the title changed...
		}
		in.kind, in.what = kindUnsupported, what
	}
	return in, true
}

// unsupported names what a message holds that the bot cannot read, or ""
// for a service message.
func unsupported(m *models.Message) string {
	switch {
	case m.Sticker != nil:
		return "stickers"
	case len(m.Photo) > 0:
		return "photos"
	case m.Voice != nil, m.Audio != nil:
		return "voice messages"
	case m.Video != nil, m.VideoNote != nil, m.Animation != nil:
		return "videos"
	case m.Document != nil:
		return "files"
	case m.Contact != nil, m.Poll != nil, m.Dice != nil, m.Game != nil, m.Story != nil:
		return "messages like that"
	}
	return ""
}

func isGroup(c *models.Chat) bool {
	return c.Type == models.ChatTypeGroup || c.Type == models.ChatTypeSupergroup
}

// admit queues in for its chat if the chat is within its rate. The first
// message over the rate is answered with a note to slow down; questions
// over it are still checked for a crisis, so nobody in danger goes
// unanswered. It reports whether in was queued.
func (a *Adapter) admit(in incoming) bool {
	cs := a.chats
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c := cs.get(in.chatID, in.group, a.cfg.IDs.Of)
	if c.inbound.Allow() {
		c.warned = false
		cs.push(c, in, a.serveChat)
		return true
	}
	queued := false
	if in.kind == kindText {
		in.kind = kindSafetyOnly
		cs.push(c, in, a.serveChat)
		queued = true
	}
	if !c.warned {
		c.warned = true
		a.log.Info("chat over its message rate; asked to slow down", "chat", c.pseudo)
		cs.push(c, incoming{chatID: in.chatID, group: in.group, kind: kindSlowDown, replyTo: in.replyTo}, a.serveChat)
	}
	return queued
}

// serveChat answers c's messages in order until its queue is empty.
func (a *Adapter) serveChat(c *chat) {
	defer a.chats.wg.Done()
	for {
		in, ok := a.chats.pop(c)
		if !ok {
			return
		}
		if a.work.Err() != nil {
			// Past the shutdown grace: left for Telegram to deliver again.
			a.log.Warn("message not answered: stopping", "chat", c.pseudo, "update", in.update)
			continue
		}
		a.answer(c, in)
		if in.update != 0 {
			a.seen.done(in.update)
		}
	}
}

// answer works out and sends the replies to in. A panic while sending
// (in the client, say) is logged and the chat carries on, as one while
// working out the replies is.
func (a *Adapter) answer(c *chat, in incoming) {
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("panic sending a reply; carrying on", "chat", c.pseudo, "panic", describePanic(p), "stack", string(debug.Stack()))
		}
	}()
	for _, r := range a.replies(c, in) {
		a.deliver(c, r, in.replyTo)
	}
}

// replies works out what to send for in. A panic anywhere in it is
// logged and answered with an apology; the chat carries on.
func (a *Adapter) replies(c *chat, in incoming) (out []reply) {
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("panic answering a message; apologised", "chat", c.pseudo, "panic", describePanic(p), "stack", string(debug.Stack()))
			out = []reply{plainReply(apology)}
		}
	}()
	return a.respond(c, in)
}

// describePanic says what a panic was without risking message text in
// the log: a runtime error's own words, or only the panic value's type.
func describePanic(p any) string {
	if err, ok := p.(runtime.Error); ok {
		return err.Error()
	}
	return fmt.Sprintf("panic(%T)", p)
}
