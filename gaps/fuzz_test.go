package gaps

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzRead feeds Read whatever a crash, a full disk or a careless edit
// might leave in the gaps file: it never fails on the content, and every
// gap it returns has a topic and is as recent as asked.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"at":"2026-11-20T10:00:00Z","topic":"swimming","place":"B69"}` + "\n"))
	f.Add([]byte(`{"at":"2026-11-20T10:00:00Z","topic":"sw` + "\n" + `{"at":"2026-11-21T10:00:00Z","topic":"chess"}`))
	f.Add([]byte("\x00\xff\n\n{}\n[]\nnull\n"))
	since := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "gaps.jsonl")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		gs, err := Read(path, since)
		if err != nil {
			return // a line over 1 MB: reported, not a crash
		}
		for _, g := range gs {
			if g.Topic == "" || g.At.Before(since) {
				t.Fatalf("Read returned %+v", g)
			}
		}
	})
}
