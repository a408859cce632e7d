package main

import (
	"fmt"

	"signpost/adapters/slack"
)

// slackFrontEnd runs the Slack adapter when SLACK_BOT_TOKEN is set: over
// Socket Mode when SLACK_APP_TOKEN is set, and taking Slack's signed
// requests on svc.mux when SLACK_SIGNING_SECRET is set. A token of the
// wrong kind stops serve with a message naming the variable, never the
// token.
func slackFrontEnd(env environment, svc services) (*frontEnd, error) {
	if env.slackBotToken == "" {
		return nil, nil
	}
	cfg := slack.Config{
		BotToken:      env.slackBotToken,
		AppToken:      env.slackAppToken,
		SigningSecret: env.slackSigningSecret,
		APIURL:        env.slackAPI,
		TeamID:        env.slackTeam,
		AlertChannel:  env.slackAlertChannel,
		Log:           svc.log,
		IDs:           svc.ids,
		Gaps:          svc.gaps,
		Grace:         shutdownGrace,
	}
	a, err := slack.New(cfg, svc.bot)
	if err != nil {
		return nil, fmt.Errorf("slack: %w", err)
	}
	if env.slackSigningSecret != "" {
		for path, h := range a.Handlers() {
			svc.mux.Handle(path, h)
		}
		svc.log.Info("slack: HTTP mode: set the app's request URLs to https://<your public address>/slack/events, /slack/commands and /slack/interactive", "listen", svc.listen)
	}
	fe := &frontEnd{name: "slack", run: a.Run}
	if env.slackAlertChannel != "" {
		fe.alert = a.Alert
	}
	return fe, nil
}
