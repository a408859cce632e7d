package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// common are the flags every command that answers questions takes.
type common struct {
	assets    string
	postcodes string
	near      string
}

func (c *common) register(fs *flag.FlagSet, env environment) {
	fs.StringVar(&c.assets, "assets", firstOf(env.assets, "assets.yaml"), "the asset `file` (default $SIGNPOST_ASSETS, else ./assets.yaml)")
	fs.StringVar(&c.postcodes, "postcodes", env.postcodes, "a postcode CSV `file` (default $SIGNPOST_POSTCODES)")
	fs.StringVar(&c.near, "near", "", "where \"near me\" is: a `place` name, postcode, or LAT,LON")
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ready is a bot with its asset list loaded and indexed. Close the bot
// when done: it closes the index.
type ready struct {
	bot  *bot.Bot
	cat  *bot.Catalogue
	near *bot.Point
}

// start loads the asset list (and postcodes), builds the index and the
// bot, and resolves --near. Problems are written for a person to fix.
func (c *common) start(now time.Time, stderr io.Writer) (*ready, error) {
	var postcodes bot.Postcodes
	if c.postcodes != "" {
		var err error
		if postcodes, err = assets.LoadPostcodes(c.postcodes); err != nil {
			return nil, err
		}
	}
	cat, problems, err := assets.Load(c.assets, assets.Options{Now: now, Postcodes: postcodes})
	if err != nil {
		return nil, err
	}
	if n := countWarnings(problems); n > 0 {
		fmt.Fprintf(stderr, "%s has %d warning(s); run `signpost check %s` to see them.\n", c.assets, n, c.assets)
	}
	ix, err := index.Build(cat)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", c.assets, err)
	}
	b := bot.New(bot.Config{}, bot.NewInMemory(24*time.Hour))
	b.Use(cat, ix, understand.New(cat, postcodes))
	r := &ready{bot: b, cat: cat}
	if c.near != "" {
		p, err := locate(b, c.near)
		if err != nil {
			b.Close()
			return nil, err
		}
		r.near = &p
	}
	return r, nil
}

func countWarnings(ps []assets.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Warning {
			n++
		}
	}
	return n
}

// locate reads --near: "52.50,-2.01" or a name the bot knows.
func locate(b *bot.Bot, near string) (bot.Point, error) {
	if lat, lon, ok := strings.Cut(near, ","); ok {
		la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
		lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
		p := bot.Point{Lat: la, Lon: lo}
		if err1 != nil || err2 != nil || !p.Valid() {
			return bot.Point{}, fmt.Errorf("--near %q: write a place name, a postcode, or latitude,longitude like 52.505,-2.016", near)
		}
		return p, nil
	}
	ref, ok := b.Locate(near)
	if !ok {
		return bot.Point{}, fmt.Errorf("--near %q: I don't know that place; try a town, a postcode, or latitude,longitude like 52.505,-2.016", near)
	}
	return bot.Point{Lat: ref.Lat, Lon: ref.Lon}, nil
}
