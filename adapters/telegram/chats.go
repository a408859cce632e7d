package telegram

import (
	"context"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// chats keeps one queue per chat, each served by its own goroutine while it
// has work, so a slow or failing chat only ever holds up itself. A chat's
// messages are answered in the order they came.
type chats struct {
	mu        sync.Mutex
	m         map[int64]*chat
	perMinute int
	// lookups counts chats looked up, to sweep idle ones now and then.
	lookups int
	// wg counts the chats being served.
	wg sync.WaitGroup
}

// chat is one Telegram chat: a person, or a group.
type chat struct {
	id     int64
	group  bool
	pseudo string // the chat's keyed hash, for the log

	// Guarded by chats.mu.
	queue   []incoming
	running bool
	idle    time.Time
	inbound *rate.Limiter // messages the chat may send us
	warned  bool          // told to slow down since it was last within its rate

	// out and groupOut pace what we send the chat; used by its worker only.
	out, groupOut *rate.Limiter
}

// Telegram's limits for one chat: about one message a second with short
// bursts, and for a group 20 a minute. A token bucket with burst b and
// rate r lets through up to b + r×60 in a minute, so groups get 15 a
// minute with bursts of 5.
const (
	chatBurst       = 3
	groupBurst      = 5
	groupEvery      = 4 * time.Second
	idleChatExpires = 2 * time.Minute
	sweepEvery      = 1024
)

func newChats(perMinute int) *chats {
	return &chats{m: map[int64]*chat{}, perMinute: perMinute}
}

// get returns the chat with id, made if new; cs.mu is held.
func (cs *chats) get(id int64, group bool, pseudonym func(string) string) *chat {
	cs.lookups++
	if cs.lookups%sweepEvery == 0 {
		cs.sweep(time.Now())
	}
	if c, ok := cs.m[id]; ok {
		return c
	}
	c := &chat{
		id:      id,
		group:   group,
		pseudo:  pseudonym(conversation(id)),
		inbound: rate.NewLimiter(rate.Limit(float64(cs.perMinute)/60), cs.perMinute),
		out:     rate.NewLimiter(1, chatBurst),
	}
	if group {
		c.groupOut = rate.NewLimiter(rate.Every(groupEvery), groupBurst)
	}
	cs.m[id] = c
	return c
}

// sweep forgets chats idle long enough that their limits have refilled,
// so memory follows recent use; cs.mu is held.
func (cs *chats) sweep(now time.Time) {
	for id, c := range cs.m {
		if !c.running && len(c.queue) == 0 && now.Sub(c.idle) > idleChatExpires {
			delete(cs.m, id)
		}
	}
}

// push queues in for c and starts serving c if it is not being served;
// cs.mu is held.
func (cs *chats) push(c *chat, in incoming, serve func(*chat)) {
	c.queue = append(c.queue, in)
	if !c.running {
		c.running = true
		cs.wg.Add(1)
		go serve(c)
	}
}

// pop takes the next message of c, or reports that c has none left, in
// which case its goroutine must end.
func (cs *chats) pop(c *chat) (incoming, bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if len(c.queue) == 0 {
		c.running = false
		c.idle = time.Now()
		c.queue = nil
		return incoming{}, false
	}
	in := c.queue[0]
	c.queue = c.queue[1:]
	return in, true
}

// waitTurn waits until a message may go to c under the chat's, the
// group's and the bot's limits. Waiting on the global limit last, one
// message per chat at a time, takes chats in turn: a chat with many
// replies waiting queues behind every other chat's next one.
func (c *chat) waitTurn(ctx context.Context, global *rate.Limiter) error {
	if err := c.out.Wait(ctx); err != nil {
		return err
	}
	if c.groupOut != nil {
		if err := c.groupOut.Wait(ctx); err != nil {
			return err
		}
	}
	return global.Wait(ctx)
}

// conversation is the id the core remembers a chat by.
func conversation(chatID int64) string {
	return "telegram:" + strconv.FormatInt(chatID, 10)
}
