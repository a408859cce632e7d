package slack

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"

	slackapi "github.com/slack-go/slack"

	"signpost/bot"
)

// place is where a reply goes.
type place struct {
	channel string
	// thread, if set, is the thread to reply in.
	thread string
	// ephemeral replies are seen only by user, sent through responseURL
	// (Slack's address for answering a command or a button) when there is
	// one, else with chat.postEphemeral.
	ephemeral   bool
	user        string
	responseURL string
}

// shown is an answer the More and Share buttons refer to.
type shown struct {
	// conv is the bot conversation "more" continues; empty for lists.
	conv string
	// origin is the id of the bot's answer this one shows part of. The
	// bot's "more" follows on from a person's latest answer only, so More
	// asks the bot only while origin is still that answer.
	origin string
	// blocks are the message without its buttons, for Share.
	blocks []slackapi.Block
	// rest are the items that did not fit; botMore is whether the bot
	// has more after them.
	rest     [][]slackapi.Block
	perPage  int
	botMore  bool
	fallback string
	// channel and thread are where a visible answer was posted, so More
	// continues there.
	channel, thread string
}

// conversation is the bot's id for one person in one workspace, so "more"
// and the More button continue that person's results.
func conversation(team, user string) string { return "slack:" + team + ":" + user }

// handle carries out one command: a question, help, gaps or stale.
func (a *Adapter) handle(ctx context.Context, cmd command, conv string, to place, via string) {
	now := a.now()
	switch cmd.kind {
	case showHelp:
		a.deliver(ctx, to, helpContent(a.bot.SafetyMessage()), conv, "", via)
	case showGaps:
		c, err := gapsContent(a.cfg.Gaps, now)
		if err != nil {
			a.log.Error("slack: gaps", "err", err)
		}
		a.deliver(ctx, to, c, "", "", via)
	case showStale:
		a.deliver(ctx, to, staleContent(a.bot, now), "", "", via)
	default:
		a.ask(ctx, cmd.question, conv, to, via)
	}
}

// ask puts a question to the bot and sends its answer. The log holds the
// person's pseudonym and how it went, never the question.
//
// An answer with results or choices replaces what the bot's "more"
// follows on from (the bot forgets the last results when it offers
// choices), so it becomes the person's latest.
func (a *Adapter) ask(ctx context.Context, text, conv string, to place, via string) {
	ans, err := a.bot.Answer(ctx, bot.Question{Text: text, From: conv, At: a.now(), Channel: "slack"})
	if err != nil {
		// The bot's answer already says sorry; its error is for the operator.
		a.log.Error("slack: the bot could not answer", "err", err)
	}
	c := answerContent(ans)
	id, blocks := a.keep(to, c, conv, "")
	if len(ans.Results) > 0 || len(ans.Choices) > 0 {
		a.latest.Put(conv, id)
	}
	a.send(ctx, to, c.fallback, blocks, conv, via)
	a.log.Info("slack: answered", "from", a.cfg.IDs.Of(conv), "via", via, "results", len(ans.Results), "more", ans.More)
}

// deliver sends the first page of c to, keeping what its buttons need.
// conv is the bot conversation More continues, and origin the answer c is
// part of ("" when c is a fresh answer).
func (a *Adapter) deliver(ctx context.Context, to place, c content, conv, origin, via string) {
	_, blocks := a.keep(to, c, conv, origin)
	a.send(ctx, to, c.fallback, blocks, conv, via)
}

// keep lays out the first page of c, with its choices' buttons, More when
// there is more and Share when the reply is private, and keeps what More
// and Share need under the id they carry: "" when there are neither.
// Share posts the answer without any buttons.
func (a *Adapter) keep(to place, c content, conv, origin string) (id string, blocks []slackapi.Block) {
	blocks, rest := layout(c)
	page := blocks[:len(blocks):len(blocks)]
	if choices := choiceButtons(c.choices); choices != nil {
		blocks = append(page, choices)
	}
	more := len(rest) > 0 || c.botMore
	share := to.ephemeral && c.shareable
	if !more && !share {
		return "", blocks
	}
	id = newID()
	if origin == "" {
		origin = id
	}
	a.answers.Add(id, &shown{conv: conv, origin: origin, blocks: page, rest: rest, perPage: c.perPage, botMore: c.botMore, fallback: c.fallback, channel: to.channel, thread: to.thread})
	return id, append(blocks[:len(blocks):len(blocks)], buttons(id, more, share))
}

// say sends a short message of plain words, with no buttons.
func (a *Adapter) say(ctx context.Context, to place, msg, via string) {
	a.deliver(ctx, to, content{intro: msg, fallback: msg}, "", "", via)
}

// send posts one message, and logs it if that fails.
func (a *Adapter) send(ctx context.Context, to place, fallback string, blocks []slackapi.Block, conv, via string) {
	if err := a.post(ctx, to, fallback, blocks); err != nil {
		a.log.Error("slack: could not send the reply", "from", a.cfg.IDs.Of(conv), "via", via, "err", a.mask.Err(err))
	}
}

// post posts one message: in a channel or thread, or privately through
// the response URL with chat.postEphemeral to fall back on.
func (a *Adapter) post(ctx context.Context, to place, fallback string, blocks []slackapi.Block) error {
	opts := message(fallback, blocks)
	if !to.ephemeral {
		if to.thread != "" {
			opts = append(opts, slackapi.MsgOptionTS(to.thread))
		}
		_, _, err := a.api.PostMessageContext(ctx, to.channel, opts...)
		return err
	}
	if to.responseURL != "" {
		_, _, err := a.api.PostMessageContext(ctx, to.channel, append(opts, slackapi.MsgOptionResponseURL(to.responseURL, slackapi.ResponseTypeEphemeral))...)
		if err == nil {
			return nil
		}
		a.log.Warn("slack: response_url failed, trying chat.postEphemeral", "err", a.mask.Err(err))
	}
	_, err := a.api.PostEphemeralContext(ctx, to.channel, to.user, opts...)
	return err
}

// message is a message's options: blocks, and plain text of fallback for
// notifications, with no link previews.
func message(fallback string, blocks []slackapi.Block) []slackapi.MsgOption {
	return []slackapi.MsgOption{
		slackapi.MsgOptionText(clip(escape(fallback), maxTextLen), false),
		slackapi.MsgOptionBlocks(blocks...),
		slackapi.MsgOptionDisableLinkUnfurl(),
	}
}

// press answers a button: More shows the next page, Share posts the
// answer for the whole channel to see, and a choice asks its question as
// if the person who pressed it had typed it, privately when the answer
// was private, else in the thread or DM it was in.
func (a *Adapter) press(ctx context.Context, cb slackapi.InteractionCallback, pressed action) {
	channel := cb.Container.ChannelID
	if channel == "" {
		channel = cb.Channel.ID
	}
	private := place{channel: channel, ephemeral: true, user: cb.User.ID, responseURL: cb.ResponseURL}
	if pressed.kind == pressChoice {
		to := private
		if !cb.Container.IsEphemeral {
			to = place{channel: channel, thread: cmp.Or(cb.Container.ThreadTs, cb.Message.ThreadTimestamp)}
		}
		a.ask(ctx, pressed.ask, conversation(cb.Team.ID, cb.User.ID), to, "choice")
		return
	}
	rec, ok := a.answers.Get(pressed.id)
	if !ok {
		a.say(ctx, private, "That answer has expired (I keep answers for a day, and forget them when I restart). Please ask again.", "button")
		return
	}
	if pressed.kind == pressShare {
		a.share(ctx, cb, channel, rec)
		return
	}
	to := private
	if !cb.Container.IsEphemeral && rec.channel != "" {
		to = place{channel: rec.channel, thread: rec.thread}
	}
	switch {
	case len(rec.rest) > 0:
		a.deliver(ctx, to, content{items: rec.rest, perPage: rec.perPage, botMore: rec.botMore, shareable: true, fallback: rec.fallback}, rec.conv, rec.origin, "more")
	case rec.botMore && a.isLatest(rec):
		a.ask(ctx, "more", rec.conv, to, "more")
	case rec.botMore:
		a.say(ctx, private, "There's a newer answer since this one, so More here would show the wrong results. Press More on the newest answer, or ask this question again.", "more")
	default:
		a.say(ctx, private, "That's everything for that answer.", "more")
	}
}

// share posts rec where the button was pressed, for everyone there. The
// response URL works in any channel; posting directly needs the bot to be
// a member, so if both fail the person is told how to fix it.
func (a *Adapter) share(ctx context.Context, cb slackapi.InteractionCallback, channel string, rec *shown) {
	opts := message(rec.fallback, append(rec.blocks[:len(rec.blocks):len(rec.blocks)], sharedBy(cb.User.ID)))
	err := errors.New("no response URL")
	if cb.ResponseURL != "" {
		_, _, err = a.api.PostMessageContext(ctx, channel, append(opts, slackapi.MsgOptionResponseURL(cb.ResponseURL, slackapi.ResponseTypeInChannel))...)
	}
	if err != nil {
		_, _, err = a.api.PostMessageContext(ctx, channel, opts...)
	}
	if err == nil {
		a.log.Info("slack: shared an answer", "from", a.cfg.IDs.Of(conversation(cb.Team.ID, cb.User.ID)))
		return
	}
	a.log.Warn("slack: could not share", "from", a.cfg.IDs.Of(conversation(cb.Team.ID, cb.User.ID)), "err", a.mask.Err(err))
	a.say(ctx, place{channel: channel, ephemeral: true, user: cb.User.ID, responseURL: cb.ResponseURL}, "I couldn't share that here. Add me to this channel (type /invite @Signpost), then press Share again.", "share")
}

// isLatest reports whether rec is part of the answer the bot's "more"
// follows on from for its conversation.
func (a *Adapter) isLatest(rec *shown) bool {
	latest, ok := a.latest.Get(rec.conv)
	return ok && latest == rec.origin
}

// newID is a fresh answer id for the buttons: 16 hex digits.
func newID() string {
	b := make([]byte, answerIDLen/2)
	rand.Read(b)
	return hex.EncodeToString(b)
}
