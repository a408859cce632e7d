package assets

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"signpost/bot"
)

// groupsAndWhole reads data both ways. usedGroups is false when the
// groups did not suit the file (or found errors), which is then read
// whole by Parse.
func groupsAndWhole(data []byte) (groups, whole *bot.Catalogue, gp, wp []Problem, usedGroups bool) {
	data = unixLines(data)
	g := &parser{opt: Options{Now: now}}
	groups, usedGroups = g.parseInGroups(data)
	usedGroups = usedGroups && g.errors() == 0
	w := &parser{opt: Options{Now: now}}
	whole = w.parseWhole(data)
	return groups, whole, g.problems, w.problems, usedGroups
}

// sameAsWhole fails t unless reading data in groups, where the groups
// suit it, gives exactly what reading it whole does.
func sameAsWhole(t *testing.T, name string, data []byte) bool {
	t.Helper()
	groups, whole, gp, wp, used := groupsAndWhole(data)
	if !used {
		return false
	}
	if !reflect.DeepEqual(groups, whole) {
		t.Errorf("%s: read in groups, the catalogue differs from reading it whole", name)
	}
	if !reflect.DeepEqual(gp, wp) {
		t.Errorf("%s: read in groups, the problems are\n%v\nread whole, they are\n%v", name, gp, wp)
	}
	return true
}

// TestGroupsMatchWhole: every file in the repository's examples reads the
// same in groups as whole, and the well-formed ones really are read in
// groups.
func TestGroupsMatchWhole(t *testing.T) {
	for _, path := range append(exampleFiles(), "../assets.yaml") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		used := sameAsWhole(t, path, data)
		if !used && (path == "../assets.yaml" || path == "testdata/example.yaml") {
			t.Errorf("%s was read whole; it should suit groups", path)
		}
	}
}

// TestGroupsLayouts: lists laid out in the ways YAML allows either read
// the same in groups or are read whole.
func TestGroupsLayouts(t *testing.T) {
	const head = "area:\n  name: T\n  timezone: Europe/London\n"
	venue := func(id string) string {
		return "- id: " + id + "\n  name: V " + id + "\n  kind: pub\n  lat: 52.5\n  lon: -2.0\n  activities:\n    - id: quiz\n      name: Quiz\n      when:\n        - days: [tue]\n          time: \"19:00-21:00\"\n"
	}
	indented := func(s string) string {
		out := ""
		for line := range strings.Lines(s) {
			out += "  " + line
		}
		return out
	}
	tests := []struct {
		name   string
		data   string
		groups bool // whether groups suit it
	}{
		{"items at the key's indentation", head + "assets:\n" + venue("a") + venue("b"), true},
		{"items indented", head + "assets:\n" + indented(venue("a")+venue("b")), true},
		{"comments and blank lines between items", head + "assets: # the venues\n\n# first\n" + venue("a") + "\n# second, at the margin\n" + venue("b") + "\n", true},
		{"a key after the list", head + "assets:\n" + indented(venue("a")) + "places:\n  - name: Oldbury\n    lat: 52.5\n    lon: -2.0\n", true},
		{"an item's fields on the next line", head + "assets:\n-\n  id: a\n  name: A\n  kind: pub\n  lat: 52.5\n  lon: -2.0\n" + venue("b"), true},
		{"a flow list", head + "assets: [{id: a, name: A, kind: pub, lat: 52.5, lon: -2.0}]\n", false},
		{"a flow list on the next line", head + "assets:\n  [{id: a, name: A, kind: pub, lat: 52.5, lon: -2.0}]\n", false},
		{"a quote spanning lines", head + "assets:\n- id: a\n  name: \"A\n- id: b\"\n  kind: pub\n  lat: 52.5\n  lon: -2.0\n", false},
		{"an anchor shared between venues", head + "assets:\n- id: a\n  name: A\n  kind: pub\n  tags: &t [x]\n  lat: 52.5\n  lon: -2.0\n- id: b\n  name: B\n  kind: pub\n  tags: *t\n  lat: 52.5\n  lon: -2.0\n", false},
		{"assets twice", head + "assets:\n" + venue("a") + "assets:\n" + venue("b"), false},
		{"a second document", head + "assets:\n" + venue("a") + "---\nassets:\n" + venue("b"), true},
		{"the list in a second document", "---\n" + head + "---\nassets:\n" + venue("b"), false},
		{"a tab in an item", head + "assets:\n- id: a\n\tname: A\n", false},
		{"a tag directive", "%TAG !! tag:example.com,2000:\n---\n" + head + "assets:\n- id: a\n  name: A\n  kind: pub\n  description: !!null x\n  lat: 52.5\n  lon: -2.0\n", false},
		{"a byte order mark", "\ufeff" + head + "assets:\n" + venue("a") + venue("b"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if used := sameAsWhole(t, tt.name, []byte(tt.data)); used != tt.groups {
				t.Errorf("read in groups: %v, want %v", used, tt.groups)
			}
		})
	}
}

// FuzzGroupsMatchWhole: whatever the file, reading it in groups, where
// they suit it, gives exactly what reading it whole does.
func FuzzGroupsMatchWhole(f *testing.F) {
	addExamples(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsWhole(t, "the input", data)
	})
}
