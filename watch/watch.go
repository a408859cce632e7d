// Package watch reports when a file changes, however it is saved: written
// in place, truncated and written again, replaced by renaming a temporary
// file over it (as most editors do), or changed on a mounted share where
// change events never arrive.
package watch

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a watch. The zero value of each field means its default.
type Options struct {
	// Poll is how often the file is looked at even when no change event
	// arrives (default 1 s), for shares and file systems without events.
	Poll time.Duration
	// Settle is how long the file must be quiet after a change before it
	// is reported (default 150 ms), so a save made in several writes is
	// reported once, after its last write.
	Settle time.Duration
	// Log receives problems with the watch itself; nil discards them.
	Log *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.Settle <= 0 {
		o.Settle = 150 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// File calls changed each time the file at path has changed and settled,
// until ctx is done. Calls never overlap, and a change made while changed
// runs is reported once it returns. The file may be missing at times,
// as it is for a moment during some saves.
func File(ctx context.Context, path string, opt Options, changed func()) error {
	return watchFile(ctx, path, opt, changed, true)
}

// watchFile is File, with change events turned off when events is false
// so tests can show that polling alone finds every save.
func watchFile(ctx context.Context, path string, opt Options, changed func(), events bool) error {
	opt = opt.withDefaults()
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("watch %s: %w", path, err)
	}
	var evs <-chan fsnotify.Event
	var errs <-chan error
	if events {
		// Watch the folder, not the file: a save that renames a new file
		// into place would leave a watch on the old file looking at
		// nothing.
		w, err := fsnotify.NewWatcher()
		if err == nil {
			err = w.Add(filepath.Dir(abs))
		}
		if err != nil {
			opt.Log.Warn("file change events unavailable; looking for changes every poll instead", "file", abs, "poll", opt.Poll, "err", err)
		} else {
			defer w.Close()
			evs, errs = w.Events, w.Errors
		}
	}

	poll := time.NewTicker(opt.Poll)
	defer poll.Stop()
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	seen := stampOf(abs)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-evs:
			if !ok {
				evs = nil
				continue
			}
			if filepath.Clean(ev.Name) == abs {
				settle.Reset(opt.Settle)
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			opt.Log.Warn("file watch", "file", abs, "err", err)
		case <-poll.C:
			if stampOf(abs) != seen {
				settle.Reset(opt.Settle)
			}
		case <-settle.C:
			seen = stampOf(abs)
			changed()
		}
	}
}

// stamp is what polling compares: a save changes the time, the size or,
// for a rename, the file itself.
type stamp struct {
	mod   time.Time
	size  int64
	inode uint64
	found bool
}

func stampOf(path string) stamp {
	info, err := os.Stat(path)
	if err != nil {
		return stamp{}
	}
	return stamp{mod: info.ModTime(), size: info.Size(), inode: inodeOf(info), found: true}
}
