package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/feeds"
	"signpost/index"
	"signpost/metrics"
)

// live keeps the bot answering from the last good asset list. Each good
// save's differences from the list served are applied to the one index as
// a batch, and the bot is handed the list with the version of the index
// that holds it, so a question in flight keeps the version it started
// with; a save with errors is logged line by line, counted, alerted once,
// and changes nothing people see.
type live struct {
	path    string
	opt     assets.Options
	bot     *bot.Bot
	metrics *metrics.Metrics
	log     *slog.Logger
	// alert, if set, tells the operators about a bad save.
	alert func(ctx context.Context, text string) error
	now   func() time.Time

	mu sync.Mutex
	// tried is the content last loaded, good or bad, and alerted the last
	// bad content alerted, so one save is never loaded or alerted twice.
	tried, alerted [sha256.Size]byte
	triedAny       bool

	// saved is when the list being served was saved; nil before the first
	// good load. It is read without waiting for a load in progress.
	saved atomic.Pointer[time.Time]
	// served is the list being served, nil before the first good load,
	// for the Open Referral UK API.
	served atomic.Pointer[bot.Catalogue]

	// parser re-reads only the venues a save changed, and ix is the index
	// of the lists served, nil before the first good load.
	parser assets.Parser
	ix     *index.Index
	// reader reads messages for the list served, nil before the first
	// good load; the next save's is made from it.
	reader *understand.Reader
	// keep, if set, keeps the index on disk between runs.
	keep *keeper
	// sources, if set, reads the feeds the asset file names, whose
	// venues are served beside the coaches' own.
	sources *sources
}

// maxAlertProblems bounds the lines in one alert; the log has them all.
const maxAlertProblems = 15

// reload loads the asset file if it has changed since the last load, or
// always when force is set, and reports whether a new list went live.
func (l *live) reload(ctx context.Context, force bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	started := time.Now()
	data, readErr := assets.Read(l.path, l.opt)
	sum := l.sum(data, readErr)
	if l.triedAny && sum == l.tried && !force {
		return false
	}
	l.tried, l.triedAny = sum, true

	opt := l.opt
	opt.Now = l.now()
	key := ""
	if l.keep != nil {
		key = l.keep.key(data)
	}
	var cat *bot.Catalogue
	var problems []assets.Problem
	var ver *index.Version
	var changes index.Changes
	var reader <-chan *understand.Reader
	err := readErr
	if err == nil && l.ix == nil && l.keep != nil {
		cat = l.restore(key)
	}
	switch {
	case err != nil:
	case cat != nil:
		l.syncSources(ctx, cat)
		reader = l.readerOf(cat)
		ver, err = l.ix.Version()
		// The next save is read faster with every venue remembered.
		go l.parser.Parse(data, opt)
	default:
		cat, problems, err = l.parser.Parse(data, opt)
		if err == nil {
			cat = l.withSources(ctx, cat)
			l.tried = l.sum(data, nil)
			reader = l.readerOf(cat)
			if ver, changes, err = l.index(cat, key); err != nil {
				err = fmt.Errorf("index %s: %w", l.path, err)
			}
		}
	}
	if err != nil {
		l.rejected(ctx, sum, err, problems)
		return false
	}

	l.reader = <-reader
	l.bot.Use(cat, l.metrics.Searcher(ver), l.reader)
	l.served.Store(cat)
	saved := modTime(l.path, opt.Now)
	l.saved.Store(&saved)
	assetCount, activityCount, _ := l.bot.Ready()
	l.metrics.Reloaded(true, assetCount, activityCount, saved)
	warnings := 0
	for _, p := range problems {
		if p.Warning {
			warnings++
		}
	}
	l.log.Info("asset list live", "file", l.path, "assets", assetCount, "activities", activityCount,
		"warnings", warnings, "added", changes.Added, "changed", changes.Changed, "removed", changes.Removed,
		"took", time.Since(started).Round(time.Millisecond))
	return true
}

// sum identifies what a load would serve: the file's content (or why it
// could not be read) and the feeds' copies.
func (l *live) sum(data []byte, readErr error) [sha256.Size]byte {
	h := sha256.New()
	if readErr != nil {
		h.Write([]byte(readErr.Error()))
	} else {
		h.Write(data)
	}
	if l.sources != nil {
		_, feeds := l.sources.imported()
		h.Write(feeds[:])
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// syncSources starts or stops reading the feeds cat names.
func (l *live) syncSources(ctx context.Context, cat *bot.Catalogue) {
	if l.sources != nil {
		l.sources.sync(ctx, cat)
	}
}

// withSources is the coaches' list with the feeds it names merged in,
// the coaches' own entries first and winning.
func (l *live) withSources(ctx context.Context, cat *bot.Catalogue) *bot.Catalogue {
	if l.sources == nil {
		return cat
	}
	l.sources.sync(ctx, cat)
	imported, _ := l.sources.imported()
	return feeds.Merge(cat, imported...)
}

// readerOf makes the reader of messages for cat, from the last one where
// there is one, while the caller indexes cat: on a large list each takes
// about as long as the other, so a save goes live in the time of the
// longer, not of both.
func (l *live) readerOf(cat *bot.Catalogue) <-chan *understand.Reader {
	out := make(chan *understand.Reader, 1)
	last, postcodes := l.reader, l.opt.Postcodes
	go func() {
		if last == nil {
			out <- understand.New(cat, postcodes)
			return
		}
		out <- last.Next(cat)
	}()
	return out
}

// restore opens the index kept on disk, for the first load. It returns
// the list it holds when that was kept for the asset file under key, and
// nil when the list must be read and indexed afresh. A directory that
// cannot be used is logged, and the index is kept in memory instead.
func (l *live) restore(key string) *bot.Catalogue {
	o, err := index.Open(l.keep.dir, key)
	if err != nil {
		l.log.Error("cannot keep the index on disk; keeping it in memory, so each restart builds it", "dir", l.keep.dir, "err", err)
		l.keep = nil
		return nil
	}
	l.ix = o.Index
	if o.Stale != nil {
		l.log.Info("building the index afresh", "dir", l.keep.dir, "because", o.Stale.Error())
		return nil
	}
	l.log.Info("opened the index kept on disk", "dir", l.keep.dir)
	return o.Catalogue
}

// index brings the index up to cat and returns the version that holds it:
// the first list fills a new index, and each later one updates it in
// place. An update that fails part-way leaves an index that cannot be
// trusted, so it is closed and the next attempt starts afresh. An index
// on disk is then kept under key.
func (l *live) index(cat *bot.Catalogue, key string) (*index.Version, index.Changes, error) {
	if l.ix == nil {
		ix, err := index.New()
		if err != nil {
			return nil, index.Changes{}, err
		}
		l.ix = ix
	}
	changes, err := l.ix.Update(cat)
	if err != nil {
		l.ix.Close()
		l.ix = nil
		return nil, changes, err
	}
	if l.keep != nil {
		if err := l.ix.Keep(key, cat); err != nil {
			l.log.Error("index not kept on disk; the next start builds it afresh", "dir", l.keep.dir, "err", err)
		}
	}
	ver, err := l.ix.Version()
	return ver, changes, err
}

// close lets go of the index once the bot has stopped using it.
func (l *live) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ix == nil {
		return nil
	}
	err := l.ix.Close()
	l.ix = nil
	return err
}

// rejected reports a save that cannot go live: each problem in the log,
// and all of them, once, to the operators' alert.
func (l *live) rejected(ctx context.Context, sum [sha256.Size]byte, err error, problems []assets.Problem) {
	l.metrics.Reloaded(false, 0, 0, time.Time{})
	keeping := "not answering questions until it is fixed"
	if saved, ok := l.servedSince(); ok {
		keeping = "still answering from the list saved " + saved.Format("Mon 2 Jan 15:04")
	}
	var lines []string
	for _, p := range problems {
		if p.Warning {
			continue
		}
		l.log.Error("asset file has an error", "file", l.path, "line", p.Line, "problem", p.Message)
		lines = append(lines, p.String())
	}
	if len(lines) == 0 {
		l.log.Error("asset file not loaded", "file", l.path, "err", err)
		lines = append(lines, err.Error())
	}
	l.log.Warn("asset file rejected; "+keeping, "file", l.path, "errors", len(lines))

	if l.alert == nil || sum == l.alerted {
		return
	}
	l.alerted = sum
	if len(lines) > maxAlertProblems {
		lines = append(lines[:maxAlertProblems], fmt.Sprintf("…and %d more: run `signpost check %s` to see them all", len(lines)-maxAlertProblems, l.path))
	}
	text := fmt.Sprintf("%s was saved with a mistake, so Signpost is %s. Fix this and save again:\n%s", l.path, keeping, strings.Join(lines, "\n"))
	if err := l.alert(ctx, text); err != nil {
		l.log.Error("alert about the asset file", "err", err)
	}
}

// servedSince is when the list being served was saved, and whether there
// is one.
func (l *live) servedSince() (time.Time, bool) {
	if t := l.saved.Load(); t != nil {
		return *t, true
	}
	return time.Time{}, false
}

// catalogue is the list being served, or nil before the first good load.
func (l *live) catalogue() *bot.Catalogue { return l.served.Load() }

func modTime(path string, fallback time.Time) time.Time {
	info, err := os.Stat(path)
	if err != nil {
		return fallback
	}
	return info.ModTime()
}
