package feeds

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"signpost/bot"
)

// ORUKHandler serves the list being served as an Open Referral UK 3.0
// API under /oruk/: GET /oruk/ (the version and profile), /oruk/services
// (paged with page and per_page, 50 a page by default, at most 500) and
// /oruk/services/{id}, readable from any site (CORS), as the profile asks.
// current is the list being served, nil before the first good load; the
// directory is made again only when it changes.
func ORUKHandler(current func() *bot.Catalogue) http.Handler {
	var mu sync.Mutex
	var last *bot.Catalogue
	var dir *Directory
	directory := func() *Directory {
		cat := current()
		if cat == nil {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		if cat != last {
			last, dir = cat, NewDirectory(cat)
		}
		return dir
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /oruk/{$}", func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusOK, rootDocument)
	})
	mux.HandleFunc("GET /oruk/services", func(w http.ResponseWriter, r *http.Request) {
		d := directory()
		if d == nil {
			reply(w, http.StatusServiceUnavailable, map[string]string{"error": "no list is being served yet"})
			return
		}
		n, ok1 := positive(r.URL.Query().Get("page"), 1)
		size, ok2 := positive(r.URL.Query().Get("per_page"), 50)
		if !ok1 || !ok2 || size > 500 {
			reply(w, http.StatusBadRequest, map[string]string{"error": "page and per_page are whole numbers from 1; per_page is at most 500"})
			return
		}
		reply(w, http.StatusOK, d.Page(n, size))
	})
	mux.HandleFunc("GET /oruk/services/{id}", func(w http.ResponseWriter, r *http.Request) {
		d := directory()
		if d == nil {
			reply(w, http.StatusServiceUnavailable, map[string]string{"error": "no list is being served yet"})
			return
		}
		s, ok := d.Service(r.PathValue("id"))
		if !ok {
			reply(w, http.StatusNotFound, map[string]string{"error": "no service has that id"})
			return
		}
		reply(w, http.StatusOK, s)
	})
	return mux
}

// positive reads a whole number from 1, or def when s is empty.
func positive(s string, def int) (int, bool) {
	if s == "" {
		return def, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1
}

func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
