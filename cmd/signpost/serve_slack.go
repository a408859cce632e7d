package main

import "errors"

// slackFrontEnd runs the Slack adapter when SLACK_BOT_TOKEN is set.
func slackFrontEnd(env environment, _ services) (*frontEnd, error) {
	if env.slackBotToken == "" {
		return nil, nil
	}
	return nil, errors.New("SLACK_BOT_TOKEN is set, but this build has no Slack front end yet")
}
