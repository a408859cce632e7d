package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGapsCommand(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"at":"2026-11-01T10:00:00Z","topic":"bowls","place":"B69"}`,
		`{"at":"2026-11-20T10:00:00Z","topic":"swimming","place":"B69","when":"tomorrow"}`,
		`{"at":"2026-11-21T10:00:00Z","topic":"chess","place":"DY4"}`,
		`{"at":"2026-11-22T18:30:00Z","topic":"swimming","place":"B69"}`,
		`{"at":"2026-11-23T10:00:00Z","topic":"sign, \"language\"","place":""}`,
	}
	if err := os.WriteFile(filepath.Join(dir, "gaps.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	env := environment{assets: filepath.Join(dir, "assets.yaml")}
	gaps := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := gapsCommand(args, env, now, &out, &errOut)
		return code, out.String(), errOut.String()
	}

	code, out, _ := gaps()
	want := "ASKED  TOPIC             PLACE  LAST ASKED\n" +
		"2      swimming          B69    Sun 22 Nov 18:30\n" +
		"1      sign, \"language\"  -      Mon 23 Nov 10:00\n" +
		"1      chess             DY4    Sat 21 Nov 10:00\n"
	if code != 0 || !strings.HasSuffix(out, want) || strings.Contains(out, "bowls") {
		t.Fatalf("exit %d:\n%s\nwant the table to end:\n%s", code, out, want)
	}

	code, out, _ = gaps("--since", "2d", "--csv")
	wantCSV := "count,topic,place,last_asked\n1,\"sign, \"\"language\"\"\",,2026-11-23T10:00:00Z\n1,swimming,B69,2026-11-22T18:30:00Z\n"
	if code != 0 || out != wantCSV {
		t.Fatalf("csv, exit %d:\n%q\nwant\n%q", code, out, wantCSV)
	}

	code, out, _ = gaps("--since", "6h")
	if code != 0 || !strings.Contains(out, "Every question since") {
		t.Fatalf("nothing in 6 hours, exit %d: %s", code, out)
	}
	if code, _, errOut := gaps("--since", "a while"); code != 2 || !strings.Contains(errOut, "write days like 7d") {
		t.Fatalf("bad --since: exit %d %s", code, errOut)
	}
	env.assets = filepath.Join(t.TempDir(), "assets.yaml")
	if code, _, errOut := gaps(); code != 1 || !strings.Contains(errOut, "nothing recorded at") {
		t.Fatalf("no file: exit %d %s", code, errOut)
	}
}
