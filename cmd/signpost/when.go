package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/timetable"
	"signpost/bot/words"
)

// whenCommand is for coaches writing the asset file: it reads a timetable
// in plain words ("every other Tuesday 2 till 4"), says back what it
// understood, and prints the `when:` lines to paste under the activity.
func whenCommand(args []string, now time.Time, stdout, stderr io.Writer) int {
	text := strings.Join(args, " ")
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(stderr, `usage: signpost when "every other Tuesday 2 till 4"`)
		return 2
	}
	s, err := timetable.New(words.Builtin()).Schedule(text, bot.DateOf(now))
	if err != nil {
		fmt.Fprintf(stderr, "signpost when: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "# "+timetable.Say(s))
	if err := assets.WriteWhen(stdout, s.Rules, s.TermTime, s.NoBankHolidays, s.From); err != nil {
		fmt.Fprintln(stderr, "signpost when:", err)
		return 1
	}
	return 0
}
