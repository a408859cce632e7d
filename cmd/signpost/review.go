package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/review"
)

// reviewCommand lets a coach see the changes waiting for them and decide
// each: `signpost review`, `signpost review approve ID`, `signpost review
// reject ID`. An approved change is written into the asset file, which
// `serve` then puts live as any save.
func reviewCommand(args []string, env environment, now time.Time, stdout, stderr io.Writer) int {
	const help = "usage: signpost review [--assets FILE] [approve ID | reject ID]"
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("assets", firstOf(env.assets, "assets.yaml"), "the asset `file` changes are written into")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	logPath := firstOf(env.reviewFile, filepath.Join(filepath.Dir(*path), "review.jsonl"))
	q, err := review.Open(logPath)
	if err != nil {
		fmt.Fprintln(stderr, "signpost review:", err)
		return 1
	}
	switch fs.NArg() {
	case 0:
		return listPending(q, stdout, stderr)
	case 2:
	default:
		fmt.Fprintln(stderr, help)
		return 2
	}
	verb, id := fs.Arg(0), fs.Arg(1)
	if verb != "approve" && verb != "reject" {
		fmt.Fprintln(stderr, help)
		return 2
	}
	apply := func(c assets.Change) error {
		c.Today = todayIn(*path, now)
		return assets.ApplyFile(*path, c)
	}
	err = q.Decide(id, verb == "approve", "a coach at the console", apply)
	switch {
	case errors.Is(err, review.ErrNotPending):
		fmt.Fprintf(stderr, "signpost review: nothing with the id %s is waiting; run `signpost review` to see what is\n", id)
		return 1
	case errors.Is(err, review.ErrUnfinished):
		fmt.Fprintln(stderr, "signpost review:", err)
		return 1
	case errors.Is(err, assets.ErrConflict):
		fmt.Fprintf(stderr, "signpost review: %v\nThe entry was edited after this was suggested. Look at both, make the change by hand if it still stands, then reject this one.\n", err)
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "signpost review:", err)
		return 1
	}
	if verb == "approve" {
		fmt.Fprintf(stdout, "Approved and written into %s.\n", *path)
	} else {
		fmt.Fprintln(stdout, "Rejected; the file is unchanged.")
	}
	return 0
}

// todayIn is today in the asset file's area, for the reviewed line;
// the machine's own day if the file cannot be read.
func todayIn(path string, now time.Time) bot.Date {
	cat, _, err := assets.Load(path, assets.Options{})
	if err == nil && cat.Area.Location != nil {
		now = now.In(cat.Area.Location)
	}
	return bot.DateOf(now)
}

func listPending(q *review.Queue, stdout, stderr io.Writer) int {
	pending, err := q.Pending()
	if err != nil {
		fmt.Fprintln(stderr, "signpost review:", err)
		return 1
	}
	if len(pending) == 0 {
		fmt.Fprintln(stdout, "Nothing is waiting for a coach.")
		return 0
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tSUGGESTED\tFROM\tCHANGE\tSTATUS")
	for _, s := range pending {
		status := "waiting"
		switch s.Status {
		case review.Conflict, review.Failed:
			status = string(s.Status) + ": " + s.Note
		case review.Approved:
			status = "approved, but the write may not have finished: check the file"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", s.ID, s.At.Local().Format("Mon 2 Jan 15:04"), s.From, s.Summary, status)
	}
	w.Flush()
	fmt.Fprintln(stdout, "\nsignpost review approve ID writes one into the asset file; signpost review reject ID drops it.")
	return 0
}
