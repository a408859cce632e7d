package bot

import "strings"

// crisisPhrases sound like someone in danger. They are matched word for
// word on the cleaned message, hyphens read as spaces ("self-harm").
// The asset file's safety.words are added to these.
var crisisPhrases = []string{
	"suicide", "suicidal", "kill myself", "killing myself", "end my life",
	"end it all", "want to die", "wanna die", "don't want to live",
	"dont want to live", "better off dead", "self harm", "selfharm",
	"self harming", "hurt myself", "hurting myself", "harm myself",
	"cutting myself", "overdose", "abuse", "abused", "abusing me",
	"hits me", "hitting me", "beats me", "domestic violence", "raped",
	"rape", "emergency", "in danger", "not safe at home",
}

// defaultSafetyMessage is used when the asset file has none.
const defaultSafetyMessage = "If you are in danger now, call 999. Samaritans: 116 123, any time, free."

// soundsLikeCrisis reports whether the message holds a crisis phrase.
func soundsLikeCrisis(ws []string, extra []string) bool {
	for _, list := range [][]string{crisisPhrases, extra} {
		for _, p := range list {
			if containsPhrase(ws, phraseWords(p)) {
				return true
			}
		}
	}
	return false
}

// phraseWords reads a phrase as the tokenizer would, so "self-harm" in an
// asset file matches "self harm" in a message.
func phraseWords(p string) string {
	return strings.Join(words(tokenize(p)), " ")
}

func safetyAnswer(s Safety) Answer {
	msg := s.Message
	if msg == "" {
		msg = defaultSafetyMessage
	}
	reply := msg + "\n\nYou don't have to go through this alone. When you feel ready, I can help you find a group or a place to go: just tell me what you're looking for."
	return Answer{Reply: reply, Intro: reply, Safety: true, Understood: Understood{Intent: "safety"}}
}

// Crisis reports whether text sounds like someone in danger and, if so,
// gives the safety answer. It searches nothing, remembers nothing and
// works before any list is loaded, so a front end can check a message it
// will not answer in full (one of a flood, say) and still never miss a cry
// for help.
func (b *Bot) Crisis(text string) (Answer, bool) {
	var safety Safety
	var extra []string
	if lib := b.lib.Load(); lib != nil {
		safety, extra = lib.cat.Safety, lib.vocab.safety
	}
	clean, ok := cleanText(text)
	if !ok || !soundsLikeCrisis(words(tokenize(clean)), extra) {
		return Answer{}, false
	}
	return safetyAnswer(safety), true
}
