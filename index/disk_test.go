package index

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"signpost/bot"
)

// openTest opens the index kept in dir under key, failing the test on an
// error, and closes it when the test ends.
func openTest(t *testing.T, dir, key string) Opened {
	t.Helper()
	o, err := Open(dir, key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Index.Close() })
	return o
}

// fillTest puts cat in the new index o and keeps it under key.
func fillTest(t *testing.T, o Opened, key string, cat *bot.Catalogue) {
	t.Helper()
	if o.Catalogue != nil {
		t.Fatal("a kept list was opened where none should be")
	}
	if _, err := o.Index.Update(cat); err != nil {
		t.Fatal(err)
	}
	if err := o.Index.Keep(key, cat); err != nil {
		t.Fatal(err)
	}
}

func foundTest(t *testing.T, s bot.Searcher, word string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), bot.Query{Words: []string{word}})
	if err != nil {
		t.Fatal(err)
	}
	return ids(hits)
}

// TestKeptIndexOpensAsItWasKept: an index kept on disk opens after a
// restart without the list being read again, answers as the index in
// memory of the same list does, and keeps each update.
func TestKeptIndexOpensAsItWasKept(t *testing.T) {
	dir := t.TempDir()
	cat := testCatalogue()
	first, err := Open(dir, "v1")
	if err != nil {
		t.Fatal(err)
	}
	if first.Stale == nil {
		t.Fatal("an empty directory opened without saying why nothing was kept")
	}
	fillTest(t, first, "v1", cat)
	first.Index.Close()

	again := openTest(t, dir, "v1")
	if again.Stale != nil || again.Catalogue == nil {
		t.Fatalf("the kept index was not opened: %v", again.Stale)
	}
	if !reflect.DeepEqual(again.Catalogue, cat) {
		t.Fatalf("the kept list came back as %+v, want %+v", again.Catalogue, cat)
	}
	memory := buildTest(t)
	for _, word := range []string{"craft", "quiz", "toast", "bingo", "kniting"} {
		if got, want := foundTest(t, again.Index, word), foundTest(t, memory, word); !slices.Equal(got, want) {
			t.Errorf("%q found %v in the kept index, %v in memory", word, got, want)
		}
	}

	cat.Assets[1].Activities[0].Tags = []string{"darts"}
	if _, err := again.Index.Update(cat); err != nil {
		t.Fatal(err)
	}
	if err := again.Index.Keep("v2", cat); err != nil {
		t.Fatal(err)
	}
	again.Index.Close()
	updated := openTest(t, dir, "v2")
	if updated.Stale != nil {
		t.Fatalf("the updated index was not opened: %v", updated.Stale)
	}
	if got := foundTest(t, updated.Index, "darts"); !slices.Equal(got, []string{"the-crown/quiz"}) {
		t.Fatalf("darts found %v after the update was kept", got)
	}
}

// TestKeptIndexNotUsable: a kept index is never served unless it is
// exactly the list asked for, by this program; each other case is
// emptied and opened new.
func TestKeptIndexNotUsable(t *testing.T) {
	tests := []struct {
		name string
		key  string
		// spoil damages the directory after the index is kept.
		spoil func(t *testing.T, dir string)
		why   string
	}{
		{name: "another file version", key: "v2", why: "another version"},
		{name: "an older program's layout", key: "v1", why: "lays it out differently", spoil: func(t *testing.T, dir string) {
			path := filepath.Join(dir, manifestFile)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			old := strings.Replace(string(data), `"Layout":1`, `"Layout":0`, 1)
			if old == string(data) {
				t.Fatalf("no layout in %s", data)
			}
			writeTest(t, path, old)
		}},
		{name: "an update cut short", key: "v1", why: "being changed", spoil: func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, manifestFile)); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a truncated index", key: "v1", why: "kept index", spoil: func(t *testing.T, dir string) {
			segments, err := filepath.Glob(filepath.Join(dir, bleveDir, "store", "*.zap"))
			if err != nil || len(segments) == 0 {
				t.Fatalf("no segments to truncate: %v", err)
			}
			for _, s := range segments {
				info, err := os.Stat(s)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.Truncate(s, info.Size()/2); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{name: "a missing index", key: "v1", why: "kept index", spoil: func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, bleveDir)); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a truncated list", key: "v1", why: "kept list", spoil: func(t *testing.T, dir string) {
			path := filepath.Join(dir, catalogueFile)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, info.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			o, err := Open(dir, "v1")
			if err != nil {
				t.Fatal(err)
			}
			fillTest(t, o, "v1", testCatalogue())
			o.Index.Close()
			if tt.spoil != nil {
				tt.spoil(t, dir)
			}

			o = openTest(t, dir, tt.key)
			if o.Catalogue != nil || o.Stale == nil {
				t.Fatal("the spoilt index was opened as it was")
			}
			if !strings.Contains(o.Stale.Error(), tt.why) {
				t.Errorf("stale because %q, want it to say %q", o.Stale, tt.why)
			}
			if n, err := o.Index.idx.DocCount(); err != nil || n != 0 {
				t.Fatalf("the index opened new holds %d documents (%v)", n, err)
			}
			fillTest(t, o, tt.key, testCatalogue())
			if got := foundTest(t, o.Index, "quiz"); !slices.Equal(got, []string{"the-crown/quiz"}) {
				t.Fatalf("the index built again found %v", got)
			}
		})
	}
}

// TestKeptIndexHeldByOneProcess: a second Open of a directory in use is
// refused with what to do, and succeeds once the first is closed.
func TestKeptIndexHeldByOneProcess(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir, "v1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, "v1"); err == nil || !strings.Contains(err.Error(), "SIGNPOST_INDEX_DIR") {
		t.Fatalf("a second open of a directory in use: %v", err)
	}
	first.Index.Close()
	openTest(t, dir, "v1")
}

// TestKeptCatalogueHoldsEveryField guards the kept form of a catalogue:
// a field added to bot.Catalogue must be kept too.
func TestKeptCatalogueHoldsEveryField(t *testing.T) {
	if n := reflect.TypeFor[bot.Catalogue]().NumField(); n != 6 {
		t.Fatalf("bot.Catalogue has %d fields: keep the new one in keptCatalogue", n)
	}
	if n := reflect.TypeFor[bot.Area]().NumField(); n != 4 {
		t.Fatalf("bot.Area has %d fields: keep the new one in keptCatalogue", n)
	}
}

func writeTest(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
