package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"signpost/assets"
)

// TestWhenCommand: what `signpost when` prints, pasted under an activity,
// is a file check passes with the timetable said; a timetable missing its
// time is asked for it.
func TestWhenCommand(t *testing.T) {
	code, out, errOut := signpost(t, "", "when", "every", "other", "Tuesday", "2", "till", "4,", "closed", "on", "bank", "holidays")
	if code != 0 || !strings.HasPrefix(out, "# Every other Tuesday from ") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	var indented strings.Builder
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		indented.WriteString("        " + line + "\n")
	}
	file := "area:\n  name: Test\n  timezone: Europe/London\nassets:\n  - id: hall\n    name: Hall\n    kind: other\n    lat: 52.5\n    lon: -2.0\n    activities:\n      - id: tots\n        name: Tots\n" + indented.String()
	path := filepath.Join(t.TempDir(), "assets.yaml")
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, problems, err := assets.Load(path, assets.Options{})
	if err != nil {
		t.Fatalf("%v %v\n%s", err, problems, file)
	}
	act := cat.Assets[0].Activities[0]
	if len(act.When) != 1 || act.When[0].Every != 2 || act.When[0].Start != 14*60 || act.ClosedOn == 0 {
		t.Errorf("activity = %+v", act)
	}
	if code, _, errOut := signpost(t, "", "when", "every tuesday"); code != 1 || !strings.Contains(errOut, "what time") {
		t.Errorf("no time: exit %d %s", code, errOut)
	}
}
