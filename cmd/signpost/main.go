// Command signpost is the Signpost chat bot: it tells people what is on
// near them, from a list of community assets that coaches keep in YAML.
//
//	signpost chat  [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON]
//	signpost ask   [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON] [--at RFC3339] [--json] "question"
//	signpost check [--postcodes FILE] [FILE]
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `Signpost tells people what's on near them.

Usage:
  signpost chat  [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON]
      Talk to the bot in this terminal. No accounts or network needed.
  signpost ask   [--assets FILE] [--postcodes FILE] [--near PLACE|LAT,LON] [--at TIME] [--json] "question"
      Ask one question and print the answer.
  signpost check [--postcodes FILE] [FILE]
      Check an asset file and say what to fix, line by line.

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
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "signpost: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// environment is every environment variable signpost reads, read once.
type environment struct {
	assets    string // SIGNPOST_ASSETS
	postcodes string // SIGNPOST_POSTCODES
}

func readEnv(getenv func(string) string) environment {
	return environment{
		assets:    getenv("SIGNPOST_ASSETS"),
		postcodes: getenv("SIGNPOST_POSTCODES"),
	}
}
