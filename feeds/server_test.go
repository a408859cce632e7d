package feeds

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeORUK is an Open Referral UK 3.0 API on 127.0.0.1 whose lists are
// shallow, as real ones are, with faults to switch on.
type fakeORUK struct {
	services int
	// fail answers page n with status code fail[n] that many times first.
	failTimes map[int]int
	failCode  int
	// slow delays page n by that long.
	slow map[int]time.Duration
	// broken sends page n as something that is not JSON.
	broken int
	// huge pads page n past a megabyte.
	huge int
	// repeat lists the first service of page 1 again on page 2.
	repeat bool
	// v1 serves the version 1.0 envelope, full records in the list.
	v1 bool
	// key, if set, must be in every request's query, as some councils'
	// APIs ask.
	key string

	mu   sync.Mutex
	hits map[string]int
}

func (s *fakeORUK) start(t testing.TB) *httptest.Server {
	s.hits = map[string]int{}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

func (s *fakeORUK) hit(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[key]++
	return s.hits[key]
}

func (s *fakeORUK) count(prefix string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, v := range s.hits {
		if strings.HasPrefix(k, prefix) {
			n += v
		}
	}
	return n
}

func (s *fakeORUK) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "Signpost/") {
		http.Error(w, "say who you are", http.StatusForbidden)
		return
	}
	if s.key != "" && r.URL.Query().Get("key") != s.key {
		http.Error(w, "no key", http.StatusUnauthorized)
		return
	}
	switch {
	case r.URL.Path == "/":
		json.NewEncoder(w).Encode(map[string]string{"version": "3.0", "profile": "https://path/to/profile", "openapi_url": "/openapi.json"})
	case r.URL.Path == "/services":
		s.page(w, r)
	case strings.HasPrefix(r.URL.Path, "/services/"):
		id := strings.TrimPrefix(r.URL.Path, "/services/")
		s.hit("detail/" + id)
		n, err := strconv.Atoi(strings.TrimPrefix(id, "svc-"))
		if err != nil || n >= s.services {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(fullService(n))
	default:
		http.NotFound(w, r)
	}
}

func (s *fakeORUK) page(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if page < 1 || per < 1 {
		http.Error(w, "page and per_page", http.StatusBadRequest)
		return
	}
	tries := s.hit(fmt.Sprintf("page/%d", page))
	if tries <= s.failTimes[page] {
		http.Error(w, "try later", s.failCode)
		return
	}
	if d := s.slow[page]; d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	if page == s.broken {
		w.Write([]byte(`{"total_items": 3, "contents": [{"id": "svc-0", "name": `))
		return
	}
	total := (s.services + per - 1) / per
	var items []any
	for i := (page - 1) * per; i < min(page*per, s.services); i++ {
		if s.v1 {
			items = append(items, fullService(i))
		} else {
			items = append(items, map[string]any{"id": fmt.Sprintf("svc-%d", i), "name": fmt.Sprintf("Group %d", i), "status": "active"})
		}
	}
	if s.repeat && page == 2 {
		items = append(items, map[string]any{"id": "svc-0", "name": "Group 0", "status": "active"})
	}
	body := map[string]any{"total_items": s.services, "total_pages": total, "page_number": page, "size": per,
		"first_page": page == 1, "last_page": page >= total, "empty": len(items) == 0, "contents": items}
	if s.v1 {
		body = map[string]any{"totalElements": s.services, "totalPages": total, "number": page, "size": per,
			"first": page == 1, "last": page >= total, "content": items}
	}
	if page == s.huge {
		body["padding"] = strings.Repeat("x", 2<<20)
	}
	json.NewEncoder(w).Encode(body)
}

// fullService is service n's full record: a group at one of a few dozen
// halls, on a weekday.
func fullService(n int) map[string]any {
	days := []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	hall := n % 40
	return map[string]any{
		"id": fmt.Sprintf("svc-%d", n), "name": fmt.Sprintf("Group %d", n), "status": "active",
		"description": fmt.Sprintf("A friendly group, number %d, for anyone who wants to come along.", n),
		"service_at_locations": []any{map[string]any{"id": fmt.Sprintf("sal-%d", n), "location": map[string]any{
			"id": fmt.Sprintf("loc-%d", hall), "location_type": "physical", "name": fmt.Sprintf("Hall %d", hall),
			"latitude": 52.4 + float64(hall)*0.003, "longitude": -2.1 + float64(hall)*0.002,
			"addresses": []any{map[string]any{"address_1": fmt.Sprintf("%d High Street", hall+1), "postal_code": "B69 3DE"}},
		}}},
		"schedules": []any{map[string]any{"freq": "WEEKLY", "byday": days[n%7], "opens_at": "10:00", "closes_at": "12:00"}},
	}
}

func activities(f *Feed) int {
	n := 0
	for _, a := range f.Assets {
		n += len(a.Activities)
	}
	return n
}

// TestORUKFeedServer: a paged, shallow 3.0 feed is read to the end from
// its root, each service fetched in full once, faults retried or reported,
// and nothing returned from a read that failed.
func TestORUKFeedServer(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		feed  *fakeORUK
		fetch Fetcher
		want  int
		err   string
	}{
		{name: "paged", feed: &fakeORUK{services: 250}, want: 250},
		{name: "version 1.0 pages", feed: &fakeORUK{services: 150, v1: true}, want: 150},
		{name: "listed twice", feed: &fakeORUK{services: 150, repeat: true}, want: 150},
		{name: "slow page", feed: &fakeORUK{services: 150, slow: map[int]time.Duration{2: 200 * time.Millisecond}}, want: 150},
		{name: "a page fails, then works", feed: &fakeORUK{services: 250, failTimes: map[int]int{2: 2}, failCode: 503}, want: 250},
		{name: "a page keeps failing", feed: &fakeORUK{services: 250, failTimes: map[int]int{2: 99}, failCode: 500}, err: "page=2"},
		{name: "a page is refused", feed: &fakeORUK{services: 250, failTimes: map[int]int{2: 99}, failCode: 404}, err: "404"},
		// The client gives up on the page that never comes; a second is
		// far more than any other page takes, even on a busy machine.
		{name: "a page too slow", feed: &fakeORUK{services: 250, slow: map[int]time.Duration{3: time.Hour}},
			fetch: Fetcher{Client: &http.Client{Timeout: time.Second}, Attempts: 1}, err: "page=3"},
		{name: "a key in the query", feed: &fakeORUK{services: 150, key: "s3cret"}, want: 150},
		{name: "a key, and a page that fails", feed: &fakeORUK{services: 150, key: "s3cret", failTimes: map[int]int{2: 99}, failCode: 500}, err: "page=2"},
		{name: "malformed page", feed: &fakeORUK{services: 250, broken: 2}, err: "not JSON"},
		{name: "enormous page", feed: &fakeORUK{services: 250, huge: 2}, fetch: Fetcher{MaxBytes: 1 << 20}, err: "too large"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := c.feed.start(t)
			opt := options()
			c.fetch.Backoff = time.Millisecond
			opt.Fetcher = &c.fetch
			src := srv.URL + "/"
			if c.feed.key != "" {
				src += "?key=" + c.feed.key
			}
			f, err := ReadORUK(ctx, src, opt)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || f != nil {
					t.Fatalf("err = %v, feed %v; want an error with %q and nothing read", err, f != nil, c.err)
				}
				if c.feed.key != "" && strings.Contains(err.Error(), c.feed.key) {
					t.Errorf("the error shows the feed's key: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Read != c.want || activities(f) != c.want || len(f.Assets) != 40 {
				t.Errorf("read %d, %d activities at %d venues; want %d at 40", f.Read, activities(f), len(f.Assets), c.want)
			}
			details := c.feed.count("detail/")
			if c.feed.v1 && details != 0 || !c.feed.v1 && details != c.want {
				t.Errorf("%d services fetched in full, want each shallow one once", details)
			}
		})
	}
}

// TestORUKFeedGone: a feed that is not there says so.
func TestORUKFeedGone(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	if _, err := ReadORUK(context.Background(), srv.URL+"/services", options()); err == nil {
		t.Fatal("no error from a server that has gone")
	}
	if _, err := ReadORUK(context.Background(), "testdata/no-such-feed.json", options()); err == nil || !strings.Contains(err.Error(), "no-such-feed.json") {
		t.Fatalf("err = %v, want one naming the file", err)
	}
}
