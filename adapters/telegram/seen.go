package telegram

import (
	"bufio"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
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
}

func newSeenSet(path string, keep int, log *slog.Logger) *seenSet {
	return &seenSet{path: path, keep: keep, log: log, ids: make(map[int64]struct{}), ring: make([]int64, 0, min(keep, 1024))}
}

// open reads the ids answered before, if there is a file, and opens it
// for adding to.
func (s *seenSet) open() error {
	if s.path == "" {
		return nil
	}
	lines, err := s.load()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range lines {
		s.remember(id)
	}
	s.lines = len(lines)
	return s.reopen()
}

func (s *seenSet) load() ([]int64, error) {
	f, err := os.Open(s.path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the answered updates file %s: %w (choose a file signpost can read and write)", s.path, err)
	}
	defer f.Close()
	var ids []int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if id, err := strconv.ParseInt(strings.TrimSpace(sc.Text()), 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read the answered updates file %s: %w", s.path, err)
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
func (s *seenSet) done(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil {
		return
	}
	if _, err := s.file.WriteString(strconv.FormatInt(id, 10) + "\n"); err != nil {
		s.log.Warn("could not record an answered update; it may be answered again after a restart", "err", err)
		return
	}
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
	err := s.rewrite()
	if rerr := s.reopen(); err == nil {
		err = rerr
	}
	return err
}

func (s *seenSet) rewrite() error {
	s.file.Close()
	s.file = nil
	ids, err := s.load()
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10) + "\n")
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("shorten %s: %w", s.path, err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return fmt.Errorf("shorten %s: %w", s.path, err)
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
