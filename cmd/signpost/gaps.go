package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"signpost/bot"
	"signpost/gaps"
)

// gapsCommand prints what residents asked that found nothing, most asked
// first: how coaches find the activities their area is missing.
func gapsCommand(args []string, env environment, now time.Time, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gaps", flag.ContinueOnError)
	flags.SetOutput(stderr)
	assetsPath := flags.String("assets", firstOf(env.assets, "assets.yaml"), "the asset `file`; the gaps file is beside it unless $SIGNPOST_GAPS_FILE says otherwise")
	sinceText := flags.String("since", "7d", "how far back to look: days like 7d, weeks like 2w, or hours like 36h")
	asCSV := flags.Bool("csv", false, "print CSV, for a spreadsheet")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	since, err := parseSince(*sinceText)
	if err != nil {
		fmt.Fprintln(stderr, "signpost gaps:", err)
		return 2
	}
	path := firstOf(env.gapsFile, filepath.Join(filepath.Dir(*assetsPath), "gaps.jsonl"))
	from := now.Add(-since)
	recorded, err := gaps.Read(path, from)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "signpost gaps: nothing recorded at %s yet; `signpost serve` writes it when a question finds nothing (set $SIGNPOST_GAPS_FILE if it is elsewhere)\n", path)
			return 1
		}
		fmt.Fprintln(stderr, "signpost gaps:", err)
		return 1
	}
	counts := bot.CountGaps(recorded)
	if *asCSV {
		return writeGapsCSV(counts, stdout, stderr)
	}
	if len(counts) == 0 {
		fmt.Fprintf(stdout, "Every question since %s found something.\n", from.Format("Mon 2 Jan 15:04"))
		return 0
	}
	fmt.Fprintf(stdout, "Questions that found nothing since %s, most asked first:\n\n", from.Format("Mon 2 Jan 15:04"))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ASKED\tTOPIC\tPLACE\tLAST ASKED")
	for _, c := range counts {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", c.Count, c.Topic, firstOf(c.Place, "-"), c.Last.Format("Mon 2 Jan 15:04"))
	}
	tw.Flush()
	return 0
}

func writeGapsCSV(counts []bot.GapCount, stdout, stderr io.Writer) int {
	w := csv.NewWriter(stdout)
	w.Write([]string{"count", "topic", "place", "last_asked"})
	for _, c := range counts {
		w.Write([]string{strconv.Itoa(c.Count), c.Topic, c.Place, c.Last.Format(time.RFC3339)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Fprintln(stderr, "signpost gaps:", err)
		return 1
	}
	return 0
}

// parseSince reads "7d", "2w" or a Go duration such as "36h".
func parseSince(s string) (time.Duration, error) {
	bad := fmt.Errorf("--since %q: write days like 7d, weeks like 2w, or hours like 36h", s)
	s = strings.TrimSpace(strings.ToLower(s))
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v < 1 {
				return 0, bad
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, bad
	}
	return d, nil
}
