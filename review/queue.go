// Package review keeps the changes waiting for a coach: suggestions from
// groups' organisers and residents, and what coaches decided. Nothing
// suggested is served before a coach approves it, and nothing is ever
// lost: every suggestion, decision and write is appended to one log, a
// JSON object a line, readable by the coaches only.
package review

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sync"
	"time"

	"signpost/assets"
)

// Kind is what a line of the log records.
type Kind string

// The kinds of line in the log.
const (
	Suggested Kind = "suggested"
	Approved  Kind = "approved"
	Rejected  Kind = "rejected"
	// Written means an approved change is in the asset file.
	Written Kind = "written"
	// Conflict means a coach had edited the entry since the change was
	// suggested; it waits to be looked at again.
	Conflict Kind = "conflict"
	// Failed means an approved change could not be written; it waits.
	Failed Kind = "failed"
)

// Suggestion is a change waiting for a coach.
type Suggestion struct {
	ID string `json:"id"`
	// From says who suggested it without saying who they are: "the
	// organiser of hall/tots", "a resident".
	From string `json:"from"`
	// Summary is the change in words, as the coach is shown it.
	Summary string        `json:"summary"`
	Change  assets.Change `json:"change"`
	At      time.Time     `json:"at"`
	Status  Kind          `json:"-"`
	Note    string        `json:"-"`
}

// line is one line of the log.
type line struct {
	Kind       Kind        `json:"kind"`
	ID         string      `json:"id"`
	At         time.Time   `json:"at"`
	By         string      `json:"by,omitempty"`
	Note       string      `json:"note,omitempty"`
	Suggestion *Suggestion `json:"suggestion,omitempty"`
}

// Queue is the log at one path. It is safe for concurrent use.
type Queue struct {
	path string
	now  func() time.Time
	mu   sync.Mutex
}

// Open is the queue whose log is at path, created (0600) if it is not
// there.
func Open(path string) (*Queue, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the review log: %w (set SIGNPOST_REVIEW_FILE to a file signpost may write)", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("open the review log: %w", err)
	}
	return &Queue{path: path, now: time.Now}, nil
}

// Suggest puts s in the queue and returns its id.
func (q *Queue) Suggest(s Suggestion) (string, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	s.ID, s.At = hex.EncodeToString(b[:]), q.now().UTC()
	return s.ID, q.append(line{Kind: Suggested, ID: s.ID, At: s.At, Suggestion: &s})
}

// Pending are the suggestions not yet written or rejected, oldest first,
// each with what last happened to it.
func (q *Queue) Pending() ([]Suggestion, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.pending()
}

// ErrNotPending is returned for a decision on a suggestion that is not
// waiting: unknown, or already written or rejected.
var ErrNotPending = errors.New("no suggestion with that id is waiting")

// ErrUnfinished is returned for approving again a change whose first
// approval was cut short (the program stopped mid-write): it may be in
// the file already, so it is not written twice.
var ErrUnfinished = errors.New("this was approved before but the write may not have finished; check the file, make the change by hand if it is not there, and reject this one")

// Decide records a coach's decision on suggestion id. An approved change
// is made with apply (assets.ApplyFile, for the asset file); if the entry
// was edited since, or the write fails, the suggestion stays waiting with
// why, and the error is returned.
func (q *Queue) Decide(id string, approve bool, by string, apply func(assets.Change) error) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	pending, err := q.pending()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(pending, func(s Suggestion) bool { return s.ID == id })
	if i < 0 {
		return fmt.Errorf("%s: %w", id, ErrNotPending)
	}
	if !approve {
		return q.append(line{Kind: Rejected, ID: id, At: q.now().UTC(), By: by})
	}
	if pending[i].Status == Approved {
		return fmt.Errorf("%s: %w", id, ErrUnfinished)
	}
	if err := q.append(line{Kind: Approved, ID: id, At: q.now().UTC(), By: by}); err != nil {
		return err
	}
	if err := apply(pending[i].Change); err != nil {
		kind := Failed
		if errors.Is(err, assets.ErrConflict) {
			kind = Conflict
		}
		if lerr := q.append(line{Kind: kind, ID: id, At: q.now().UTC(), Note: err.Error()}); lerr != nil {
			return errors.Join(err, lerr)
		}
		return err
	}
	return q.append(line{Kind: Written, ID: id, At: q.now().UTC()})
}

func (q *Queue) pending() ([]Suggestion, error) {
	f, err := os.Open(q.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the review log: %w", err)
	}
	defer f.Close()
	var order []string
	byID := map[string]*Suggestion{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		var l line
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue // a line cut off by a crash
		}
		if l.Kind == Suggested && l.Suggestion != nil {
			s := *l.Suggestion
			s.Status = Suggested
			byID[l.ID] = &s
			order = append(order, l.ID)
			continue
		}
		if s, ok := byID[l.ID]; ok {
			s.Status, s.Note = l.Kind, l.Note
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read the review log: %w", err)
	}
	var out []Suggestion
	for _, id := range order {
		if s := byID[id]; s.Status != Written && s.Status != Rejected {
			out = append(out, *s)
		}
	}
	return out, nil
}

// append writes one line to the log and syncs it.
func (q *Queue) append(l line) error {
	data, err := json.Marshal(l)
	if err != nil {
		return fmt.Errorf("write the review log: %w", err)
	}
	f, err := os.OpenFile(q.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("write the review log: %w", err)
	}
	_, err = f.Write(append(data, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write the review log: %w", err)
	}
	return nil
}
