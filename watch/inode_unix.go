//go:build unix

package watch

import (
	"os"
	"syscall"
)

// inodeOf tells a file renamed into place from the one it replaced, even
// when both have the same size and time.
func inodeOf(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
