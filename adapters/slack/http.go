package slack

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxBody bounds a request from Slack; real ones are a few kilobytes.
const maxBody = 1 << 20

// Handlers are the paths Slack's HTTP mode sends to, each verified
// against the signing secret: mount them on the server Slack can reach.
func (a *Adapter) Handlers() map[string]http.Handler {
	return map[string]http.Handler{
		"/slack/events":      a.verified(a.serveEvents),
		"/slack/commands":    a.verified(a.serveCommand),
		"/slack/interactive": a.verified(a.serveInteraction),
	}
}

// verified passes on only POSTs signed with the signing secret within the
// last 5 minutes and not seen before; anything else gets 401 and no
// answer. The handler gets the body already read.
func (a *Adapter) verified(h func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "Slack sends POST requests here", http.StatusMethodNotAllowed)
			return
		}
		body, err := a.verify(w, r)
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			a.log.Warn("slack: refused an unverified request", "path", r.URL.Path, "reason", err)
			http.Error(w, "not signed by Slack", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		h(w, r, body)
	})
}

// errReplayed is a request whose signature was already used.
var errReplayed = errors.New("replayed: this signature was already used")

// verify reads r's body, at most maxBody bytes, and checks its signature
// and timestamp with slack-go's verifier. The headers are checked before
// the body is read, so an unsigned or stale request costs nothing more.
// A signature seen before is refused, so a captured request cannot be
// sent again; it is compared in lower case, since the verifier takes its
// hex digits in either case.
func (a *Adapter) verify(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if a.cfg.SigningSecret == "" {
		return nil, errors.New("SLACK_SIGNING_SECRET is not set, so requests cannot be checked")
	}
	sv, err := slackapi.NewSecretsVerifier(r.Header, a.cfg.SigningSecret)
	if err != nil {
		return nil, fmt.Errorf("check signature headers: %w", err)
	}
	body, err := io.ReadAll(io.TeeReader(http.MaxBytesReader(w, r.Body, maxBody), &sv))
	if err != nil {
		return nil, fmt.Errorf("read request: %w", err)
	}
	if err := sv.Ensure(); err != nil {
		return nil, fmt.Errorf("check signature: %w", err)
	}
	if !a.signatures.Add(strings.ToLower(r.Header.Get("X-Slack-Signature")), struct{}{}) {
		return nil, errReplayed
	}
	return body, nil
}

// stopping tells Slack, once shutdown has begun, to send again later.
func (a *Adapter) stopping(w http.ResponseWriter) bool {
	if !a.isClosing() {
		return false
	}
	http.Error(w, "Signpost is restarting; try again in a minute", http.StatusServiceUnavailable)
	return true
}

// serveEvents answers Slack's url_verification challenge and takes
// Events API callbacks, acknowledging at once and answering after.
func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		a.log.Warn("slack: could not read an event", "err", err)
		http.Error(w, "not an Events API request", http.StatusBadRequest)
		return
	}
	if ev.Type == slackevents.URLVerification {
		if ch, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent); ok {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(slackevents.ChallengeResponse{Challenge: ch.Challenge})
			return
		}
	}
	if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
		a.log.Info("slack: event retried", "attempt", n, "reason", r.Header.Get("X-Slack-Retry-Reason"))
	}
	if a.stopping(w) {
		return
	}
	a.onEvent(ev, "")
	w.WriteHeader(http.StatusOK)
}

// serveCommand takes /signpost, acknowledging at once with an empty 200;
// the answer follows through the response URL.
func (a *Adapter) serveCommand(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slackapi.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "not a slash command", http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("ssl_check") == "1" {
		// Slack checking the certificate: nothing to answer.
		return
	}
	if a.isClosing() {
		// Slack does not resend a command, so say so rather than fail.
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(slackapi.Msg{ResponseType: slackapi.ResponseTypeEphemeral, Text: "Signpost is restarting. Please ask again in a minute."})
		return
	}
	a.onCommand(cmd, "")
	w.WriteHeader(http.StatusOK)
}

// serveInteraction takes button presses.
func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request, _ []byte) {
	cb, err := slackapi.InteractionCallbackParse(r)
	if err != nil {
		http.Error(w, "not an interaction payload", http.StatusBadRequest)
		return
	}
	if a.stopping(w) {
		return
	}
	a.onInteraction(cb, "")
	w.WriteHeader(http.StatusOK)
}
