package wholefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWrite: a complete write replaces the file with the permissions
// asked for; a failed one leaves the old file and no temporary file.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	if err := Bytes(path, 0o600, []byte("old\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("stat = %v, %v; want mode 0600", info, err)
	}
	failed := errors.New("disk full")
	err := Write(path, 0o644, func(w io.Writer) error {
		w.Write([]byte("half of the n"))
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old\n" {
		t.Errorf("after a failed write the file holds %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the folder, want only the file itself", len(entries))
	}
	if err := Bytes(filepath.Join(dir, "no-such-folder", "x"), 0o644, nil); err == nil {
		t.Error("no error writing into a folder that is not there")
	}
}
