package bot

import "strings"

// exampleQuestions are offered whenever someone needs a nudge.
var exampleQuestions = []string{
	"knitting near me",
	"toddler groups in Tipton tomorrow",
	"something free this weekend near B69",
}

// Examples are questions a front end can offer people who are new, so
// every front end suggests the same ones.
func Examples() []string { return append([]string(nil), exampleQuestions...) }

func examplesText() string {
	var b strings.Builder
	for _, q := range exampleQuestions {
		b.WriteString("\n • " + q)
	}
	return b.String()
}

// smallTalkAnswer replies to a message that asks for no search. Help
// always ends with the crisis numbers.
func smallTalkAnswer(intent Intent, area string, s Safety) Answer {
	var reply string
	switch intent {
	case IntentGreeting:
		reply = "Hello! I can tell you what's on around " + area + ": groups, clubs, cafés, libraries and more, with when and where. Ask me things like:" + examplesText()
	case IntentHelp:
		reply = "Tell me what you're looking for, and where and when if it matters. You can also just tell me what's going on, like \"I've just moved here\" or \"I look after my mum\". For example:" + examplesText() +
			"\nSay \"more\" to see more results. I understand free, cheap, wheelchair access, and ages like toddlers, teenagers or over 50s." +
			"\n\n" + safetyMessage(s)
	case IntentThanks:
		reply = "You're welcome. Ask me any time you want to find something else."
	case IntentEmpty:
		reply = "I didn't catch a question there. Try something like:" + examplesText()
	case IntentUnreadable:
		reply = "Sorry, I couldn't read that message. Please type your question in words, like:" + examplesText()
	}
	return Answer{Reply: reply, Intro: reply, Understood: Understood{Intent: intent}}
}
