package assets

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"

	"signpost/assets/assetstest"
	"signpost/bot"
)

// parsed is everything Parse gives, in a form reflect.DeepEqual compares.
type parsed struct {
	cat      *bot.Catalogue
	problems []Problem
	err      string
}

func parseBy(p *parser, data []byte) parsed {
	return parseResult(parseWith(p, data))
}

func parseResult(cat *bot.Catalogue, problems []Problem, err error) parsed {
	out := parsed{cat: cat, problems: problems}
	if err != nil {
		out.err = err.Error()
	}
	return out
}

// sameParse fails t unless got and want are the same reading of a file.
func sameParse(t *testing.T, name string, got, want parsed) {
	t.Helper()
	if got.err != want.err {
		t.Errorf("%s: error %q, want %q", name, got.err, want.err)
	}
	if !reflect.DeepEqual(got.problems, want.problems) {
		t.Errorf("%s: problems\n%v\nwant\n%v", name, got.problems, want.problems)
	}
	if !reflect.DeepEqual(got.cat, want.cat) {
		t.Errorf("%s: the catalogue differs", name)
	}
}

// TestParallelMatchesSequential: reading the items on many goroutines, in
// groups of any size, gives exactly what reading them one group after
// another does, on generated lists, on lists with warnings and repeated
// ids, and on the example files, broken ones included.
func TestParallelMatchesSequential(t *testing.T) {
	files := map[string][]byte{}
	for _, path := range append(exampleFiles(), "../assets.yaml") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[path] = data
	}
	big := assetstest.Generate(120, 3, 7)
	files["generated"] = big
	files["generated, an id repeated"] = bytes.Replace(big, []byte("id: venue-40\n"), []byte("id: venue-3\n"), 1)
	files["generated, a kind misspelt"] = bytes.Replace(big, []byte("kind: pub\n"), []byte("kind: pubb\n"), 1)
	files["generated, a quote left open"] = bytes.Replace(big, []byte("\"09:00-17:00\""), []byte("\"09:00-17:00"), 1)
	late := time.Date(2027, 8, 1, 12, 0, 0, 0, time.UTC) // every venue is due a review
	postcodes := bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}
	for name, data := range files {
		for _, opt := range []Options{{Now: now, Postcodes: postcodes}, {Now: late}} {
			want := parseBy(&parser{opt: opt, workers: 1}, data)
			for _, size := range []int{1, 3000, groupBytes} {
				got := parseBy(&parser{opt: opt, workers: 4, groupBytes: size}, data)
				sameParse(t, name, got, want)
			}
		}
	}
	if p := parseBy(&parser{opt: Options{Now: late}}, files["generated, an id repeated"]); len(p.problems) < 120 || p.err != "" {
		t.Errorf("the generated list with a repeated id has %d problems (%s); want a warning for each venue and one for the id", len(p.problems), p.err)
	}
}
