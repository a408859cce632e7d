// Package gaps keeps the record of questions that found nothing, so
// coaches can see which activities their area is missing. It holds only
// what bot.Gap holds: topic words, a district and the time asked about,
// never who asked.
package gaps

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"time"

	"signpost/bot"
	"signpost/wholefile"
)

// File is an append-only JSON-lines file of gaps, one per line, pruned of
// those older than its retention. It is safe for concurrent use.
type File struct {
	path string
	keep time.Duration
	log  *slog.Logger
	now  func() time.Time

	mu       sync.Mutex
	out      *os.File
	prunedOn bot.Date
}

var _ bot.GapRecorder = (*File)(nil)

// New is the gaps file at path, keeping gaps for keep. It touches nothing
// on disk until Open or the first Record. Failures to record are logged to
// log, never returned to the person who asked.
func New(path string, keep time.Duration, log *slog.Logger) *File {
	return &File{path: path, keep: keep, log: log, now: time.Now}
}

// Open opens, or creates, the file and prunes it, so a file that cannot
// be written is found at start-up rather than at the first gap.
func (f *File) Open() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.pruneLocked()
}

// Record appends g. A gap that cannot be written is logged and dropped:
// the answer to the person matters more than the record of it.
func (f *File) Record(g bot.Gap) {
	line, err := json.Marshal(g)
	if err != nil {
		f.log.Error("encode gap", "err", err)
		return
	}
	line = append(line, '\n')
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.out == nil || bot.DateOf(f.now()) != f.prunedOn {
		if err := f.pruneLocked(); err != nil {
			f.log.Error("gap not recorded", "file", f.path, "err", err)
			return
		}
	}
	if _, err := f.out.Write(line); err != nil {
		f.log.Error("record gap", "file", f.path, "err", err)
	}
}

// Counts groups the gaps recorded since then, most asked first.
func (f *File) Counts(since time.Time) ([]bot.GapCount, error) {
	gs, err := Read(f.path, since)
	if err != nil {
		return nil, err
	}
	return bot.CountGaps(gs), nil
}

// Close closes the file.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.out == nil {
		return nil
	}
	err := f.out.Close()
	f.out = nil
	return err
}

// pruneLocked rewrites the file without the gaps older than f.keep, by
// writing a new file beside it and renaming it into place, then reopens
// it for appending.
func (f *File) pruneLocked() error {
	now := f.now()
	f.prunedOn = bot.DateOf(now)
	kept, err := Read(f.path, now.Add(-f.keep))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if f.out != nil {
		f.out.Close()
		f.out = nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, g := range kept {
		if err := enc.Encode(g); err != nil {
			return fmt.Errorf("encode gap: %w", err)
		}
	}
	if err := wholefile.Bytes(f.path, 0o600, buf.Bytes()); err != nil {
		return err
	}
	out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open gaps file: %w", err)
	}
	f.out = out
	return nil
}

// Read returns the gaps in the file at path asked at or after since, in
// the order recorded. A line that is not a gap (a write cut off by a
// crash) is skipped.
func Read(path string, since time.Time) ([]bot.Gap, error) {
	in, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gaps: %w", err)
	}
	defer in.Close()
	var gs []bot.Gap
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		var g bot.Gap
		if json.Unmarshal(sc.Bytes(), &g) != nil || g.Topic == "" || g.At.Before(since) {
			continue
		}
		gs = append(gs, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gaps from %s: %w", path, err)
	}
	return gs, nil
}
