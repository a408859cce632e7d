package feeds

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// maxPages stops a feed whose pages never say they are the last.
const maxPages = 10000

// hydrators is how many services' full records are fetched at once from a
// version 3.0 feed, whose lists hold only each service's name and id.
const hydrators = 4

// ReadORUK reads an Open Referral UK feed, version 1.0 or 3.0 (and the
// Outpost and HSDS feeds in between), from src: the API's base URL, its
// /services URL, or a file holding one page, a list of services or one
// service. Every page is read before anything is returned: a page that
// fails, after retries, fails the whole read, so nothing is ever half
// imported.
func ReadORUK(ctx context.Context, src string, opt Options) (*Feed, error) {
	r := newReader(opt)
	services, err := r.orukServices(ctx, src)
	if err != nil {
		return nil, err
	}
	return r.orukFeed(services), nil
}

// orukPage is one page of services, whichever envelope it came in.
type orukPage struct {
	items []json.RawMessage
	// last is set when the page says it is the last, or is not paged.
	last       bool
	totalPages int
	// root is set for an API's root document ({version, profile}),
	// which names no services itself.
	root bool
}

// readORUKPage reads a page in any of the envelopes feeds use, told apart
// by their keys, never by a declared version: 1.0 and Outpost's
// {totalElements, totalPages, number, first, last, content}, 3.0's
// {total_items, total_pages, page_number, first_page, last_page,
// contents}, a bare list of services, or one service.
func readORUKPage(body []byte) (orukPage, error) {
	trimmed := strings.TrimSpace(string(body))
	if strings.HasPrefix(trimmed, "[") {
		var items []json.RawMessage
		if err := json.Unmarshal(body, &items); err != nil {
			return orukPage{}, fmt.Errorf("not a list of services: %w", err)
		}
		return orukPage{items: items, last: true}, nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(body, &keys); err != nil {
		return orukPage{}, fmt.Errorf("not JSON: %w", err)
	}
	var p orukPage
	var err error
	switch {
	case keys["contents"] != nil:
		err = json.Unmarshal(keys["contents"], &p.items)
		p.last = isTrue(keys["last_page"])
		p.totalPages = integer(keys["total_pages"])
	case keys["content"] != nil:
		err = json.Unmarshal(keys["content"], &p.items)
		p.last = isTrue(keys["last"])
		p.totalPages = integer(keys["totalPages"])
	case keys["id"] != nil && keys["name"] != nil:
		return orukPage{items: []json.RawMessage{body}, last: true}, nil
	case keys["version"] != nil || keys["openapi_url"] != nil:
		return orukPage{root: true, last: true}, nil
	default:
		return orukPage{}, errors.New("not an Open Referral UK page: it has no content, contents or service")
	}
	if err != nil {
		return orukPage{}, fmt.Errorf("the page's services are not a list: %w", err)
	}
	return p, nil
}

func isTrue(raw json.RawMessage) bool {
	var f flag
	return raw != nil && json.Unmarshal(raw, &f) == nil && bool(f)
}

func integer(raw json.RawMessage) int {
	var n number
	if raw == nil || json.Unmarshal(raw, &n) != nil || !n.Valid {
		return 0
	}
	return int(n.Value)
}

// orukServices reads every page of src and, for a feed whose lists are
// shallow, each service's full record. A service listed twice (pages shift
// while a feed is read) is read once.
func (r *reader) orukServices(ctx context.Context, src string) ([]orukService, error) {
	list := src
	n := pageNumber(list)
	page, err := r.orukPage(ctx, list, n)
	if err != nil {
		return nil, err
	}
	if page.root {
		if !isURL(src) {
			return nil, fmt.Errorf("%s: an API's root document names no services; give the /services URL or a page of them", src)
		}
		list = below(src, "services")
		if page, err = r.orukPage(ctx, list, n); err != nil {
			return nil, err
		}
	}
	var raws []json.RawMessage
	seen := map[string]bool{}
	for read := 1; ; read++ {
		fresh := 0
		for _, raw := range page.items {
			id := serviceID(raw)
			if id != "" && seen[id] {
				continue
			}
			seen[id] = id != ""
			raws = append(raws, raw)
			fresh++
		}
		// A page of nothing new is the end too: a server that ignores
		// the page asked for sends the first page for ever.
		if page.last || fresh == 0 || !isURL(list) || page.totalPages > 0 && read >= page.totalPages || read >= maxPages {
			break
		}
		n++
		if page, err = r.orukPage(ctx, list, n); err != nil {
			return nil, err
		}
	}
	return r.hydrate(ctx, list, raws)
}

// orukPage fetches and reads page n of list; a file is one page.
func (r *reader) orukPage(ctx context.Context, list string, n int) (orukPage, error) {
	at := list
	if isURL(list) {
		at = withPage(list, n)
	}
	body, err := r.fetch.Get(ctx, at)
	if err != nil {
		return orukPage{}, err
	}
	page, err := readORUKPage(body)
	if err != nil {
		return orukPage{}, fmt.Errorf("%s: %w", Shown(at), err)
	}
	return page, nil
}

// below is the address of name under base's path, keeping base's query
// (which may carry the feed's key) but not its paging.
func below(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		return strings.TrimSuffix(base, "/") + "/" + url.PathEscape(name)
	}
	u = u.JoinPath(name)
	q := u.Query()
	q.Del("page")
	q.Del("per_page")
	u.RawQuery = q.Encode()
	return u.String()
}

// serviceID is a raw service's id, or "".
func serviceID(raw json.RawMessage) string {
	var s struct {
		ID text `json:"id"`
	}
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return string(s.ID)
}

// pageNumber is the page src asks for, or 1.
func pageNumber(src string) int {
	u, err := url.Parse(src)
	if err != nil {
		return 1
	}
	if n, err := strconv.Atoi(u.Query().Get("page")); err == nil && n >= 0 {
		return n
	}
	return 1
}

// withPage is list asking for page n, 100 services a page unless it says.
func withPage(list string, n int) string {
	u, err := url.Parse(list)
	if err != nil {
		return list
	}
	q := u.Query()
	q.Set("page", strconv.Itoa(n))
	if q.Get("per_page") == "" {
		q.Set("per_page", "100")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// hydrate decodes each service, fetching in full those the list gives
// only shallowly (no locations and no schedules), a few at a time.
func (r *reader) hydrate(ctx context.Context, list string, raws []json.RawMessage) ([]orukService, error) {
	out := make([]orukService, len(raws))
	errs := make([]error, len(raws))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range hydrators {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = r.service(ctx, list, raws[i])
				if errs[i] != nil {
					cancel()
				}
			}
		})
	}
feed:
	for i := range raws {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	// The first failure stopped the others; it is the one to report.
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return nil, err
	}
	return out, nil
}

// service decodes one service, fetching its full record from
// list/{id} when the list gave it shallowly.
func (r *reader) service(ctx context.Context, list string, raw json.RawMessage) (orukService, error) {
	var s orukService
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, fmt.Errorf("a service in %s: %w", Shown(list), err)
	}
	if !shallow(raw) || !isURL(list) || s.ID == "" {
		return s, nil
	}
	at := below(list, string(s.ID))
	body, err := r.fetch.Get(ctx, at)
	if err != nil {
		return s, fmt.Errorf("service %s: %w", s.ID, err)
	}
	var full orukService
	if err := json.Unmarshal(body, &full); err != nil {
		return s, fmt.Errorf("service %s at %s: %w", s.ID, Shown(at), err)
	}
	return full, nil
}

// shallow reports whether a listed service lacks the locations and
// schedules its full record would hold.
func shallow(raw json.RawMessage) bool {
	var keys map[string]json.RawMessage
	if json.Unmarshal(raw, &keys) != nil {
		return false
	}
	for _, k := range []string{"service_at_locations", "schedules", "regular_schedules"} {
		if _, ok := keys[k]; ok {
			return false
		}
	}
	return true
}
