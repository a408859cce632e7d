package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/feeds"
	"signpost/wholefile"
)

// importArea is the zone imported feeds are read in: every feed Signpost
// reads so far is British.
const importArea = "Europe/London"

// importCommand reads a council's Open Referral UK feed or a provider's
// OpenActive feeds and writes an asset file a coach can check and adopt.
// The file is written whole or not at all.
func importCommand(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	const help = "usage: signpost import oruk|openactive [--out FILE] [--area NAME] URL|FILE..."
	if len(args) == 0 || args[0] != "oruk" && args[0] != "openactive" {
		fmt.Fprintln(stderr, help)
		return 2
	}
	standard := args[0]
	fs := flag.NewFlagSet("import "+standard, flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the asset file to this `file` (default: print it)")
	area := fs.String("area", "", "the area's `name` (default: the feed's host)")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	srcs := fs.Args()
	if len(srcs) == 0 || standard == "oruk" && len(srcs) > 1 {
		fmt.Fprintln(stderr, help)
		if standard == "oruk" {
			fmt.Fprintln(stderr, "An Open Referral UK feed is one URL: its base or its /services URL.")
		}
		return 2
	}
	loc, err := time.LoadLocation(importArea)
	if err != nil {
		fmt.Fprintln(stderr, "signpost import:", err)
		return 1
	}
	opt := feeds.Options{Location: loc, Now: now}
	var feed *feeds.Feed
	if standard == "oruk" {
		feed, err = feeds.ReadORUK(ctx, srcs[0], opt)
	} else {
		feed, err = feeds.ReadOpenActive(ctx, srcs, opt)
	}
	if err != nil {
		fmt.Fprintf(stderr, "signpost import %s: %v\nNothing was written. Check the address, or try again later if the feed's server is busy.\n", standard, err)
		return 1
	}
	cat := &bot.Catalogue{Area: bot.Area{Name: firstOf(*area, hostOf(srcs[0])), Location: loc}, Assets: feed.Assets}
	var buf bytes.Buffer
	if err := assets.Write(&buf, cat, assets.WriteOptions{Header: importHeader(standard, srcs, feed, now), Notes: feed.Notes}); err != nil {
		fmt.Fprintln(stderr, "signpost import:", err)
		return 1
	}
	if _, problems, err := assets.Parse(buf.Bytes(), assets.Options{}); err != nil {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "signpost import: the file made from the feed does not read back (%v); nothing was written. Please report this with the feed's address.\n", err)
		return 1
	}
	if *out == "" {
		stdout.Write(buf.Bytes())
	} else if err := wholefile.Bytes(*out, 0o644, buf.Bytes()); err != nil {
		fmt.Fprintln(stderr, "signpost import:", err)
		return 1
	}
	fmt.Fprintln(stderr, importSummary(feed, *out))
	return 0
}

// importHeader is the comment at the top of an imported file: where it
// came from, when, under what licence, and what to do next.
func importHeader(standard string, srcs []string, f *feeds.Feed, now time.Time) string {
	name := map[string]string{"oruk": "Open Referral UK", "openactive": "OpenActive"}[standard]
	lines := []string{
		fmt.Sprintf("Imported by `signpost import %s` from the %s feed at %s", standard, name, strings.Join(srcs, " and ")),
		"on " + now.UTC().Format("Mon 2 Jan 2006 15:04 MST") + ".",
	}
	if f.Licence != "" {
		lines = append(lines, "Licence, as the feed states it: "+f.Licence+". Credit the publisher where you show it.")
	} else {
		lines = append(lines, "The feed states no licence: ask its publisher before you serve it.")
	}
	lines = append(lines,
		fmt.Sprintf("%d records read: %d not running, %d with no address and %d with no name were left out.", f.Read, f.Inactive, f.NoPlace, f.NoName),
		"Ids stay the same from one import to the next. Run `signpost check` on this file before you serve it.")
	return strings.Join(lines, "\n")
}

func importSummary(f *feeds.Feed, out string) string {
	acts, termTime := 0, 0
	for _, a := range f.Assets {
		acts += len(a.Activities)
		for _, act := range a.Activities {
			if act.TermTime {
				termTime++
			}
		}
	}
	where := "printed"
	if out != "" {
		where = "written to " + out
	}
	untimed := "no activity is without times"
	switch len(f.Notes) {
	case 0:
	case 1:
		untimed = "1 activity has no times (see \"check the dates with them\" in the file)"
	default:
		untimed = fmt.Sprintf("%d activities have no times (see \"check the dates with them\" in the file)", len(f.Notes))
	}
	if termTime > 0 {
		untimed += fmt.Sprintf("; %d held in term time only are shown only once the area's `terms:` are added", termTime)
	}
	return fmt.Sprintf("%d activities at %d venues %s; %d records read, %d not running, %d with no address and %d with no name left out; %s.",
		acts, len(f.Assets), where, f.Read, f.Inactive, f.NoPlace, f.NoName, untimed)
}

// hostOf is the host of a URL, or a file's name without its extension.
func hostOf(src string) string {
	if u, err := url.Parse(src); err == nil && u.Host != "" {
		return u.Hostname()
	}
	return strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
}
