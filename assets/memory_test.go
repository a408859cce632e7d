package assets

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"signpost/assets/assetstest"
	"signpost/bot"
)

// editedFile is a generated asset file kept as its head and its items, so
// a test can edit it the ways a coach would.
type editedFile struct {
	head  string
	items []string
}

func splitFile(data []byte) editedFile {
	head, list, _ := strings.Cut(string(data), "assets:\n")
	f := editedFile{head: head + "assets:\n"}
	for _, it := range strings.SplitAfter(list, "\n  - id: ") {
		f.items = append(f.items, it)
	}
	// SplitAfter leaves each "  - id: " at the end of the item before.
	for i := range f.items {
		f.items[i] = strings.TrimSuffix(f.items[i], "  - id: ")
		if i > 0 {
			f.items[i] = "  - id: " + f.items[i]
		}
	}
	return f
}

func (f editedFile) bytes() []byte {
	return []byte(f.head + strings.Join(f.items, ""))
}

var (
	nameField     = regexp.MustCompile(`(?m)^    name: .*$`)
	idField       = regexp.MustCompile(`^  - id: \S+`)
	pointFields   = regexp.MustCompile(`(?m)^    lat: .*\n    lon: .*\n`)
	postcodeField = regexp.MustCompile(`postcode: (B\d+ \d[A-Z]{2})`)
)

// TestParserMatchesParse: after each of many random edits of the kinds a
// coach makes, and changes of the day and the postcode file, a Parser
// that remembers the last version reads the file exactly as Parse reads
// it from nothing, parses only the items that changed, and remembers no
// more than the file's items.
func TestParserMatchesParse(t *testing.T) {
	data := assetstest.Generate(60, 3, 11)
	f := splitFile(data)
	if len(f.items) != 60 {
		t.Fatalf("cut the generated file into %d items, want 60", len(f.items))
	}
	someCodes, otherCodes := bot.Postcodes{}, bot.Postcodes{}
	for i, m := range postcodeField.FindAllSubmatch(data, -1) {
		code := bot.NormalizePostcode(string(m[1]))
		if i%2 == 0 {
			someCodes[code] = bot.Point{Lat: 52.5, Lon: -2.0}
		} else {
			otherCodes[code] = bot.Point{Lat: 52.4, Lon: -2.1}
		}
	}
	late := time.Date(2027, 8, 1, 12, 0, 0, 0, time.UTC)
	opt := Options{Now: now}

	r := rand.New(rand.NewPCG(3, 4))
	var p Parser
	firstData := f.bytes()
	first := parseResult(p.Parse(firstData, opt))
	var broken string // the text of an item before an error was put in it
	brokenAt := -1
	added := 0
	for step := range 120 {
		var edit string
		k := r.IntN(len(f.items))
		fresh := -1 // how many items the edit should make the Parser parse; -1 if not checked
		switch op := r.IntN(12); {
		case brokenAt >= 0:
			edit = "fix the error"
			f.items[brokenAt], brokenAt = broken, -1
		case op == 0:
			edit = "rename a venue"
			f.items[k] = nameField.ReplaceAllString(f.items[k], fmt.Sprintf(`    name: "Renamed %d"`, step))
			fresh = 1
		case op == 1:
			edit = "insert a venue"
			added++
			it := idField.ReplaceAllString(f.items[r.IntN(len(f.items))], fmt.Sprintf("  - id: added-%d", added))
			f.items = slices.Insert(f.items, k, it)
			fresh = 1
		case op == 2 && len(f.items) > 10:
			edit = "delete a venue"
			f.items = slices.Delete(f.items, k, k+1)
			fresh = 0
		case op == 3:
			edit = "move a venue"
			it := f.items[k]
			f.items = slices.Delete(f.items, k, k+1)
			f.items = slices.Insert(f.items, r.IntN(len(f.items)+1), it)
		case op == 4:
			edit = "add lines at the top"
			f.head = fmt.Sprintf("# edited %d\n\n", step) + f.head
			fresh = 0
		case op == 5:
			edit = "add a comment after a venue"
			f.items[k] += "\n# a note\n"
			fresh = 1
		case op == 6:
			edit = "give a venue the id of another"
			f.items[k] = idField.ReplaceAllString(f.items[k], idField.FindString(f.items[r.IntN(len(f.items))]))
		case op == 7:
			edit = "take out a venue's lat and lon, leaving its postcode"
			f.items[k] = pointFields.ReplaceAllString(f.items[k], "")
		case op == 8:
			edit = "mark a venue reviewed long ago"
			f.items[k] = strings.Replace(f.items[k], "reviewed: 2026-06-01", "reviewed: 2024-01-05", 1)
		case op == 9:
			broken, brokenAt = f.items[k], k
			switch r.IntN(4) {
			case 0:
				edit = "misspell a kind"
				f.items[k] = regexp.MustCompile(`kind: \S+`).ReplaceAllString(f.items[k], "kind: pubb")
			case 1:
				edit = "leave a quote open"
				f.items[k] = strings.Replace(f.items[k], `"09:00-17:00"`, `"09:00-17:00`, 1)
			case 2:
				edit = "indent with a tab"
				f.items[k] = strings.Replace(f.items[k], "    kind:", "\tkind:", 1)
			default:
				edit = "give an impossible time"
				f.items[k] = strings.Replace(f.items[k], `"09:00-17:00"`, `"25:00-26:00"`, 1)
			}
		case op == 10:
			edit = "read on another day"
			opt.Now = []time.Time{now, now.Add(time.Hour), late}[r.IntN(3)]
		default:
			edit = "change the postcode file"
			opt.Postcodes = []bot.Postcodes{nil, someCodes, otherCodes}[r.IntN(3)]
		}
		text := f.bytes()
		want := parseResult(Parse(text, opt))
		got := parseResult(p.Parse(text, opt))
		name := fmt.Sprintf("step %d, %s", step, edit)
		sameParse(t, name, got, want)
		if len(p.memo.items) > len(f.items) {
			t.Errorf("%s: the Parser remembers %d items of a file of %d", name, len(p.memo.items), len(f.items))
		}
		if fresh >= 0 && p.memo.fresh != fresh {
			t.Errorf("%s: parsed %d items, want %d", name, p.memo.fresh, fresh)
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	sameParse(t, "the first catalogue, after every edit since", first, parseResult(Parse(firstData, Options{Now: now})))
}
