package telegram_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"signpost/adapters/telegram"
	"signpost/adapters/telegram/telegramtest"
	"signpost/bot"
)

func TestTooManyRequestsWaitsRetryAfter(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Fail("sendMessage", telegramtest.Fault{RetryAfter: 1})
	h.srv.Push(private(601, "quiz"))
	refused := h.reply(t, 601)
	sent := h.reply(t, 601)
	if gap := sent.At.Sub(refused.At); gap < time.Second {
		t.Errorf("retried %v after a 429 with retry_after 1; want at least 1 s", gap)
	}
	if sent.Text() != refused.Text() || !strings.Contains(sent.Text(), "Quiz Night") {
		t.Errorf("the retry should send the same answer: %q", sent.Text())
	}
}

func TestNetworkErrorsRetried(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Fail("sendMessage", telegramtest.Fault{Drop: true}, telegramtest.Fault{Drop: true})
	h.srv.Push(private(602, "quiz"))
	for range 3 {
		h.reply(t, 602)
	}
	h.srv.Push(private(602, "thanks"))
	if c := h.reply(t, 602); !strings.Contains(c.Text(), "You're welcome") {
		t.Errorf("the next message after the retries: %q", c.Text())
	}
}

func TestUnreadableResponseRetriedAndNotLogged(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Fail("sendMessage", telegramtest.Fault{Body: "<html>echo: Knit and Natter for chat 616</html>"})
	h.srv.Push(private(616, "knitting"))
	h.reply(t, 616)
	if c := h.reply(t, 616); !strings.Contains(c.Text(), "Knit and Natter") {
		t.Errorf("retry: %q", c.Text())
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "could not read Telegram's answer") || strings.Contains(logs, "echo") || strings.Contains(logs, "616") {
		t.Errorf("the log should say what failed without the body it could not read:\n%s", logs)
	}
}

func TestFinalFailureLoggedWithHashedChat(t *testing.T) {
	ids := bot.NewPseudonyms([]byte("test key"))
	h := start(t, telegram.Config{IDs: ids}, realBot(t, sample))
	h.srv.Fail("sendMessage", telegramtest.Fault{Code: 403, Description: "Forbidden: bot was blocked by the user"})
	h.srv.Push(private(603, "quiz"))
	h.reply(t, 603)
	h.srv.Push(private(604, "quiz"))
	h.reply(t, 604) // chat 603's failure is logged before its worker moves on
	h.stop(t)
	logs := h.logs.String()
	if !strings.Contains(logs, `msg="reply not sent" front_end=telegram chat=`+ids.Of("telegram:603")) || !strings.Contains(logs, "blocked by the user") {
		t.Errorf("the final failure should be logged with the chat's pseudonym:\n%s", logs)
	}
	if strings.Contains(logs, "603") || strings.Contains(logs, "quiz") || strings.Contains(logs, telegramtest.Token) {
		t.Errorf("the log holds the chat id, the message or the token:\n%s", logs)
	}
	if n := len(h.srv.Calls("sendMessage")); n != 2 {
		t.Errorf("%d sendMessage calls; a 403 is not worth retrying", n)
	}
}

func TestHTMLRefusedIsSentAsPlainText(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Fail("sendMessage", telegramtest.Fault{Code: 400, Description: "Bad Request: can't parse entities: unsupported start tag"})
	h.srv.Push(private(605, "quiz"))
	h.reply(t, 605)
	c := h.reply(t, 605)
	if c.Params["parse_mode"] != "" || strings.Contains(c.Text(), "<b>") || !strings.Contains(c.Text(), "Quiz Night, The Waggon and Horses\nToday") {
		t.Errorf("fallback should be the same words as plain text: %+v", c.Params)
	}
}

func TestDuplicateUpdateAnsweredOnce(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{}, core)
	u := private(606, "quiz")
	u.ID = 7001
	// Once confirmed, Telegram never polls an update out again (the fake
	// drops it too), so a repeat comes in the same batch, or after a
	// restart (see the webhook tests).
	h.srv.Push(u, u)
	h.reply(t, 606)
	next := private(606, "thanks")
	next.ID = 7002
	h.srv.Push(next)
	if c := h.reply(t, 606); !strings.Contains(c.Text(), "You're welcome") {
		t.Errorf("after the duplicates, the next reply should answer the next update: %q", c.Text())
	}
	if q := core.questions(); len(q) != 2 {
		t.Errorf("the core was asked %d times, want 2: %+v", len(q), q)
	}
}

func TestOneSlowChatDoesNotHoldUpOthers(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Fail("sendMessage", telegramtest.Fault{Chat: 607, RetryAfter: 2})
	h.srv.Push(private(607, "quiz"))
	if c := h.reply(t, 607); !strings.Contains(c.Text(), "Quiz") {
		t.Fatalf("first attempt: %q", c.Text())
	}
	h.srv.Push(private(608, "quiz"), private(609, "thanks"))
	got := map[int64]bool{}
	for range 2 {
		c := h.srv.Next(t, "sendMessage", wait)
		got[c.ChatID()] = true
	}
	if !got[608] || !got[609] {
		t.Errorf("other chats should be answered while chat 607 waits out its 429; got %v", got)
	}
	h.reply(t, 607)
}

// longFor answers "everything" with a long answer, in many messages, and
// anything else from the real bot.
type longFor struct{ *bot.Bot }

func (l longFor) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	if q.Text == "everything" {
		return longAnswer(60), nil
	}
	return l.Bot.Answer(ctx, q)
}

func TestSendsShareTheGlobalLimitFairly(t *testing.T) {
	// 20 a second, in bursts of 2.
	h := start(t, telegram.Config{Rate: 20}, longFor{realBot(t, sample)})
	h.srv.Push(private(620, "everything"))
	h.reply(t, 620)
	const others = 12
	for i := range others {
		h.srv.Push(private(int64(621+i), "thanks"))
	}
	var first, last time.Time
	long := 1
	for answered := 0; answered < others; {
		c := h.srv.Next(t, "sendMessage", wait)
		if c.ChatID() == 620 {
			long++
			continue
		}
		if answered == 0 {
			first = c.At
		}
		last = c.At
		answered++
	}
	if long > 4 { // a burst of 3, and at most one more a second
		t.Errorf("%d parts of one chat's long answer went before the other chats' short ones", long)
	}
	if span := last.Sub(first); span < 400*time.Millisecond {
		t.Errorf("%d messages in %v; at 20 a second, in bursts of 2, they take at least 500 ms", others, span)
	}
}

func TestIncomingRateLimit(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{ChatRate: 2}, core)
	h.srv.Push(private(610, "quiz"), private(610, "knitting"), private(610, "toddlers"), private(610, "cafes"), private(610, "I want to end my life"))
	var texts []string
	for range 4 {
		texts = append(texts, h.reply(t, 610).Text())
	}
	if !strings.Contains(texts[0], "Quiz") || !strings.Contains(texts[1], "Knit") {
		t.Errorf("the first two should be answered: %q", texts[:2])
	}
	if texts[2] != "You're sending messages faster than I can answer. Please wait a minute, then ask again." {
		t.Errorf("third reply %q, want the slow-down note", texts[2])
	}
	if !strings.Contains(texts[3], "116 123") {
		t.Errorf("a crisis over the rate must still get the safety message: %q", texts[3])
	}
	h.srv.Push(private(611, "thanks"))
	h.reply(t, 611)
	if n := len(h.srv.Calls("sendMessage")); n != 5 {
		t.Errorf("%d messages sent; over the rate only the note (once) and the safety message go", n)
	}
	for _, q := range core.questions() {
		if q.Text == "toddlers" || q.Text == "cafes" || q.Text == "I want to end my life" {
			t.Errorf("a message over the rate was searched for: %+v", q)
		}
	}
}

// panicky panics on "boom" and answers everything else from the real bot.
type panicky struct{ *bot.Bot }

func (p panicky) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	if q.Text == "boom" {
		panic("the secret question was boom")
	}
	return p.Bot.Answer(ctx, q)
}

func TestPanicApologisesAndCarriesOn(t *testing.T) {
	h := start(t, telegram.Config{}, panicky{realBot(t, sample)})
	h.srv.Push(private(612, "boom"), private(612, "quiz"))
	if c := h.reply(t, 612); c.Text() != "Sorry, something went wrong on my side. Please try again in a minute." {
		t.Errorf("after a panic: %q", c.Text())
	}
	if c := h.reply(t, 612); !strings.Contains(c.Text(), "Quiz Night") {
		t.Errorf("the next message should be answered: %q", c.Text())
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "panic answering a message") || !strings.Contains(logs, "panic(string)") || strings.Contains(logs, "boom") {
		t.Errorf("the panic should be logged without the message:\n%s", logs)
	}
}

// blocking holds every question until it is let go.
type blocking struct {
	*bot.Bot
	asked   chan string
	release chan struct{}
	once    sync.Once
}

func (b *blocking) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	b.asked <- q.Text
	<-b.release
	return b.Bot.Answer(ctx, q)
}

func (b *blocking) letGo() { b.once.Do(func() { close(b.release) }) }

func TestShutdownFinishesRepliesInFlight(t *testing.T) {
	core := &blocking{Bot: realBot(t, sample), asked: make(chan string, 10), release: make(chan struct{})}
	t.Cleanup(core.letGo)
	h := start(t, telegram.Config{}, core)
	h.srv.Push(private(613, "quiz"), private(614, "knitting"))
	for range 2 {
		select {
		case <-core.asked:
		case <-time.After(wait):
			t.Fatal("the questions never reached the core")
		}
	}
	h.cancel() // SIGTERM, in effect
	select {
	case <-h.done:
		t.Fatal("Run returned with replies in flight")
	case <-time.After(50 * time.Millisecond):
	}
	core.letGo()
	select {
	case err := <-h.done:
		h.done <- err
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("Run did not return once the replies were sent")
	}
	if n := len(h.srv.Calls("sendMessage")); n != 2 {
		t.Errorf("%d replies sent before Run returned, want both in flight", n)
	}
}

func TestShutdownGivesUpAfterGrace(t *testing.T) {
	core := &blocking{Bot: realBot(t, sample), asked: make(chan string, 10), release: make(chan struct{})}
	t.Cleanup(core.letGo)
	h := start(t, telegram.Config{ShutdownGrace: 100 * time.Millisecond}, core)
	ids := h.srv.Push(private(615, "quiz"), private(615, "knitting"))
	<-core.asked
	h.taken(t, ids[1])
	h.cancel()
	go func() {
		// Let the core go once the grace is over, as a slow answer would.
		<-time.After(300 * time.Millisecond)
		core.letGo()
	}()
	select {
	case err := <-h.done:
		h.done <- err
	case <-time.After(wait):
		t.Fatal("Run did not return after the grace")
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "stopping with replies unsent") || !strings.Contains(logs, `msg="reply not sent"`) || !strings.Contains(logs, `msg="message not answered: stopping"`) {
		t.Errorf("what was not sent should be logged:\n%s", logs)
	}
}

func TestShutdownDoesNotWaitForACoreThatIgnoresItsContext(t *testing.T) {
	core := &blocking{Bot: realBot(t, sample), asked: make(chan string, 10), release: make(chan struct{})}
	t.Cleanup(core.letGo)
	h := start(t, telegram.Config{ShutdownGrace: 100 * time.Millisecond}, core)
	h.srv.Push(private(617, "quiz"))
	<-core.asked
	h.cancel()
	select {
	case err := <-h.done:
		h.done <- err
	case <-time.After(wait):
		core.letGo()
		t.Fatal("Run waited for a core that never answers")
	}
	if logs := h.logs.String(); !strings.Contains(logs, "stopping with chats still waiting for the bot's answer") {
		t.Errorf("the chat left waiting should be logged:\n%s", logs)
	}
}

func TestEmptyAnswerGetsAnApology(t *testing.T) {
	h := start(t, telegram.Config{}, fixed{})
	h.srv.Push(private(618, "quiz"))
	if c := h.reply(t, 618); c.Text() != "Sorry, something went wrong on my side. Please try again in a minute." {
		t.Errorf("reply to an empty answer: %q", c.Text())
	}
}

func TestGroupAnswersOnlyCommandsAndMentions(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	const group = -100700
	mention := inGroup(group, 71, "@"+strings.ToUpper(telegramtest.Username)+" quiz")
	replyToBot := inGroup(group, 72, "thanks")
	replyToBot.Message.ReplyToMessage = &models.Message{ID: 1, Date: 1, Chat: models.Chat{ID: group}, From: &models.User{ID: telegramtest.BotID, IsBot: true}}
	sticker := inGroup(group, 73, "")
	sticker.Message.Sticker = &models.Sticker{FileID: "s"}
	h.srv.Push(
		inGroup(group, 70, "anyone know a knitting group?"),
		inGroup(group, 70, "/help@some_other_bot"),
		sticker,
		inGroup(group, 70, "email me at x@"+telegramtest.Username+"s.org"),
		mention,
		inGroup(group, 70, "/help"),
		inGroup(group, 70, "/start@"+telegramtest.Username),
		replyToBot,
	)
	c := h.reply(t, group)
	if !strings.Contains(c.Text(), "Quiz Night") {
		t.Errorf("first answer should be to the mention: %q", c.Text())
	}
	var rp struct {
		MessageID int `json:"message_id"`
	}
	if err := c.Decode("reply_parameters", &rp); err != nil || rp.MessageID != mention.Message.ID {
		t.Errorf("in a group an answer should reply to the question: %q", c.Params["reply_parameters"])
	}
	if c := h.reply(t, group); !strings.Contains(c.Text(), "/forget") {
		t.Errorf("second answer should be /help: %q", c.Text())
	}
	c = h.reply(t, group)
	if !strings.Contains(c.Text(), "start your message with @"+telegramtest.Username) || strings.Contains(c.Params["reply_markup"], "request_location") {
		t.Errorf("/start in a group: no location button (Telegram allows it in private chats only): %q %s", c.Text(), c.Params["reply_markup"])
	}
	if c := h.reply(t, group); !strings.Contains(c.Text(), "You're welcome") {
		t.Errorf("a reply to the bot should be answered: %q", c.Text())
	}
	h.srv.Push(inGroup(group, 70, "/more@"+telegramtest.Username))
	h.reply(t, group)
	if n := len(h.srv.Calls("sendMessage")); n != 5 {
		t.Errorf("%d messages sent to the group, want 5", n)
	}
}
