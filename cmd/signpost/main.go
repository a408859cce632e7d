// Command signpost is the Signpost chat bot: it tells people what is on
// near them, from a list of community assets that coaches keep in YAML.
//
//	signpost chat  [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON]
//	signpost ask   [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON] [--at RFC3339] [--json] "question"
//	signpost check [--postcodes FILE] [FILE]
//	signpost serve [--assets FILE] [--postcodes FILE] [--index-dir DIR]
//	signpost gaps  [--assets FILE] [--since 7d] [--csv]
//	signpost import oruk|openactive [--out FILE] [--area NAME] URL|FILE...
//	signpost export oruk [--assets FILE] [--out FILE]
//	signpost review [--assets FILE] [approve ID | reject ID]
//	signpost when "every other Tuesday 2 till 4"
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const usage = `Signpost tells people what's on near them.

Usage:
  signpost chat  [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON]
      Talk to the bot in this terminal. No accounts or network needed.
  signpost ask   [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON] [--at TIME] [--json] "question"
      Ask one question and print the answer.
  signpost check [--postcodes FILE] [FILE]
      Check an asset file and say what to fix, line by line.
  signpost serve [--assets FILE] [--postcodes FILE] [--index-dir DIR]
      Run the Telegram and Slack front ends whose tokens are set (see README.md).
  signpost gaps  [--assets FILE] [--since 7d] [--csv]
      What residents asked that found nothing, most asked first.
  signpost import oruk|openactive [--out FILE] [--area NAME] URL|FILE...
      Make an asset file from a council's Open Referral UK feed or from
      OpenActive feeds (session series and their sessions), to check and adopt.
  signpost export oruk [--assets FILE] [--out FILE]
      Write the asset file as Open Referral UK 3.0, for a council's directory.
  signpost review [--assets FILE] [approve ID | reject ID]
      The changes waiting for a coach, and deciding them.
  signpost when "every other Tuesday 2 till 4"
      Read a timetable in plain words and print its when: lines for the asset file.

The asset file is --assets, else $SIGNPOST_ASSETS, else ./assets.yaml.
The postcode file is --postcodes, else $SIGNPOST_POSTCODES (optional).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run is the whole program, with its surroundings passed in so tests can
// drive it. It returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	env := readEnv(getenv)
	switch args[0] {
	case "chat":
		return chat(ctx, args[1:], env, stdin, stdout, stderr)
	case "ask":
		return ask(ctx, args[1:], env, stdout, stderr)
	case "check":
		return check(args[1:], env, stdout, stderr)
	case "serve":
		return serve(ctx, args[1:], env, stderr)
	case "gaps":
		return gapsCommand(args[1:], env, time.Now(), stdout, stderr)
	case "import":
		return importCommand(ctx, args[1:], stdout, stderr, time.Now())
	case "export":
		return exportCommand(args[1:], env, stdout, stderr)
	case "review":
		return reviewCommand(args[1:], env, time.Now(), stdout, stderr)
	case "when":
		return whenCommand(args[1:], time.Now(), stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "signpost: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// environment is every environment variable signpost reads, read once.
// Each is described in README.md; tokens and secrets are never printed.
type environment struct {
	assets      string // SIGNPOST_ASSETS
	postcodes   string // SIGNPOST_POSTCODES
	listen      string // SIGNPOST_LISTEN
	logFormat   string // SIGNPOST_LOG
	locationTTL string // SIGNPOST_LOCATION_TTL
	gapsFile    string // SIGNPOST_GAPS_FILE
	gapsDays    string // SIGNPOST_GAPS_DAYS
	indexDir    string // SIGNPOST_INDEX_DIR
	cacheDir    string // SIGNPOST_CACHE_DIR
	reviewFile  string // SIGNPOST_REVIEW_FILE

	telegramToken   string // TELEGRAM_BOT_TOKEN
	telegramAPI     string // TELEGRAM_API_URL
	telegramWebhook string // TELEGRAM_WEBHOOK_URL
	telegramSecret  string // TELEGRAM_WEBHOOK_SECRET
	telegramRate    string // SIGNPOST_TELEGRAM_RATE
	telegramSeen    string // SIGNPOST_TELEGRAM_SEEN_FILE

	slackBotToken      string // SLACK_BOT_TOKEN
	slackAppToken      string // SLACK_APP_TOKEN
	slackSigningSecret string // SLACK_SIGNING_SECRET
	slackAPI           string // SLACK_API_URL
	slackTeam          string // SLACK_TEAM_ID
	slackAlertChannel  string // SLACK_ALERT_CHANNEL
}

func readEnv(getenv func(string) string) environment {
	return environment{
		assets:      getenv("SIGNPOST_ASSETS"),
		postcodes:   getenv("SIGNPOST_POSTCODES"),
		listen:      getenv("SIGNPOST_LISTEN"),
		logFormat:   getenv("SIGNPOST_LOG"),
		locationTTL: getenv("SIGNPOST_LOCATION_TTL"),
		gapsFile:    getenv("SIGNPOST_GAPS_FILE"),
		gapsDays:    getenv("SIGNPOST_GAPS_DAYS"),
		indexDir:    getenv("SIGNPOST_INDEX_DIR"),
		cacheDir:    getenv("SIGNPOST_CACHE_DIR"),
		reviewFile:  getenv("SIGNPOST_REVIEW_FILE"),

		telegramToken:   getenv("TELEGRAM_BOT_TOKEN"),
		telegramAPI:     getenv("TELEGRAM_API_URL"),
		telegramWebhook: getenv("TELEGRAM_WEBHOOK_URL"),
		telegramSecret:  getenv("TELEGRAM_WEBHOOK_SECRET"),
		telegramRate:    getenv("SIGNPOST_TELEGRAM_RATE"),
		telegramSeen:    getenv("SIGNPOST_TELEGRAM_SEEN_FILE"),

		slackBotToken:      getenv("SLACK_BOT_TOKEN"),
		slackAppToken:      getenv("SLACK_APP_TOKEN"),
		slackSigningSecret: getenv("SLACK_SIGNING_SECRET"),
		slackAPI:           getenv("SLACK_API_URL"),
		slackTeam:          getenv("SLACK_TEAM_ID"),
		slackAlertChannel:  getenv("SLACK_ALERT_CHANNEL"),
	}
}
