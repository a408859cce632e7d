package main

import "errors"

// telegramFrontEnd runs the Telegram adapter when TELEGRAM_BOT_TOKEN is set.
func telegramFrontEnd(env environment, _ services) (*frontEnd, error) {
	if env.telegramToken == "" {
		return nil, nil
	}
	return nil, errors.New("TELEGRAM_BOT_TOKEN is set, but this build has no Telegram front end yet")
}
