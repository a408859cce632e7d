package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const example = "../../assets/testdata/example.yaml"

// signpost runs the program as a person would, with no environment.
func signpost(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, func(string) string { return "" })
	return code, out.String(), errOut.String()
}

func TestAskJSON(t *testing.T) {
	code, out, errOut := signpost(t, "", "ask", "--assets", example, "--at", "2026-11-24T09:00:00Z", "--near", "Oldbury", "--json", "kniting near me")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Reply   string `json:"reply"`
		Results []struct {
			Asset      string   `json:"asset"`
			Activity   string   `json:"activity"`
			Name       string   `json:"name"`
			Venue      string   `json:"venue"`
			NextStart  *string  `json:"next_start"`
			DistanceKm *float64 `json:"distance_km"`
			Score      float64  `json:"score"`
			Match      string   `json:"match"`
		} `json:"results"`
		Relaxed []string `json:"relaxed"`
		Safety  bool     `json:"safety"`
		Concern bool     `json:"concern"`
		Support string   `json:"support"`
		Choices []struct {
			Label string `json:"label"`
			Ask   string `json:"ask"`
		} `json:"choices"`
		Understood map[string]any `json:"understood"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not the promised JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatal("printed more than one JSON object")
	}
	if len(got.Results) != 1 {
		t.Fatalf("results = %+v", got.Results)
	}
	r := got.Results[0]
	if r.Asset != "oldbury-library" || r.Activity != "knit-and-natter" || r.Venue != "Oldbury Library" || r.Name != "Knit and Natter" {
		t.Errorf("result = %+v", r)
	}
	if r.NextStart == nil || *r.NextStart != "2026-11-24T10:00:00Z" || r.DistanceKm == nil || *r.DistanceKm > 0.2 || r.Score <= 0 || r.Match != "words" {
		t.Errorf("next %v, distance %v, score %v", r.NextStart, r.DistanceKm, r.Score)
	}
	if got.Relaxed == nil || len(got.Relaxed) != 0 || got.Safety || got.Concern || got.Choices == nil || len(got.Choices) != 0 {
		t.Errorf("relaxed %v safety %v concern %v choices %v", got.Relaxed, got.Safety, got.Concern, got.Choices)
	}
	if !strings.Contains(got.Reply, "Knit and Natter") || got.Understood["intent"] != "search" {
		t.Errorf("reply %q understood %v", got.Reply, got.Understood)
	}
}

func TestAskText(t *testing.T) {
	code, out, _ := signpost(t, "", "ask", "--assets", example, "--at", "2026-11-24T09:00:00Z", "is", "the", "library", "open", "on", "saturday?")
	if code != 0 || !strings.Contains(out, "Not open at the time you asked; next open Mon 30 Nov, 09:00–17:00") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestAskProblems(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("area:\n  name: X\nassets:\n  - id: x\n    name: X\n    kind: bar\n    postcode: B69 4RJ\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file says where it looked", []string{"ask", "--assets", filepath.Join(dir, "none.yaml"), "hi"}, "no asset file at " + filepath.Join(dir, "none.yaml")},
		{"invalid file names file and line", []string{"ask", "--assets", bad, "hi"}, bad + `: the asset file has errors: 1 error(s), the first at line 6: "bar" is not a kind`},
		{"bad --at", []string{"ask", "--assets", example, "--at", "tomorrow", "hi"}, `--at "tomorrow" is not a time`},
		{"unknown --near", []string{"ask", "--assets", example, "--near", "Atlantis", "hi"}, `--near "Atlantis": I don't know that place`},
		{"no question", []string{"ask", "--assets", example}, "give a question"},
		{"unknown command", []string{"serve-me"}, `unknown command "serve-me"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := signpost(t, "", tt.args...)
			if code == 0 || !strings.Contains(errOut, tt.want) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want failure saying %q", code, out, errOut, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	code, out, _ := signpost(t, "", "check", example)
	if code != 0 || !strings.Contains(out, "OK, 1 assets and 1 activities") {
		t.Errorf("check of a good file: exit %d\n%s", code, out)
	}
	broken := "../../assets/testdata/broken"
	files, _ := filepath.Glob(filepath.Join(broken, "*.yaml"))
	for _, f := range files {
		code, out, _ := signpost(t, "", "check", f)
		if code != 1 || !strings.Contains(out, f+":line ") {
			t.Errorf("check %s: exit %d, want 1 with a line number\n%s", f, code, out)
		}
	}
	code, _, errOut := signpost(t, "", "check", "no-such-file.yaml")
	if code != 1 || !strings.Contains(errOut, "no asset file at") {
		t.Errorf("check of a missing file: exit %d, %s", code, errOut)
	}
}

func TestChat(t *testing.T) {
	code, out, errOut := signpost(t, "hi\nknitting near me\nquit\n", "chat", "--assets", example, "--near", "52.5041,-2.0165")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Signpost: what's on around Oldbury and Tipton", "Hello!", "Knit and Natter, Oldbury Library", "less than 0.1 miles", "Bye for now!"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q:\n%s", want, out)
		}
	}
}

func TestEnvironmentNamesTheFile(t *testing.T) {
	var out, errOut bytes.Buffer
	env := map[string]string{"SIGNPOST_ASSETS": example}
	code := run(context.Background(), []string{"ask", "--at", "2026-11-24T09:00:00Z", "knitting"}, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	if code != 0 || !strings.Contains(out.String(), "Knit and Natter") {
		t.Errorf("exit %d: %s %s", code, out.String(), errOut.String())
	}
}

// TestAskJSONIsHonest: --json never reports a partial match, or one
// through words the person did not use, with relaxed empty; a miss says
// what it offers instead; distress without danger carries the support
// line.
func TestAskJSONIsHonest(t *testing.T) {
	sample := filepath.Join("..", "..", "assets.yaml")
	ask := func(q string) map[string]any {
		t.Helper()
		code, out, errOut := signpost(t, "", "ask", "--assets", sample, "--at", "2026-11-24T10:00:00Z", "--json", q)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", q, code, errOut)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		return got
	}
	relaxed := func(got map[string]any) string { return fmt.Sprint(got["relaxed"]) }

	lonely := ask("I'm on my own all day")
	if relaxed(lonely) != "[related]" {
		t.Errorf("a need answered through related words: relaxed %s", relaxed(lonely))
	}
	for _, r := range lonely["results"].([]any) {
		if m := r.(map[string]any)["match"]; m != "related" {
			t.Errorf("a result for a need the person only described: match %v", m)
		}
	}
	partial := ask("darts chess")
	if relaxed(partial) != "[words]" {
		t.Errorf("a partial match: relaxed %s", relaxed(partial))
	}
	miss := ask("bowling")
	if len(miss["results"].([]any)) != 0 || len(miss["choices"].([]any)) == 0 {
		t.Errorf("a miss: %d results, choices %v", len(miss["results"].([]any)), miss["choices"])
	}
	low := ask("im not coping, any coffee mornings?")
	if low["concern"] != true || low["safety"] != false || low["support"] == "" || len(low["results"].([]any)) == 0 {
		t.Errorf("distress without danger: concern %v safety %v support %q, %d results", low["concern"], low["safety"], low["support"], len(low["results"].([]any)))
	}
}
