package telegram

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"

	"signpost/wholefile"
)

// seenKeep is how many update ids are remembered. Telegram sends an update
// again only if it was not acknowledged, within hours; this covers far
// more than that at Telegram's own rate limits.
const seenKeep = 50000

// seenSet remembers which updates were taken, so that no update is
// answered twice: in memory for the most recent ones, and, when given a
// file, the answered ones across a restart too. An update is written to
// the file once it has been answered, so one taken but not answered
// before a restart is answered when Telegram sends it again.
type seenSet struct {
	path string
	keep int
	log  *slog.Logger

	mu    sync.Mutex
	ids   map[int64]struct{}
	ring  []int64 // the ids in the order taken, oldest at next once full
	next  int
	file  *os.File
	lines int
	// failing is set while writing to the file fails, to log it once.
	failing bool
}

func newSeenSet(path string, keep int, log *slog.Logger) *seenSet {
	return &seenSet{path: path, keep: keep, log: log, ids: make(map[int64]struct{}), ring: make([]int64, 0, min(keep, 1024))}
}

// open reads the ids answered before, if there is a file, writes them
// back cleanly and opens the file for adding to.
func (s *seenSet) open() error {
	if s.path == "" {
		return nil
	}
	ids, err := s.load()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		s.remember(id)
	}
	if err := s.rewrite(ids); err != nil {
		return err
	}
	s.log.Info("remembering answered updates across restarts", "file", s.path, "remembered", len(ids))
	return s.reopen()
}

// maxSeenBytes bounds the file: 2×seenKeep ids take about a megabyte, so
// a larger file is not one this adapter wrote.
const maxSeenBytes = 8 << 20

// load reads the newest keep ids in the file. What a crash can leave is
// skipped with a warning, as the file only spares people a repeated
// answer: a last line cut short as it was written, or zero bytes where a
// write never reached the disk. A file holding anything else is someone
// else's, and is refused rather than written over.
func (s *seenSet) load() ([]int64, error) {
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the answered updates file %s: %w (choose a file signpost can read and write)", s.path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSeenBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read the answered updates file %s: %w", s.path, err)
	}
	if len(b) > maxSeenBytes || strings.Trim(string(b), "0123456789\n\x00") != "" {
		return nil, fmt.Errorf("%s is not an answered updates file: it holds more than update ids. Choose another file, or delete it if signpost made it", s.path)
	}
	lines := strings.Split(string(b), "\n")
	skipped := 0
	if strings.Trim(lines[len(lines)-1], "\x00") != "" {
		skipped++ // cut short
	}
	var ids []int64
	for _, line := range lines[:len(lines)-1] {
		if id, err := strconv.ParseInt(line, 10, 64); err == nil {
			ids = append(ids, id)
		} else if strings.Trim(line, "\x00") != "" {
			skipped++
		}
	}
	if skipped > 0 {
		s.log.Warn("skipped lines cut short in the answered updates file", "file", s.path, "lines", skipped)
	}
	return ids[max(0, len(ids)-s.keep):], nil
}

// reopen opens the file for appending; s.mu is held.
func (s *seenSet) reopen() error {
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open the answered updates file %s: %w (choose a file signpost can write)", s.path, err)
	}
	s.file = f
	return nil
}

// add reports whether id is new, and remembers it.
func (s *seenSet) add(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.ids[id]; ok {
		return false
	}
	s.remember(id)
	return true
}

// remember adds id, forgetting the oldest beyond keep; s.mu is held.
func (s *seenSet) remember(id int64) {
	if _, ok := s.ids[id]; ok {
		return
	}
	if len(s.ring) < s.keep {
		s.ring = append(s.ring, id)
	} else {
		delete(s.ids, s.ring[s.next])
		s.ring[s.next] = id
		s.next = (s.next + 1) % s.keep
	}
	s.ids[id] = struct{}{}
}

// done records that id has been dealt with, in the file if there is one.
// When the file has grown to twice keep, it is rewritten with the newest.
// A failure to write is logged once, until writing works again.
func (s *seenSet) done(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil {
		return
	}
	if _, err := s.file.WriteString(strconv.FormatInt(id, 10) + "\n"); err != nil {
		if !s.failing {
			s.log.Warn("could not record an answered update; it may be answered again after a restart", "file", s.path, "err", err)
		}
		s.failing = true
		return
	}
	s.failing = false
	s.lines++
	if s.lines >= 2*s.keep {
		if err := s.compact(); err != nil {
			s.log.Warn("could not shorten the answered updates file", "err", err)
		}
	}
}

// compact rewrites the file with its newest keep ids and opens it again;
// s.mu is held.
func (s *seenSet) compact() error {
	s.file.Close()
	s.file = nil
	ids, err := s.load()
	if err == nil {
		err = s.rewrite(ids)
	}
	if rerr := s.reopen(); err == nil {
		err = rerr
	}
	return err
}

// rewrite replaces the file with ids, one a line, through a temporary
// file synced to disk first, so that a crash leaves the old file or the
// new one, never half of either; s.mu is held (or not yet shared).
func (s *seenSet) rewrite(ids []int64) error {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10) + "\n")
	}
	if err := wholefile.Bytes(s.path, 0o600, []byte(b.String())); err != nil {
		return fmt.Errorf("rewrite the answered updates file: %w (choose a file signpost can write, in a folder it can write to)", err)
	}
	s.lines = len(ids)
	return nil
}

// close closes the file.
func (s *seenSet) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file != nil {
		s.file.Close()
		s.file = nil
	}
}
