package slack

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// tokenKinds names Slack's token prefixes, so a person who pasted the
// wrong token is told which one they pasted without it being printed.
var tokenKinds = []struct{ prefix, name string }{
	{"xoxb-", "a bot token (xoxb-)"},
	{"xapp-", "an app-level token (xapp-)"},
	{"xoxp-", "a user token (xoxp-)"},
	{"xoxe", "a refresh or configuration token (xoxe)"},
	{"xoxa-", "a workspace app token (xoxa-)"},
}

// describeToken says what kind of token s looks like, never showing it.
func describeToken(s string) string {
	for _, k := range tokenKinds {
		if strings.HasPrefix(s, k.prefix) {
			return k.name
		}
	}
	return "not a Slack token"
}

// checkConfig says what is wrong with the tokens and secret, in words an
// operator can act on, without ever including them.
func checkConfig(c Config) error {
	var problems []string
	if !strings.HasPrefix(c.BotToken, "xoxb-") {
		problems = append(problems, fmt.Sprintf("SLACK_BOT_TOKEN must be the Bot User OAuth Token, which starts with xoxb- (OAuth & Permissions in the app's settings); the value set is %s", describeToken(c.BotToken)))
	}
	if c.AppToken != "" && !strings.HasPrefix(c.AppToken, "xapp-") {
		problems = append(problems, fmt.Sprintf("SLACK_APP_TOKEN must be an App-Level Token with the connections:write scope, which starts with xapp- (Basic Information → App-Level Tokens); the value set is %s", describeToken(c.AppToken)))
	}
	if c.AppToken == "" && c.SigningSecret == "" {
		problems = append(problems, "set SLACK_APP_TOKEN (xapp-) to use Socket Mode, which needs no public address, or SLACK_SIGNING_SECRET (Basic Information → App Credentials) to take Slack's requests over HTTP")
	}
	if c.APIURL != "" && !strings.HasSuffix(c.APIURL, "/") {
		problems = append(problems, fmt.Sprintf("SLACK_API_URL %q must end in /", c.APIURL))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// anyToken matches Slack tokens that may turn up in an error from a
// library or a server.
var anyToken = regexp.MustCompile(`x(?:ox[a-z]|app)-[A-Za-z0-9-]+`)

// hookURL matches the path of a response URL (or an incoming webhook),
// which lets whoever holds it post for a while: an error from posting to
// one quotes it.
var hookURL = regexp.MustCompile(`(hooks\.slack\.com/)[^\s"']+`)

// masker hides this adapter's secrets, and anything shaped like a Slack
// token, in text bound for a log or an error.
type masker struct {
	secrets []string
}

func newMasker(c Config) masker {
	var m masker
	for _, s := range []string{c.BotToken, c.AppToken, c.SigningSecret} {
		if s != "" {
			m.secrets = append(m.secrets, s)
		}
	}
	return m
}

// String masks s.
func (m masker) String(s string) string {
	for _, secret := range m.secrets {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	s = hookURL.ReplaceAllString(s, "${1}[redacted]")
	return anyToken.ReplaceAllStringFunc(s, func(t string) string {
		return t[:strings.IndexByte(t, '-')+1] + "[redacted]"
	})
}

// Err masks err's text; nil stays nil.
func (m masker) Err(err error) error {
	if err == nil {
		return nil
	}
	return maskedError{msg: m.String(err.Error()), err: err}
}

// maskedError keeps the chain for errors.Is and errors.As while showing
// only the masked text.
type maskedError struct {
	msg string
	err error
}

func (e maskedError) Error() string { return e.msg }
func (e maskedError) Unwrap() error { return e.err }
