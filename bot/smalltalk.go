package bot

import "strings"

// exampleQuestions are offered whenever someone needs a nudge.
var exampleQuestions = []string{
	"knitting near me",
	"toddler groups in Tipton tomorrow",
	"something free this weekend near B69",
}

// smallTalk is the intent of a whole message that is only a greeting, a
// thank-you, a request for help or for more results; "" otherwise.
func smallTalk(ws []string) string {
	msg := strings.Join(ws, " ")
	for intent, phrases := range map[string][]string{
		"greeting": {"hi", "hello", "hey", "hiya", "hi there", "hello there", "good morning", "good afternoon", "good evening", "morning", "afternoon", "evening", "start", "yo", "alright"},
		"help":     {"help", "help me", "help please", "what can you do", "how does this work", "how do i use this", "what do you do", "menu", "options", "commands"},
		"thanks":   {"thanks", "thank you", "thank you very much", "thanks a lot", "cheers", "ta", "thx", "great thanks", "ok thanks", "lovely thanks", "brilliant", "great", "ok", "okay", "bye", "goodbye"},
		"more":     {"more", "more please", "show more", "next", "any more", "anymore", "what else", "more results", "others", "next page"},
	} {
		for _, p := range phrases {
			if msg == p {
				return intent
			}
		}
	}
	return ""
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

func smallTalkAnswer(intent, area string) Answer {
	var reply string
	switch intent {
	case "greeting":
		reply = "Hello! I can tell you what's on around " + area + ": groups, clubs, cafés, libraries and more, with when and where. Ask me things like:" + examplesText()
	case "help":
		reply = "Tell me what you're looking for, and where and when if it matters. For example:" + examplesText() +
			"\nSay \"more\" to see more results. I understand free, cheap, wheelchair access, and ages like toddlers, teenagers or over 50s."
	case "thanks":
		reply = "You're welcome. Ask me any time you want to find something else."
	case "empty":
		reply = "I didn't catch a question there. Try something like:" + examplesText()
	case "unreadable":
		reply = "Sorry, I couldn't read that message. Please type your question in words, like:" + examplesText()
	}
	return Answer{Reply: reply, Intro: reply, Understood: Understood{Intent: intent}}
}
