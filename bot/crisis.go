package bot

import (
	"time"

	"signpost/bot/safety"
)

// defaultSafetyMessage is used when the asset file has none.
const defaultSafetyMessage = "If you are in danger now, call 999. Samaritans listen any time, day or night: call 116 123 (free), or text SHOUT to 85258."

// defaultSupport is the listening service offered beside an answer to
// someone who sounds distressed, when the asset file names none.
const defaultSupport = "If things feel too much, Samaritans listen any time, day or night: call 116 123 (free), or text SHOUT to 85258."

// keepTalking follows the safety message: the conversation is not over.
const keepTalking = "You don't have to go through this alone. You can keep talking to me here, and when you feel ready I can help you find a group or a place to go nearby: just tell me what you're looking for."

func safetyMessage(s Safety) string {
	if s.Message != "" {
		return s.Message
	}
	return defaultSafetyMessage
}

// safetyAnswer is the whole answer to a message that sounds like danger:
// the safety message, and that the person can keep talking.
func safetyAnswer(s Safety, now time.Time) Answer {
	reply := safetyMessage(s) + "\n\n" + keepTalking
	return Answer{Reply: reply, Intro: reply, Safety: safety.Urgent, Understood: Understood{Intent: IntentSafety}, At: now}
}

// withSupport begins ans with one gentle line naming a listening service,
// for a message that shows distress without danger.
func withSupport(ans Answer, s Safety) Answer {
	ans.Support = s.Support
	if ans.Support == "" {
		ans.Support = defaultSupport
	}
	ans.Safety = safety.Concern
	ans.Reply = ans.Support + "\n\n" + ans.Reply
	return ans
}

// Crisis reports whether text sounds like someone in danger and, if so,
// gives the safety answer. It searches nothing, remembers nothing and
// works before any list is loaded, so a front end can check a message it
// will not answer in full (one of a flood, say) and still never miss a cry
// for help.
func (b *Bot) Crisis(text string) (Answer, bool) {
	var s Safety
	check := defaultChecker
	if lib := b.lib.Load(); lib != nil {
		s, check = lib.cat.Safety, lib.safety
	}
	if check.Check(text) != safety.Urgent {
		return Answer{}, false
	}
	return safetyAnswer(s, b.cfg.Now()), true
}

// defaultChecker checks messages before any list, with its own words, is
// loaded.
var defaultChecker = safety.New(nil)

// SafetyMessage is what the area's list says to someone in danger: front
// ends show it in their help, so the crisis numbers are always a tap away.
func (b *Bot) SafetyMessage() string {
	if lib := b.lib.Load(); lib != nil {
		return safetyMessage(lib.cat.Safety)
	}
	return defaultSafetyMessage
}
