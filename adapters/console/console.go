// Package console lets anyone talk to the bot in a terminal, with no
// accounts, tokens or network: the way to try Signpost out.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"signpost/bot"
)

// Answerer is the one thing the console needs of the bot.
type Answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// Options are the console's settings.
type Options struct {
	// Near is where "near me" is, as if the person had shared it.
	Near *bot.Point
	// Welcome is printed before the first prompt.
	Welcome string
	// Log receives errors behind the bot's apologies; nil discards them.
	Log *slog.Logger
}

// conversation is the id the console's one conversation is remembered by.
const conversation = "console"

// Run reads questions from in, one a line, and writes answers to out
// until in ends, the person types "quit", or ctx is done. A failed answer
// is shown as the bot's apology; it never ends the conversation.
func Run(ctx context.Context, b Answerer, in io.Reader, out io.Writer, opt Options) error {
	if opt.Welcome != "" {
		fmt.Fprintln(out, opt.Welcome)
	}
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
		close(lines)
	}()
	near := opt.Near
	for {
		fmt.Fprint(out, "> ")
		var line string
		select {
		case <-ctx.Done():
			fmt.Fprintln(out)
			return nil
		case l, ok := <-lines:
			if !ok {
				fmt.Fprintln(out)
				if err := <-readErr; err != nil {
					return fmt.Errorf("read question: %w", err)
				}
				return nil
			}
			line = l
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "quit", "exit", "bye", "q":
			fmt.Fprintln(out, "Bye for now!")
			return nil
		}
		ans, err := b.Answer(ctx, bot.Question{Text: line, From: conversation, Near: near, Channel: "console"})
		if err != nil && opt.Log != nil {
			opt.Log.Error("answer failed", "err", err)
		}
		near = nil // shared once; the bot remembers it
		fmt.Fprintln(out, ans.Reply)
		fmt.Fprintln(out)
	}
}
