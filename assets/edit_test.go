package assets

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"signpost/bot"
)

var editToday = bot.Date{Year: 2026, Month: 12, Day: 4}

const source = "from the organiser on Telegram, approved by a coach on 2026-12-04"

func commented(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/commented.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// outside is the text of data before from and from to on: what a change
// to the entry between them must leave exactly as it was.
func outside(t *testing.T, data []byte, from, to string) (string, string) {
	t.Helper()
	i := bytes.Index(data, []byte(from))
	j := bytes.Index(data, []byte(to))
	if i < 0 || j < i {
		t.Fatalf("no %q then %q in:\n%s", from, to, data)
	}
	return string(data[:i]), string(data[j:])
}

func date(s string) bot.Date {
	d, _ := bot.ParseDate(s)
	return d
}

// TestApplyKeepsEverythingElse: each kind of change rewrites only its
// venue's entry; every byte before and after it, comments and blank
// lines included, is as the coaches left it; and the file reads back
// with the change, a comment naming where it came from and today's
// reviewed date.
func TestApplyKeepsEverythingElse(t *testing.T) {
	data := commented(t)
	tots := func(cat *bot.Catalogue) *bot.Activity { return &cat.Assets[1].Activities[0] }
	for _, c := range []struct {
		name string
		c    Change
		got  func(*bot.Catalogue) string
		want string
	}{
		{"cancel one session", Change{Activity: "tots", Cancel: date("2026-12-09")},
			func(cat *bot.Catalogue) string { return fmt.Sprint(tots(cat).Except) }, "[2026-12-09]"},
		{"a one-off", Change{Activity: "tots", OneOff: &bot.Rule{Date: date("2026-12-19"), Start: 600, End: 660}},
			func(cat *bot.Catalogue) string { return fmt.Sprint(len(tots(cat).When), tots(cat).When[1].Date) }, "2 2026-12-19"},
		{"new times", Change{Activity: "tots", When: []bot.Rule{{Days: []time.Weekday{time.Thursday}, Start: 840, End: 960}}},
			func(cat *bot.Catalogue) string { return fmt.Sprint(tots(cat).When[0].Days, tots(cat).When[0].Start) }, "[Thursday] 14:00"},
		{"paused", Change{Activity: "tots", PauseUntil: date("2027-01-06")},
			func(cat *bot.Catalogue) string { return tots(cat).From.String() }, "2027-01-06"},
		{"stopped", Change{Activity: "tots", Stopped: true},
			func(cat *bot.Catalogue) string { return tots(cat).Until.String() }, "2026-12-03"},
		{"a new group", Change{NewActivity: &bot.Activity{ID: "chair-yoga", Name: "Chair Yoga", Ages: bot.Ages{Min: 0, Max: -1}, When: []bot.Rule{{Days: []time.Weekday{time.Friday}, Start: 600, End: 660}}}},
			func(cat *bot.Catalogue) string { return cat.Assets[1].Activities[1].Name }, "Chair Yoga"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.c.Asset, c.c.Source, c.c.Today = "hall", source, editToday
			out, err := Apply(data, c.c)
			if err != nil {
				t.Fatal(err)
			}
			before, after := outside(t, data, "  - id: hall", "  # --- the pub ---")
			gotBefore, gotAfter := outside(t, out, "  - id: hall", "  # --- the pub ---")
			if gotBefore != before || gotAfter != after {
				t.Errorf("bytes outside the hall's entry changed:\n%s", out)
			}
			for _, comment := range []string{"# --- the hall ---", "# Sam: the hall's own number", "# --- the pub ---"} {
				if n := strings.Count(string(out), comment); n != 1 {
					t.Errorf("%q is in the file %d times", comment, n)
				}
			}
			hall := string(out[len(gotBefore) : len(out)-len(gotAfter)])
			if want := "    name: St Francis Hall\n    kind: community-centre\n    lat: 52.49\n    lon: -2.02\n    reviewed: 2026-12-04\n    activities:\n"; !strings.Contains(hall, want) {
				t.Errorf("the venue's own lines changed:\n%s", hall)
			}
			if !strings.Contains(hall, "# "+source+"\n") || !strings.Contains(hall, "reviewed: 2026-12-04") {
				t.Errorf("no source comment or reviewed date in the entry:\n%s", hall)
			}
			cat, problems, err := Parse(out, Options{})
			if err != nil {
				t.Fatalf("%v %v\n%s", err, problems, out)
			}
			if got := c.got(cat); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// TestApplyNewVenue: a new venue goes after the last, before the file's
// closing comment, and nothing before it changes.
func TestApplyNewVenue(t *testing.T) {
	data := commented(t)
	pt := bot.Point{Lat: 52.51, Lon: -2.03}
	out, err := Apply(data, Change{Source: source, Today: editToday, NewAsset: &bot.Asset{ID: "cafe", Name: "Bean There", Kind: "cafe", Point: &pt,
		Activities: []bot.Activity{{ID: "chat", Name: "Chatty Table", Ages: bot.Ages{Min: 0, Max: -1}, When: []bot.Rule{{Days: []time.Weekday{time.Monday}, Start: 600, End: 720}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	end := "# end of list: new venues go above this line\n"
	if !bytes.HasPrefix(out, data[:bytes.Index(data, []byte(end))]) || !bytes.HasSuffix(out, []byte(end)) {
		t.Errorf("the file around the new venue changed:\n%s", out)
	}
	cat, _, err := Parse(out, Options{})
	if err != nil || len(cat.Assets) != 4 || cat.Assets[3].Name != "Bean There" {
		t.Fatalf("%v\n%s", err, out)
	}
}

// TestApplyRefuses: an unknown venue or activity, a change to an entry a
// coach has edited since, and a change that would break the file are
// refused.
func TestApplyRefuses(t *testing.T) {
	data := commented(t)
	base, err := EntryHash(data, "hall")
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("name: Tots and Toddlers"), []byte("name: Tots & Toddlers"), 1)
	for name, c := range map[string]struct {
		data []byte
		c    Change
		want string
	}{
		"no such venue":    {data, Change{Asset: "pool", Activity: "swim", Cancel: date("2026-12-09")}, "no venue"},
		"no such activity": {data, Change{Asset: "hall", Activity: "swim", Cancel: date("2026-12-09")}, "no activity"},
		"edited since":     {edited, Change{Asset: "hall", Activity: "tots", Base: base, Cancel: date("2026-12-09")}, ErrConflict.Error()},
		"breaks the file":  {data, Change{Asset: "hall", Activity: "tots", When: []bot.Rule{{Days: []time.Weekday{time.Monday}, Start: 600, End: 600}}}, "would make the file wrong"},
		"changes nothing":  {data, Change{Asset: "hall", Activity: "tots"}, "changes nothing"},
	} {
		if _, err := Apply(c.data, c.c); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error with %q", name, err, c.want)
		}
	}
	if _, err := Apply(data, Change{Asset: "hall", Activity: "tots", Base: base, Cancel: date("2026-12-09"), Today: editToday}); err != nil {
		t.Errorf("the entry as it was: %v", err)
	}
	if !errors.Is(func() error {
		_, err := Apply(edited, Change{Asset: "hall", Activity: "tots", Base: base, Cancel: date("2026-12-09")})
		return err
	}(), ErrConflict) {
		t.Error("a conflict is not ErrConflict")
	}
}

// TestApplyFileConcurrently: twenty approvals at once, each cancelling a
// different session, all land; the file keeps its permissions and its
// Windows line endings.
func TestApplyFileConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assets.yaml")
	crlf := bytes.ReplaceAll(commented(t), []byte("\n"), []byte("\r\n"))
	if err := os.WriteFile(path, crlf, 0o640); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Go(func() {
			errs <- ApplyFile(path, Change{Asset: "hall", Activity: "tots", Source: source, Today: editToday, Cancel: date("2027-01-06").AddDays(7 * i)})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	out, _ := os.ReadFile(path)
	cat, _, err := Parse(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cat.Assets[1].Activities[0].Except); n != 20 {
		t.Errorf("%d cancellations kept, want 20", n)
	}
	if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Error("line endings changed")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
}

// FuzzApply: on any file, cancelling a session of the first venue's
// first activity never panics, and a file it returns reads back with the
// date excepted.
func FuzzApply(f *testing.F) {
	addExamples(f)
	if data, err := os.ReadFile("testdata/commented.yaml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, _, err := Parse(data, Options{})
		if err != nil || len(cat.Assets) == 0 || len(cat.Assets[0].Activities) == 0 {
			return
		}
		a := cat.Assets[0]
		out, err := Apply(data, Change{Asset: a.ID, Activity: a.Activities[0].ID, Today: editToday, Cancel: date("2030-01-01"), Source: "fuzz"})
		if err != nil {
			return
		}
		again, _, err := Parse(out, Options{})
		if err != nil {
			t.Fatalf("Apply returned a file that does not read: %v", err)
		}
		i := slices.IndexFunc(again.Assets, func(b bot.Asset) bool { return b.ID == a.ID })
		if i < 0 || !slices.ContainsFunc(again.Assets[i].Activities, func(x bot.Activity) bool {
			return x.ID == a.Activities[0].ID && slices.Contains(x.Except, date("2030-01-01"))
		}) {
			t.Fatalf("the cancellation is not in the file:\n%s", out)
		}
	})
}

// TestApplyOddFiles: fields after a venue's activities, a single except
// date, an empty reviewed line, no newline at the end, a pause that would
// start a later season early, and old Mac line endings.
func TestApplyOddFiles(t *testing.T) {
	const file = `area:
  name: Oldbury
  timezone: Europe/London
assets:
  - id: hall
    name: Hall
    kind: other
    lat: 52.49
    lon: -2.02
    activities:
      - id: tots
        name: Tots
        from: 2027-02-01
        except: 2026-12-23
        when:
          - days: [wed]
            time: "09:30-11:00"
    reviewed:
    phone: "0121 000 0000"`
	cancel := Change{Asset: "hall", Activity: "tots", Today: editToday, Cancel: date("2026-12-30")}
	for name, data := range map[string]string{"as written": file, "old Mac line endings": strings.ReplaceAll(file, "\n", "\r")} {
		out, err := Apply([]byte(data), cancel)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cat, _, err := Parse(out, Options{})
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		a := cat.Assets[0]
		if fmt.Sprint(a.Activities[0].Except) != "[2026-12-23 2026-12-30]" || a.Phone != "0121 000 0000" || a.Reviewed != editToday {
			t.Errorf("%s: except %v, phone %q, reviewed %v\n%s", name, a.Activities[0].Except, a.Phone, a.Reviewed, out)
		}
	}
	if _, err := Apply([]byte(file), Change{Asset: "hall", Activity: "tots", Today: editToday, PauseUntil: date("2027-01-06")}); err == nil {
		t.Error("a pause until before the season starts moved its start earlier")
	}
	out, err := Apply([]byte(file), Change{Asset: "hall", Today: editToday, NewActivity: &bot.Activity{ID: "yoga", Name: "Yoga", Ages: bot.Ages{Max: -1}}})
	if err != nil {
		t.Fatal(err)
	}
	cat, _, err := Parse(out, Options{})
	if err != nil || len(cat.Assets[0].Activities) != 2 || cat.Assets[0].Phone == "" {
		t.Fatalf("%v\n%s", err, out)
	}
}
