package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"signpost/adapters/console"
)

func chat(ctx context.Context, args []string, env environment, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs, env)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	r, err := c.start(time.Now(), stderr)
	if err != nil {
		fmt.Fprintln(stderr, "signpost:", err)
		return 1
	}
	defer r.bot.Close()
	welcome := fmt.Sprintf("Signpost: what's on around %s. Ask me things like \"knitting near Oldbury\" or \"toddler groups tomorrow\". Type \"help\" for more, \"quit\" to leave.", r.cat.Area.Name)
	err = console.Run(ctx, r.bot, stdin, stdout, console.Options{Near: r.near, Welcome: welcome, Log: slog.New(slog.NewTextHandler(stderr, nil))})
	if err != nil {
		fmt.Fprintln(stderr, "signpost:", err)
		return 1
	}
	return 0
}
