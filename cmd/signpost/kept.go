package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// keeper says where the index is kept between runs and what it must have
// been kept under to be served again: a digest of this program, the
// postcode file and the asset file, so that a new build or a changed
// postcode file builds the index afresh rather than trusting one made
// differently.
type keeper struct {
	dir  string
	base []byte
}

// newKeeper is the keeper of an index kept in dir by this program, with
// the postcode file at postcodes ("" for none).
func newKeeper(dir, postcodes string) (*keeper, error) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find this program to key the kept index by: %w", err)
	}
	if err := digest(h, exe); err != nil {
		return nil, err
	}
	if postcodes != "" {
		if err := digest(h, postcodes); err != nil {
			return nil, err
		}
	}
	return &keeper{dir: dir, base: h.Sum(nil)}, nil
}

func digest(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("key the kept index: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("key the kept index by %s: %w", path, err)
	}
	return nil
}

// key is what the index of the asset file data is kept under.
func (k *keeper) key(data []byte) string {
	h := sha256.New()
	h.Write(k.base)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}
