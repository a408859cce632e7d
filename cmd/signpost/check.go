package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"signpost/assets"
)

// check is for coaches: it lists every problem in an asset file with its
// line and what to do, and exits 1 when the file would not be served.
func check(args []string, env environment, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	postcodeFile := fs.String("postcodes", env.postcodes, "a postcode CSV `file` to place assets that give only a postcode")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	path := firstOf(fs.Arg(0), env.assets, "assets.yaml")
	opt := assets.Options{Now: time.Now()}
	if *postcodeFile != "" {
		var err error
		if opt.Postcodes, err = assets.LoadPostcodes(*postcodeFile); err != nil {
			fmt.Fprintln(stderr, "signpost check:", err)
			return 1
		}
	}
	cat, problems, err := assets.Load(path, opt)
	errs, warns := 0, 0
	for _, p := range problems {
		fmt.Fprintf(stdout, "%s:%s\n", path, p)
		if p.Warning {
			warns++
		} else {
			errs++
		}
	}
	if err != nil && errs == 0 {
		fmt.Fprintln(stderr, "signpost check:", err)
		return 1
	}
	if errs > 0 {
		fmt.Fprintf(stdout, "%s: %d error(s), %d warning(s). Fix the errors and save again: until then the bot keeps using the last good list.\n", path, errs, warns)
		return 1
	}
	activities := 0
	for _, a := range cat.Assets {
		activities += len(a.Activities)
	}
	fmt.Fprintf(stdout, "%s: OK, %d assets and %d activities; %d warning(s).\n", path, len(cat.Assets), activities, warns)
	return 0
}
