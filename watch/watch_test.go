package watch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// saves are the ways editors and people save a file.
var saves = map[string]func(t *testing.T, path, content string){
	"write in place": func(t *testing.T, path, content string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	},
	"rename over": func(t *testing.T, path, content string) {
		tmp := path + ".swp"
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	},
	"truncate then write": func(t *testing.T, path, content string) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for i := range len(content) {
			if _, err := f.Write([]byte{content[i]}); err != nil {
				t.Fatal(err)
			}
		}
	},
}

// TestEverySaveIsSeen saves a file each way, with change events and by
// polling alone, and waits for the new content to be reported.
func TestEverySaveIsSeen(t *testing.T) {
	for _, events := range []bool{true, false} {
		for name, save := range saves {
			mode := "polling"
			if events {
				mode = "events"
			}
			t.Run(mode+"/"+name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "assets.yaml")
				if err := os.WriteFile(path, []byte("first"), 0o644); err != nil {
					t.Fatal(err)
				}
				seen := make(chan string, 16)
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error)
				go func() {
					done <- watchFile(ctx, path, Options{Poll: 50 * time.Millisecond, Settle: 20 * time.Millisecond}, func() {
						data, _ := os.ReadFile(path)
						seen <- string(data)
					}, events)
				}()
				// Give the watch a moment to start, then keep saving until a
				// report arrives: the first save may beat the watch.
				deadline := time.After(10 * time.Second)
				tick := time.NewTicker(100 * time.Millisecond)
				defer tick.Stop()
				for got := ""; got != "second version"; {
					select {
					case got = <-seen:
					case <-tick.C:
						save(t, path, "second version")
					case <-deadline:
						t.Fatalf("the save was never reported; last saw %q", got)
					}
				}
				cancel()
				if err := <-done; err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// TestSettles: a burst of writes is reported once it is over, not once
// per write.
func TestSettles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assets.yaml")
	if err := os.WriteFile(path, []byte("v0"), 0o644); err != nil {
		t.Fatal(err)
	}
	reports := make(chan struct{}, 100)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go File(ctx, path, Options{Poll: time.Hour, Settle: 300 * time.Millisecond}, func() { reports <- struct{}{} })
	// Until the watch is up a burst goes unseen, so burst until one is
	// reported; then no second report may follow.
	deadline := time.After(10 * time.Second)
	for reported := false; !reported; {
		for i := range 20 {
			if err := os.WriteFile(path, []byte{'v', byte('a' + i)}, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		select {
		case <-reports:
			reported = true
		case <-time.After(time.Second):
		case <-deadline:
			t.Fatal("no burst was ever reported")
		}
	}
	select {
	case <-reports:
		t.Fatal("a burst of 20 quick writes was reported more than once")
	case <-time.After(time.Second):
	}
}
