package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"time"

	"signpost/assets"
	"signpost/feeds"
	"signpost/wholefile"
)

// exportCommand writes the asset file as one Open Referral UK 3.0 page,
// the same services `serve` answers on /oruk/services, for a council's
// directory to take in.
func exportCommand(args []string, env environment, stdout, stderr io.Writer) int {
	const help = "usage: signpost export oruk [--assets FILE] [--out FILE]"
	if len(args) == 0 || args[0] != "oruk" {
		fmt.Fprintln(stderr, help)
		return 2
	}
	fs := flag.NewFlagSet("export oruk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("assets", firstOf(env.assets, "assets.yaml"), "the asset `file` to export")
	out := fs.String("out", "", "write to this `file` (default: print it)")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, help)
		return 2
	}
	cat, _, err := assets.Load(*path, assets.Options{Now: time.Now()})
	if err != nil {
		fmt.Fprintf(stderr, "signpost export: %v\nRun `signpost check %s` to see what to fix.\n", err, *path)
		return 1
	}
	dir := feeds.NewDirectory(cat)
	var buf bytes.Buffer
	if err := dir.WriteAll(&buf); err != nil {
		fmt.Fprintln(stderr, "signpost export:", err)
		return 1
	}
	if *out == "" {
		stdout.Write(buf.Bytes())
		return 0
	}
	if err := wholefile.Bytes(*out, 0o644, buf.Bytes()); err != nil {
		fmt.Fprintln(stderr, "signpost export:", err)
		return 1
	}
	fmt.Fprintf(stderr, "%d services written to %s as Open Referral UK 3.0.\n", dir.Len(), *out)
	return 0
}
