package assets

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"signpost/bot"
)

// TestWriteReadsBack: the sample file, written out and read again, is the
// same catalogue, and the written file has the same warnings as the
// original, no more.
func TestWriteReadsBack(t *testing.T) {
	data, err := os.ReadFile("../assets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, before, err := Parse(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	notes := map[string]string{want.Assets[0].ID + "/" + want.Assets[0].Activities[0].ID: "check the dates with them"}
	if err := Write(&buf, want, WriteOptions{Header: "Imported from a test\nLicence: none", Notes: notes}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "# Imported from a test\n# Licence: none\n") || !strings.Contains(out, "# check the dates with them\n") {
		t.Errorf("header or note missing:\n%.400s", out)
	}
	got, after, err := Parse(buf.Bytes(), Options{})
	if err != nil {
		t.Fatalf("written file: %v %v", err, after)
	}
	if messages(after) != messages(before) {
		t.Errorf("written file's problems:\n%s\nwant\n%s", messages(after), messages(before))
	}
	if diff := sameCatalogue(want, got); diff != "" {
		t.Error(diff)
	}
}

// sameCatalogue says how two catalogues differ but for line numbers, or
// "" when they do not.
func sameCatalogue(want, got *bot.Catalogue) string {
	want, got = withoutLines(want), withoutLines(got)
	if got.Area.Name != want.Area.Name || got.Area.Location.String() != want.Area.Location.String() {
		return fmt.Sprintf("area = %+v, want %+v", got.Area, want.Area)
	}
	got.Area, want.Area = bot.Area{}, bot.Area{}
	for i := range want.Assets {
		if i < len(got.Assets) && !reflect.DeepEqual(got.Assets[i], want.Assets[i]) {
			return fmt.Sprintf("asset %d:\n got %+v\nwant %+v", i, got.Assets[i], want.Assets[i])
		}
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("catalogue differs:\n got %+v\nwant %+v", got, want)
	}
	return ""
}

func messages(problems []Problem) string {
	var out []string
	for _, p := range problems {
		out = append(out, p.Message)
	}
	return strings.Join(out, "\n")
}

// withoutLines is a copy of cat with every line number zero.
func withoutLines(cat *bot.Catalogue) *bot.Catalogue {
	c := *cat
	c.Sources = slices.Clone(cat.Sources)
	for i := range c.Sources {
		c.Sources[i].Line = 0
	}
	c.Assets = slices.Clone(cat.Assets)
	for i := range c.Assets {
		a := &c.Assets[i]
		a.Line = 0
		a.Open = slices.Clone(a.Open)
		for j := range a.Open {
			a.Open[j].Line = 0
		}
		a.Activities = slices.Clone(a.Activities)
		for j := range a.Activities {
			act := &a.Activities[j]
			act.Line = 0
			act.When = slices.Clone(act.When)
			for k := range act.When {
				act.When[k].Line = 0
			}
		}
	}
	return &c
}
