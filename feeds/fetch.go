package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"strings"
	"time"
)

// UserAgent names Signpost to the servers it reads, as feed publishers ask.
const UserAgent = "Signpost/1 (community signposting bot; reads Open Referral UK and OpenActive feeds)"

// DefaultMaxBytes is the largest page read: a page of 100 fully nested
// services is well under a megabyte, so a page past this is not a page.
const DefaultMaxBytes = 64 << 20

// Fetcher reads feed pages from the web or from files, retrying what may
// succeed a moment later.
type Fetcher struct {
	// Client makes the requests; nil means one with a 60-second timeout.
	Client *http.Client
	// Attempts is how many times a page is tried; 0 means 4.
	Attempts int
	// Backoff is the wait before the second try, doubled for each one
	// after; 0 means one second.
	Backoff time.Duration
	// MaxBytes is the largest page read; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// errTooBig is wrapped by the error for a page larger than MaxBytes.
var errTooBig = errors.New("page too large")

// Get reads src: an http or https URL, or else a file's path. A URL that
// answers 5xx or 429, or cannot be reached, is tried again after a pause;
// one that answers 4xx is not.
func (f *Fetcher) Get(ctx context.Context, src string) ([]byte, error) {
	if !isURL(src) {
		return f.readFile(src)
	}
	attempts := f.Attempts
	if attempts <= 0 {
		attempts = 4
	}
	wait := f.Backoff
	if wait <= 0 {
		wait = time.Second
	}
	var err error
	for try := 1; ; try++ {
		var body []byte
		var again bool
		body, again, err = f.get(ctx, src)
		if err == nil {
			return body, nil
		}
		if !again || try == attempts {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%s: %w", Shown(src), ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// get makes one request, and says whether a failure is worth trying again.
func (f *Fetcher) get(ctx context.Context, url string) ([]byte, bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", Shown(url), err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "application/json")
	client := f.Client
	if client == nil {
		client = &http.Client{Timeout: time.Minute}
	}
	resp, err := client.Do(req)
	if err != nil {
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the address, query and all
		}
		return nil, ctx.Err() == nil, fmt.Errorf("get %s: %w", Shown(url), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		again := resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests
		return nil, again, fmt.Errorf("get %s: the server said %s", Shown(url), resp.Status)
	}
	body, err := f.read(resp.Body)
	if err != nil {
		return nil, !errors.Is(err, errTooBig), fmt.Errorf("get %s: %w", Shown(url), err)
	}
	return body, false, nil
}

func (f *Fetcher) readFile(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read feed: %w", err)
	}
	defer file.Close()
	body, err := f.read(file)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return body, nil
}

// read reads a whole page, no more than MaxBytes, without its byte-order
// mark.
func (f *Fetcher) read(r io.Reader) ([]byte, error) {
	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: over %d MB", errTooBig, limit>>20)
	}
	return bytes.TrimPrefix(body, []byte("\uFEFF")), nil
}

// pagingParams are the query parameters feeds page by, shown in
// messages; the values of any others are hidden, as a feed's key is often
// one of them.
var pagingParams = map[string]bool{"page": true, "per_page": true, "afterTimestamp": true, "afterId": true, "afterChangeNumber": true}

// Shown is a feed's address as it may be shown in logs, errors and
// /healthz: without a user or password, and with the values of its
// query's parameters hidden, but for those it pages by.
func Shown(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.User = nil
	q := u.Query()
	for k := range q {
		if !pagingParams[k] {
			q[k] = []string{"…"}
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
