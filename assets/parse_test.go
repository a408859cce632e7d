package assets

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"signpost/bot"
)

var now = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func TestParseExample(t *testing.T) {
	cat, problems, err := Load("testdata/example.yaml", Options{Now: now})
	if err != nil {
		t.Fatalf("Load: %v (%v)", err, problems)
	}
	if len(problems) != 0 {
		t.Errorf("problems in the README example: %v", problems)
	}
	if cat.Area.Name != "Oldbury and Tipton" || cat.Area.Location.String() != "Europe/London" {
		t.Errorf("area = %+v", cat.Area)
	}
	if len(cat.Places) != 1 || cat.Places[0].Also[1] != "B69" || cat.Places[0].Point.Lat != 52.5050 {
		t.Errorf("places = %+v", cat.Places)
	}
	if len(cat.Topics) != 1 || cat.Topics[0].Words[2] != "meet people" {
		t.Errorf("topics = %+v", cat.Topics)
	}
	if len(cat.Safety.Words) != 3 || !strings.Contains(cat.Safety.Message, "116 123") || !strings.HasPrefix(cat.Safety.Support, "If things feel too much") {
		t.Errorf("safety = %+v", cat.Safety)
	}
	lib := cat.Assets[0]
	if lib.ID != "oldbury-library" || lib.Kind != "library" || lib.Point == nil || lib.Point.Lon != -2.0165 || lib.Line != 18 {
		t.Errorf("asset = %+v", lib)
	}
	if len(lib.Open) != 1 || len(lib.Open[0].Days) != 5 || lib.Open[0].Start != 9*60 || lib.Open[0].End != 17*60 {
		t.Errorf("open = %+v", lib.Open)
	}
	act := lib.Activities[0]
	if act.Ages != (bot.Ages{Min: 18, Max: -1, Text: "adults"}) || act.Cost != "free" || len(act.Except) != 2 {
		t.Errorf("activity = %+v", act)
	}
	w := act.When
	if len(w) != 4 ||
		w[1].Weeks[1] != 3 || w[1].Days[0] != time.Monday ||
		w[2].Every != 2 || w[2].Starting.String() != "2026-11-05" ||
		w[3].Date.String() != "2026-12-13" || w[3].Start != 14*60 {
		t.Errorf("when = %+v", w)
	}
}

// parseOne wraps an asset's lines in a minimal file, so each case shows
// only what it is about. The asset starts on line 5.
func parseOne(asset string) ([]Problem, error) {
	head := "area:\n  name: Test\n  timezone: Europe/London\nassets:\n"
	_, problems, err := Parse([]byte(head+asset), Options{Now: now, Postcodes: bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}})
	return problems, err
}

func TestProblems(t *testing.T) {
	const ok = "  - id: crown\n    name: The Crown\n    kind: pub\n    lat: 52.5\n    lon: -2.0\n    reviewed: 2026-10-01\n"
	tests := []struct {
		name    string
		asset   string
		wantErr bool
		line    int
		message string
	}{
		{"misspelt day", ok + "    activities:\n      - id: quiz\n        name: Quiz\n        when:\n          - days: [Tuseday]\n            time: \"20:00-22:00\"\n",
			true, 15, "'Tuseday' is not a day; use mon, tue, wed, thu, fri, sat or sun"},
		{"impossible time", ok + "    open:\n      - days: mon\n        time: \"25:00-26:00\"\n",
			true, 13, `time "25:00-26:00": the start is not a time`},
		{"fortnightly with no start", ok + "    open:\n      - days: [mon]\n        every: 2\n        time: \"10:00-11:00\"\n",
			true, 13, "every 2 needs `starting:`"},
		{"start on the wrong day", ok + "    open:\n      - days: [thu]\n        every: 2\n        starting: 2026-11-06\n        time: \"10:00-11:00\"\n",
			true, 14, "starting 2026-11-06 is a Friday, but this happens on thu"},
		{"unknown kind", "  - id: x\n    name: X\n    kind: bar\n    lat: 52.5\n    lon: -2.0\n",
			true, 7, `"bar" is not a kind; use one of pub, cafe`},
		{"no place at all", "  - id: x\n    name: X\n    kind: pub\n    reviewed: 2026-10-01\n",
			true, 5, "has no postcode and no lat/lon"},
		{"capital id", "  - id: The-Crown\n    name: X\n    kind: pub\n    postcode: B69 4RJ\n",
			true, 5, "like the-crown"},
		{"season backwards", ok + "    activities:\n      - id: quiz\n        name: Quiz\n        from: 2027-01-01\n        until: 2026-01-01\n",
			true, 15, "until 2026-01-01 is before from 2027-01-01"},
		{"ages backwards", ok + "    activities:\n      - id: club\n        name: Club\n        ages: 18-11\n",
			true, 14, "write the youngest first, like 11-18"},
		{"a name that is all HTML", "  - id: x\n    name: \"<p><br/></p>\"\n    kind: pub\n    lat: 52.5\n    lon: -2.0\n",
			true, 6, `the name "<p><br/></p>" is all HTML markup, with no words left once that is taken out; write the name as people should read it`},
		{"misspelt field", ok + "    descripton: A pub.\n",
			false, 11, "descripton is not a field of an asset, so it is ignored; did you mean description?"},
		{"stale entry", strings.Replace(ok, "2026-10-01", "2025-06-01", 1),
			false, 10, "last reviewed on 2025-06-01, over 12 months ago"},
		{"no time", ok + "    activities:\n      - id: club\n        name: Club\n",
			false, 12, "crown/club has no `when:`"},
		{"duplicate id", ok + ok,
			false, 11, "the id crown is already used on line 5; this one is called crown-2"},
		{"postcode not placed", "  - id: x\n    name: X\n    kind: pub\n    postcode: DY4 0AA\n    reviewed: 2026-10-01\n",
			false, 8, "postcode DY4 0AA is not in the postcode file"},
		{"season over", ok + "    activities:\n      - id: club\n        name: Club\n        when:\n          - date: 2026-01-01\n            time: \"10:00-11:00\"\n        until: 2026-02-01\n",
			false, 17, "ended on 2026-02-01, so it is no longer shown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, err := parseOne(tt.asset)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v; problems %v", err, tt.wantErr, problems)
			}
			if !hasProblem(problems, tt.line, tt.message, !tt.wantErr) {
				t.Errorf("want line %d: %q; got %v", tt.line, tt.message, problems)
			}
		})
	}
}

func TestPostcodeOnlyAssetIsPlaced(t *testing.T) {
	head := "area:\n  name: Test\n  timezone: Europe/London\nassets:\n"
	cat, problems, err := Parse([]byte(head+"  - id: x\n    name: X\n    kind: pub\n    postcode: b69 4rj\n    reviewed: 2026-10-01\n"),
		Options{Now: now, Postcodes: bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}})
	if err != nil || len(problems) != 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	if p := cat.Assets[0].Point; p == nil || p.Lat != 52.4995 {
		t.Errorf("point = %v, want the postcode's", p)
	}
}

// Every file in testdata/broken says on its first line where its error
// is; each must be refused with an error on that line.
func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d broken files; the corpus should hold at least 50", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			header, _, _ := strings.Cut(string(data), "\n")
			rest, ok := strings.CutPrefix(header, "# error on line ")
			num, _, _ := strings.Cut(rest, ":")
			want, err := strconv.Atoi(num)
			if !ok || err != nil {
				t.Fatalf("first line %q should say `# error on line N: ...`", header)
			}
			cat, problems, err := Parse(data, Options{Now: now})
			if err == nil || cat != nil {
				t.Fatalf("accepted a broken file; problems %v", problems)
			}
			for _, p := range problems {
				if !p.Warning && p.Line == want {
					return
				}
			}
			t.Errorf("no error on line %d; got %v", want, problems)
		})
	}
}

// A 50 MB file of nothing useful is refused for what it holds; one past
// the size limit is refused before it is parsed.
func TestHugeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	if err := os.WriteFile(path, []byte(strings.Repeat("# padding\n", 5<<20)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, problems, err := Load(path, Options{})
	if err == nil || len(problems) != 1 || problems[0].Line != 1 || !strings.Contains(problems[0].Message, "the file is empty") {
		t.Fatalf("50 MB of comments: err %v, problems %v", err, problems)
	}
	_, problems, err = Load("testdata/example.yaml", Options{MaxBytes: 1000})
	if err == nil || len(problems) != 1 || problems[0].Line != 1 || !strings.Contains(problems[0].Message, "is it the right file?") {
		t.Fatalf("over the limit: err %v, problems %v", err, problems)
	}
}

func TestBinaryFile(t *testing.T) {
	_, problems, err := Parse([]byte("area:\n  name: x\n\xff\xfe\x00\x01"), Options{})
	if err == nil || len(problems) != 1 || problems[0].Line != 3 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
}

func TestLoadMissingFileSaysWhere(t *testing.T) {
	dir := t.TempDir()
	_, _, err := Load(filepath.Join(dir, "nope.yaml"), Options{})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "nope.yaml")) || !strings.Contains(err.Error(), "--assets") {
		t.Fatalf("err = %v", err)
	}
}

// TestPostcodeWithoutAFile: with no postcode file, a postcode-only asset
// is warned about in words that do not mention a file nobody gave.
func TestPostcodeWithoutAFile(t *testing.T) {
	data := "area:\n  name: Test\n  timezone: Europe/London\nassets:\n  - id: crown\n    name: The Crown\n    kind: pub\n    postcode: B69 4RJ\n    reviewed: 2026-10-01\n"
	cat, problems, err := Parse([]byte(data), Options{Now: now})
	if err != nil || len(problems) != 1 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	if p := problems[0]; !p.Warning || p.Line != 8 || !strings.Contains(p.Message, "give a postcode file with --postcodes") {
		t.Errorf("problem = %v", p)
	}
	if cat.Assets[0].Point != nil {
		t.Errorf("placed at %v with nothing to place it by", cat.Assets[0].Point)
	}
}

// TestSafetySupport: safety.support is read like safety.message, and a
// coach who gives it the wrong shape or a misspelt name is told so.
func TestSafetySupport(t *testing.T) {
	const venue = "assets:\n  - id: crown\n    name: The Crown\n    kind: pub\n    lat: 52.5\n    lon: -2.0\n    reviewed: 2026-10-01\n"
	tests := []struct {
		name    string
		safety  string
		want    string
		wantErr bool
		line    int
		message string
	}{
		{"given", "  support: \"  Samaritans listen any time: 116 123, free. \"\n", "Samaritans listen any time: 116 123, free.", false, 0, ""},
		{"left out", "  message: In danger? Call 999.\n", "", false, 0, ""},
		{"empty", "  support:\n", "", false, 0, ""},
		{"a list", "  support: [Samaritans, 116 123]\n", "", true, 5, "support should be text, not a list"},
		{"a block", "  support:\n    text: Samaritans\n", "", true, 5, "support should be text, not a block of fields"},
		{"misspelt", "  suport: Samaritans\n", "", false, 5, "suport is not a field of safety, so it is ignored; did you mean support?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "area:\n  name: Test\n  timezone: Europe/London\nsafety:\n" + tt.safety + venue
			cat, problems, err := Parse([]byte(data), Options{Now: now})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v; problems %v", err, tt.wantErr, problems)
			}
			if tt.message == "" && len(problems) > 0 {
				t.Errorf("problems %v", problems)
			}
			if tt.message != "" && !hasProblem(problems, tt.line, tt.message, !tt.wantErr) {
				t.Errorf("want line %d: %q; got %v", tt.line, tt.message, problems)
			}
			if err == nil && cat.Safety.Support != tt.want {
				t.Errorf("support = %q, want %q", cat.Safety.Support, tt.want)
			}
		})
	}
}

// hasProblem reports whether problems hold one on line containing
// message, a warning or an error as asked.
func hasProblem(problems []Problem, line int, message string, warning bool) bool {
	for _, p := range problems {
		if p.Line == line && strings.Contains(p.Message, message) && p.Warning == warning {
			return true
		}
	}
	return false
}
