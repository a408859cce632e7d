package index

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockDir holds the lock file at path for as long as the file returned
// is open, so that two processes never write one index directory.
func lockDir(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock index directory: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("lock index directory: another signpost has %s open; give each its own SIGNPOST_INDEX_DIR", path)
		}
		return nil, fmt.Errorf("lock index directory: %w", err)
	}
	return f, nil
}
