package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/feeds"
	"signpost/metrics"
	"signpost/wholefile"
)

// sources keeps the feeds the asset file names: each is read when it is
// first named and then on its schedule, and its last good copy is kept
// on disk so a restart without the network still serves it. A read that
// fails, or that finds nothing where there was something, keeps the last
// good copy: nothing is ever deleted because a council's server had a bad
// night.
type sources struct {
	// dir keeps the copies; "" keeps them in memory only.
	dir     string
	log     *slog.Logger
	metrics *metrics.Metrics
	now     func() time.Time
	// read reads one feed in the area's zone.
	read func(ctx context.Context, src bot.Source, loc *time.Location) (*feeds.Feed, error)
	// changed is told, without waiting, when a copy changes, so the list
	// served is made again.
	changed chan struct{}

	mu    sync.Mutex
	feeds map[string]*feed
	order []string
	// keepMu keeps one copy being written at a time.
	keepMu sync.Mutex
}

// feed is one source's state.
type feed struct {
	src    bot.Source
	loc    *time.Location
	assets []bot.Asset
	// sum identifies the copy held, zero before there is one.
	sum    [sha256.Size]byte
	okAt   time.Time
	lastOK int
	err    string
	stop   context.CancelFunc
}

// newSources keeps copies in dir ("" for memory only).
func newSources(dir string, log *slog.Logger, m *metrics.Metrics) *sources {
	return &sources{
		dir: dir, log: log, metrics: m, now: time.Now, read: readFeed,
		changed: make(chan struct{}, 1), feeds: map[string]*feed{},
	}
}

// readFeed reads src with the feeds package's readers.
func readFeed(ctx context.Context, src bot.Source, loc *time.Location) (*feeds.Feed, error) {
	opt := feeds.Options{Location: loc}
	if src.Standard == bot.OpenActive {
		return feeds.ReadOpenActive(ctx, src.URLs, opt)
	}
	return feeds.ReadORUK(ctx, src.URLs[0], opt)
}

func sourceKey(src bot.Source) string {
	return src.Standard.String() + " " + strings.Join(src.URLs, " ")
}

// sourceName names a source in logs, metrics and /healthz: its first
// address without the query, which may hold a key.
func sourceName(src bot.Source) string {
	u, err := url.Parse(src.URLs[0])
	if err != nil {
		return src.Standard.String()
	}
	u.RawQuery, u.User, u.Fragment = "", nil, ""
	return src.Standard.String() + " " + u.String()
}

// sync starts reading the sources cat names that are not being read
// yet, from their kept copies first, and stops those it no longer names.
func (s *sources) sync(ctx context.Context, cat *bot.Catalogue) {
	s.mu.Lock()
	defer s.mu.Unlock()
	named := map[string]bool{}
	s.order = s.order[:0]
	for _, src := range cat.Sources {
		key := sourceKey(src)
		if named[key] {
			continue
		}
		named[key] = true
		s.order = append(s.order, key)
		if f, ok := s.feeds[key]; ok && f.src.Every == src.Every {
			continue
		} else if ok {
			f.stop()
		}
		f := &feed{src: src, loc: cat.Area.Location}
		if old, ok := s.feeds[key]; ok {
			f.assets, f.sum, f.okAt, f.lastOK = old.assets, old.sum, old.okAt, old.lastOK
		} else {
			s.restore(f)
		}
		loopCtx, stop := context.WithCancel(ctx)
		f.stop = stop
		s.feeds[key] = f
		go s.loop(loopCtx, key, src.Every)
	}
	for key, f := range s.feeds {
		if !named[key] {
			f.stop()
			delete(s.feeds, key)
			s.log.Info("feed no longer named in the asset file; its venues are no longer served", "source", sourceName(f.src))
		}
	}
}

// loop reads the feed now and then every every, until ctx is done.
func (s *sources) loop(ctx context.Context, key string, every time.Duration) {
	for {
		s.fetch(ctx, key)
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// refresh reads every feed again now, as SIGHUP asks.
func (s *sources) refresh(ctx context.Context) {
	s.mu.Lock()
	keys := append([]string(nil), s.order...)
	s.mu.Unlock()
	for _, key := range keys {
		s.fetch(ctx, key)
	}
}

// fetch reads one feed and, if it read whole and holds something, makes
// it the copy served and keeps it on disk.
func (s *sources) fetch(ctx context.Context, key string) {
	s.mu.Lock()
	f, ok := s.feeds[key]
	if !ok {
		s.mu.Unlock()
		return
	}
	src, loc := f.src, f.loc
	s.mu.Unlock()

	got, err := s.safeRead(ctx, src, loc)
	if ctx.Err() != nil {
		return
	}
	activities := 0
	var data []byte
	var sum [sha256.Size]byte
	if err == nil {
		for _, a := range got.Assets {
			activities += len(a.Activities)
		}
		data, sum, err = copyOf(src, loc, got)
	}
	if changed := s.record(key, f, got, activities, sum, err); changed {
		// Written outside the lock: /healthz and the list served need not
		// wait for the disk.
		s.keepMu.Lock()
		s.keep(src, data)
		s.keepMu.Unlock()
		select {
		case s.changed <- struct{}{}:
		default:
		}
	}
}

// record notes how a read of feed f went and, for a good read of
// something new, makes it the copy served; it reports whether the copy
// changed.
func (s *sources) record(key string, f *feed, got *feeds.Feed, activities int, sum [sha256.Size]byte, err error) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.feeds[key] != f {
		return false
	}
	if err == nil && activities == 0 && f.lastOK > 0 {
		err = fmt.Errorf("the feed held nothing, where the last good read held %d activities", f.lastOK)
	}
	src := f.src
	if err != nil {
		f.err = err.Error()
		s.metrics.SourceRead(sourceName(src), false, 0, time.Time{})
		s.log.Warn("feed not read; serving its last good copy", "source", sourceName(src), "err", err)
		return false
	}
	f.err, f.okAt, f.lastOK = "", s.now(), activities
	s.metrics.SourceRead(sourceName(src), true, activities, f.okAt)
	if sum == f.sum {
		return false
	}
	f.assets, f.sum = got.Assets, sum
	s.log.Info("feed read", "source", sourceName(src), "venues", len(got.Assets), "activities", activities,
		"not_running", got.Inactive, "no_address", got.NoPlace, "no_times", len(got.Notes))
	return true
}

// safeRead reads a feed, turning a panic in a reader (a feed shaped as
// nobody foresaw) into an error, so one bad feed never stops serve.
func (s *sources) safeRead(ctx context.Context, src bot.Source, loc *time.Location) (f *feeds.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("the feed could not be read (%v); please report this with the feed's address", p)
		}
	}()
	return s.read(ctx, src, loc)
}

// copyOf is a feed as an asset file, the form it is kept in, and the
// file's sum.
func copyOf(src bot.Source, loc *time.Location, f *feeds.Feed) ([]byte, [sha256.Size]byte, error) {
	var buf bytes.Buffer
	cat := &bot.Catalogue{Area: bot.Area{Name: sourceName(src), Location: loc}, Assets: f.Assets}
	header := "The last good copy of " + sourceName(src) + ", kept by signpost serve.\nLicence, as the feed states it: " + firstOf(f.Licence, "none stated")
	if err := assets.Write(&buf, cat, assets.WriteOptions{Header: header, Notes: f.Notes}); err != nil {
		return nil, [sha256.Size]byte{}, err
	}
	return buf.Bytes(), sha256.Sum256(buf.Bytes()), nil
}

func (s *sources) copyPath(src bot.Source) string {
	sum := sha256.Sum256([]byte(sourceKey(src)))
	return filepath.Join(s.dir, "source-"+hex.EncodeToString(sum[:8])+".yaml")
}

// keep writes a feed's copy to disk, whole or not at all.
func (s *sources) keep(src bot.Source, data []byte) {
	if s.dir == "" {
		return
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		s.log.Error("cannot keep feeds' copies; a restart without the network will not serve them", "dir", s.dir, "err", err)
		return
	}
	if err := wholefile.Bytes(s.copyPath(src), 0o600, data); err != nil {
		s.log.Error("cannot keep a feed's copy", "source", sourceName(src), "err", err)
	}
}

// restore loads a feed's kept copy, if there is a good one.
func (s *sources) restore(f *feed) {
	if s.dir == "" {
		return
	}
	path := s.copyPath(f.src)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	var cat *bot.Catalogue
	if err == nil {
		cat, _, err = assets.Parse(data, assets.Options{})
	}
	if err != nil {
		s.log.Warn("a feed's kept copy cannot be read; it will be read afresh", "source", sourceName(f.src), "file", path, "err", err)
		return
	}
	f.assets, f.sum = cat.Assets, sha256.Sum256(data)
	for _, a := range f.assets {
		f.lastOK += len(a.Activities)
	}
	s.log.Info("serving a feed's kept copy until it is read again", "source", sourceName(f.src), "activities", f.lastOK)
}

// imported are the copies held, in the order the asset file names the
// sources, and a sum that changes whenever one of them does.
func (s *sources) imported() ([][]bot.Asset, [sha256.Size]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := sha256.New()
	var out [][]bot.Asset
	for _, key := range s.order {
		f := s.feeds[key]
		h.Write(f.sum[:])
		out = append(out, f.assets)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return out, sum
}

// sourceStatus is what /healthz says of one feed.
type sourceStatus struct {
	Source      string     `json:"source"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	Activities  int        `json:"activities"`
	LastError   string     `json:"last_error,omitempty"`
}

// status is each feed's state, in the asset file's order.
func (s *sources) status() []sourceStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []sourceStatus
	for _, key := range s.order {
		f := s.feeds[key]
		st := sourceStatus{Source: sourceName(f.src), Activities: f.lastOK, LastError: f.err}
		if !f.okAt.IsZero() {
			t := f.okAt
			st.LastSuccess = &t
		}
		out = append(out, st)
	}
	return out
}
