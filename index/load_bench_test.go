package index_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// BenchmarkLoadAndIndex is a first start: the file read and indexed in
// memory. A fresh process then loads the list and takes one save, as
// serve does, and reports its peak resident size, reload included.
func BenchmarkLoadAndIndex(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			data := listData(b, l)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ix, err := index.Build(parsed(b, data))
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
			peak, heap, err := loadInFreshProcess(b, data)
			if err != nil {
				b.Logf("peak resident memory not measured: %v", err)
				return
			}
			b.ReportMetric(peak, "peak-RSS-MB")
			b.ReportMetric(heap, "heap-MB")
		})
	}
}

// BenchmarkFirstStartOnDisk is a first start with SIGNPOST_INDEX_DIR
// set: the file read, indexed into an empty directory and kept there.
func BenchmarkFirstStartOnDisk(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			data := listData(b, l)
			var dir string
			for b.Loop() {
				dir = filepath.Join(b.TempDir(), "index")
				keep(b, dir, data)
			}
			b.ReportMetric(float64(diskSize(b, dir))/(1<<20), "disk-MB")
			b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
		})
	}
}

// keep indexes data into dir and keeps it there under data's digest.
func keep(b *testing.B, dir string, data []byte) {
	b.Helper()
	o, err := index.Open(dir, benchKey(data))
	if err != nil {
		b.Fatal(err)
	}
	defer o.Index.Close()
	cat := parsed(b, data)
	if _, err := o.Index.Update(cat); err != nil {
		b.Fatal(err)
	}
	if err := o.Index.Keep(benchKey(data), cat); err != nil {
		b.Fatal(err)
	}
}

// diskSize is the bytes the files under dir take.
func diskSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

func benchKey(data []byte) string { return fmt.Sprintf("%x", sha256.Sum256(data)) }

// BenchmarkRestart is a restart with the file unchanged since the index
// was kept: the file read and hashed, the kept index and list opened,
// and the reader of questions made, as serve does before it answers.
func BenchmarkRestart(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			data := listData(b, l)
			dir := filepath.Join(b.TempDir(), "index")
			path := filepath.Join(b.TempDir(), "assets.yaml")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				b.Fatal(err)
			}
			keep(b, dir, data)
			for b.Loop() {
				read, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				o, err := index.Open(dir, benchKey(read))
				if err != nil {
					b.Fatal(err)
				}
				if o.Catalogue == nil {
					b.Fatalf("the kept index was not used: %v", o.Stale)
				}
				understand.New(o.Catalogue, nil)
				o.Index.Close()
			}
		})
	}
}

// BenchmarkSaveOneEdit is a coach's save of one changed entry going
// live, as serve takes it: the file parsed with the Parser that read the
// last save, the index updated in place while the reader of questions is
// made from the last one, and both put in use. Its parts are reported as
// metrics; the reader's and the update's overlap.
func BenchmarkSaveOneEdit(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			data := listData(b, l)
			var p assets.Parser
			cat, _, err := p.Parse(data, assets.Options{})
			if err != nil {
				b.Fatal(err)
			}
			ix, err := index.Build(cat)
			if err != nil {
				b.Fatal(err)
			}
			sp := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
			defer sp.Close()
			defer ix.Close()
			reader := understand.New(cat, nil)
			var parse, update, read time.Duration
			round := 0
			for b.Loop() {
				round++
				t0 := time.Now()
				save, err := edited(data, round)
				if err != nil {
					b.Fatal(err)
				}
				cat, _, err := p.Parse(save, assets.Options{})
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				// As serve does: the reader is made while the index is
				// updated.
				next := make(chan *understand.Reader, 1)
				go func() {
					r := reader.Next(cat)
					read += time.Since(t1)
					next <- r
				}()
				ch, err := ix.Update(cat)
				if err != nil || ch.Changed == 0 {
					b.Fatalf("update: %+v, %v", ch, err)
				}
				ver, err := ix.Version()
				if err != nil {
					b.Fatal(err)
				}
				parse, update = parse+t1.Sub(t0), update+time.Since(t1)
				reader = <-next
				sp.Use(cat, ver, reader)
			}
			n := time.Duration(round)
			b.ReportMetric(ms(parse/n), "parse-ms")
			b.ReportMetric(ms(update/n), "update-ms")
			b.ReportMetric(ms(read/n), "understand-ms")
		})
	}
}

// loadChildEnv names the asset file a child process of this test binary
// loads, indexes and reports on; see TestMain.
const loadChildEnv = "SIGNPOST_BENCH_LOAD_CHILD"

// loadInFreshProcess writes data to a file and has a new process load and
// index it as `signpost` does, so the peak resident size it reports is
// that of loading alone, not of the benchmarks run before it.
func loadInFreshProcess(b *testing.B, data []byte) (peakMB, heapMB float64, err error) {
	path := filepath.Join(b.TempDir(), "assets.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return 0, 0, err
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), loadChildEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("child: %w: %s", err, out)
	}
	if _, err := fmt.Sscanf(string(out), "peak %f heap %f", &peakMB, &heapMB); err != nil {
		return 0, 0, fmt.Errorf("child said %q", out)
	}
	return peakMB, heapMB, nil
}

// TestMain lets the benchmark binary double as the child process of
// loadInFreshProcess.
func TestMain(m *testing.M) {
	if path := os.Getenv(loadChildEnv); path != "" {
		if err := loadChild(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// loadChild loads and indexes the file at path behind a bot as serve
// does, takes a save of the same file with one venue changed, then
// prints the process's peak resident size and the heap then in use, in
// MB.
func loadChild(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var p assets.Parser
	ix, err := index.New()
	if err != nil {
		return err
	}
	sp := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	again, err := edited(data, 1)
	if err != nil {
		return err
	}
	for _, save := range [][]byte{data, again} {
		cat, _, err := p.Parse(save, assets.Options{})
		if err != nil {
			return err
		}
		if _, err := ix.Update(cat); err != nil {
			return err
		}
		ver, err := ix.Version()
		if err != nil {
			return err
		}
		sp.Use(cat, ver, understand.New(cat, nil))
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	peak, err := peakRSS()
	if err != nil {
		return err
	}
	fmt.Printf("peak %.0f heap %.0f\n", float64(peak)/(1<<20), float64(m.HeapInuse)/(1<<20))
	runtime.KeepAlive(sp)
	return nil
}
