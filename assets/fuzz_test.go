package assets

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParse feeds the loader arbitrary files: it must never panic, every
// problem must point at a line in the file, whatever it accepts must be a
// catalogue the bot can use, and Write must write it as a file that reads
// back the same.
func FuzzParse(f *testing.F) {
	addExamples(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, problems, err := Parse(data, Options{Now: now})
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem on line %d of a %d-line file: %v", p.Line, lines, p)
			}
			if p.Message == "" {
				t.Fatal("a problem with no message")
			}
		}
		if err != nil {
			if cat != nil {
				t.Fatal("a catalogue returned with an error")
			}
			return
		}
		if cat.Area.Location == nil || len(cat.Assets) == 0 {
			t.Fatalf("accepted a catalogue with no zone or no assets: %+v", cat)
		}
		ids := map[string]bool{}
		for _, a := range cat.Assets {
			if ids[a.ID] || !validID.MatchString(a.ID) || a.Name == "" {
				t.Fatalf("bad or repeated id %q", a.ID)
			}
			ids[a.ID] = true
			for _, act := range a.Activities {
				for _, r := range act.When {
					if r.Start == r.End {
						t.Fatalf("accepted a time that ends when it starts: %+v", r)
					}
				}
				act.Next(now, now.Add(30*24*time.Hour), cat.Area.Location)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, cat, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		again, problems, err := Parse(buf.Bytes(), Options{Now: now})
		if err != nil {
			t.Fatalf("written file does not read back: %v %v\n%s", err, problems, buf.Bytes())
		}
		if diff := sameCatalogue(cat, again); diff != "" {
			t.Fatalf("written file reads back differently: %s\n%s", diff, buf.Bytes())
		}
	})
}

// exampleFiles are the asset files under testdata, good and broken.
func exampleFiles() []string {
	good, _ := filepath.Glob("testdata/*.yaml")
	broken, _ := filepath.Glob("testdata/broken/*.yaml")
	return append(good, broken...)
}

// addExamples seeds f with every example file.
func addExamples(f *testing.F) {
	for _, path := range exampleFiles() {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}
