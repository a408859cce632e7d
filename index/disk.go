package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"signpost/bot"
	"signpost/wholefile"
)

// An index kept on disk lives in a directory of its own:
//
//	lock           held while a process has the index open
//	bleve/         bleve's scorch index
//	catalogue.gob  the list the index holds
//	manifest.json  what the index holds: the key it was kept under
//
// The manifest is written last, once the index and the catalogue are
// safely on disk, and removed before an update touches either, so a
// directory with a manifest always holds the list it names; anything
// else (no manifest, another key, another layout, a damaged index) is
// emptied and built again, never served.
const (
	lockFile      = "lock"
	bleveDir      = "bleve"
	catalogueFile = "catalogue.gob"
	manifestFile  = "manifest.json"
)

// diskLayout numbers how an index is laid out on disk: the mapping, the
// documents and the files above. Change it with any of them, so that an
// index written by an older program is built again.
const diskLayout = 1

// manifest says what an index directory holds.
type manifest struct {
	Layout int
	// Key is what the caller kept the index under: a digest of the asset
	// file and the program that read it.
	Key string
	// Documents is how many documents the index holds.
	Documents int
}

// Opened is an index opened from disk.
type Opened struct {
	Index *Index
	// Catalogue is the list the index holds, when it was kept under the
	// key asked for; then the index serves it already.
	Catalogue *bot.Catalogue
	// Stale, when Catalogue is nil, says why what the directory held was
	// not used; the index is then new and empty, to be filled with Update
	// and kept with Keep.
	Stale error
}

// Open opens the index kept in dir under key, or, when dir holds no such
// index, empties dir and makes a new one there. A process holds the
// directory until the index is closed; a second one is refused.
func Open(dir, key string) (Opened, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Opened{}, fmt.Errorf("open index directory: %w", err)
	}
	lock, err := lockDir(filepath.Join(dir, lockFile))
	if err != nil {
		return Opened{}, err
	}
	ix, cat, stale := reopen(dir, key)
	if stale == nil {
		ix.dir, ix.lock = dir, lock
		return Opened{Index: ix, Catalogue: cat}, nil
	}
	ix, err = create(dir)
	if err != nil {
		lock.Close()
		return Opened{}, err
	}
	ix.dir, ix.lock = dir, lock
	return Opened{Index: ix, Stale: stale}, nil
}

// reopen opens the index in dir if its manifest names key and it holds
// what the manifest says, with every document of the catalogue kept
// beside it and nothing else.
func reopen(dir, key string) (*Index, *bot.Catalogue, error) {
	m, err := readManifest(filepath.Join(dir, manifestFile))
	switch {
	case err != nil:
		return nil, nil, err
	case m.Layout != diskLayout:
		return nil, nil, fmt.Errorf("the index was written by a program that lays it out differently (layout %d, this program's %d)", m.Layout, diskLayout)
	case m.Key != key:
		return nil, nil, errors.New("the index was kept for another version of the asset file, or by another version of the program")
	}
	cat, err := readCatalogue(filepath.Join(dir, catalogueFile))
	if err != nil {
		return nil, nil, err
	}
	if n := docCount(cat); n != m.Documents {
		return nil, nil, fmt.Errorf("the kept list has %d documents, the manifest says %d", n, m.Documents)
	}
	idx, err := bleve.Open(filepath.Join(dir, bleveDir))
	if err != nil {
		return nil, nil, fmt.Errorf("open the kept index: %w", err)
	}
	ix, err := opened(idx, cat)
	if err != nil {
		idx.Close()
		return nil, nil, err
	}
	return ix, cat, nil
}

// opened is the Index over idx, which should hold exactly cat's
// documents: the view of it fails on a document cat has not, and a count
// short of cat's means some are missing.
func opened(idx bleve.Index, cat *bot.Catalogue) (*Index, error) {
	ix := wrap(idx)
	n, err := idx.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count the kept index: %w", err)
	}
	if int(n) != docCount(cat) {
		return nil, fmt.Errorf("the kept index holds %d documents of the list's %d", n, docCount(cat))
	}
	ix.docs = make(map[string]indexed, n)
	eachDocument(cat, func(id string, d *document, f facts) error {
		ix.docs[id] = indexed{print: d.print(ix.seed), facts: f}
		return nil
	})
	v, err := ix.newView(ix.docs)
	if err != nil {
		return nil, fmt.Errorf("read the kept index: %w", err)
	}
	ix.view = v
	return ix, nil
}

// create empties dir of any index and makes a new, empty one there.
func create(dir string) (*Index, error) {
	for _, name := range []string{manifestFile, catalogueFile, bleveDir} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return nil, fmt.Errorf("empty index directory: %w", err)
		}
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing(filepath.Join(dir, bleveDir), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index in %s: %w", dir, err)
	}
	return wrap(idx), nil
}

// Keep records that the index holds cat, under key, so that Open with
// the same key serves it without reading the asset file again. Call it
// after each Update of an index opened from disk; an index in memory has
// nowhere to keep anything.
func (ix *Index) Keep(key string, cat *bot.Catalogue) error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	if ix.dir == "" {
		return errors.New("keep the index: it is not on disk")
	}
	if ix.broken {
		return errBroken
	}
	if err := writeCatalogue(filepath.Join(ix.dir, catalogueFile), cat); err != nil {
		return err
	}
	m := manifest{Layout: diskLayout, Key: key, Documents: docCount(cat)}
	if err := writeManifest(filepath.Join(ix.dir, manifestFile), m); err != nil {
		return err
	}
	return nil
}

// forget removes the manifest, so that if the update about to start is
// cut short, the next Open builds afresh instead of trusting the index.
func (ix *Index) forget() error {
	if ix.dir == "" {
		return nil
	}
	if err := os.Remove(filepath.Join(ix.dir, manifestFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("mark the kept index as changing: %w", err)
	}
	return wholefile.SyncDir(ix.dir)
}

func readManifest(path string) (manifest, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return manifest{}, errors.New("no index has been kept there, or one was being changed when the program stopped")
	}
	if err != nil {
		return manifest{}, fmt.Errorf("read %s: %w", path, err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return manifest{}, fmt.Errorf("read %s: %w", path, err)
	}
	return m, nil
}

func writeManifest(path string, m manifest) error {
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return wholefile.Bytes(path, 0o600, append(data, '\n'))
}
