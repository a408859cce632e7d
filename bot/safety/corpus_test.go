package safety_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"signpost/bot/safety"
)

// line is one corpus message and where it is.
type line struct {
	file string
	n    int
	text string
}

// readCorpus reads every file of testdata/corpus whose name starts with
// prefix, or with a blind set's name and then prefix ("blind1_urgent_"):
// one message a line, # lines and blank lines skipped.
func readCorpus(t testing.TB, prefix string) map[string][]line {
	t.Helper()
	var paths []string
	for _, glob := range []string{prefix + "*.txt", "blind*_" + prefix + "*.txt"} {
		got, err := filepath.Glob(filepath.Join("testdata", "corpus", glob))
		if err != nil {
			t.Fatalf("corpus files %s: %v", glob, err)
		}
		paths = append(paths, got...)
	}
	if len(paths) == 0 {
		t.Fatalf("no corpus files %s*.txt", prefix)
	}
	groups := map[string][]line{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatalf("reading corpus: %v", err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			name := strings.TrimSuffix(filepath.Base(p), ".txt")
			groups[name] = append(groups[name], line{file: p, n: n, text: text})
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("reading %s: %v", p, err)
		}
		f.Close()
	}
	return groups
}

// counts tallies levels.
type counts map[safety.Level]int

func (c counts) share(l safety.Level) float64 {
	total := c[safety.None] + c[safety.Concern] + c[safety.Urgent]
	if total == 0 {
		return 0
	}
	return float64(c[l]) / float64(total)
}

// TestCorpusUrgent: every Urgent message is Urgent.
func TestCorpusUrgent(t *testing.T) {
	c := safety.New(nil)
	all := counts{}
	for name, lines := range readCorpus(t, "urgent_") {
		got := counts{}
		for _, l := range lines {
			lvl := c.Check(l.text)
			got[lvl]++
			all[lvl]++
			if lvl != safety.Urgent {
				t.Errorf("%s:%d: %s, want urgent (readings %v)", l.file, l.n, lvl, c.Why(l.text))
			}
		}
		t.Logf("recall %-22s %3d/%3d = %5.1f%%", name, got[safety.Urgent], len(lines), 100*got.share(safety.Urgent))
	}
	t.Logf("recall %-22s %3d/%3d = %5.1f%%", "all urgent", all[safety.Urgent], all[safety.None]+all[safety.Concern]+all[safety.Urgent], 100*all.share(safety.Urgent))
}

// maxEverydayUrgent is the share of everyday messages allowed to get the
// safety reply. The reply still offers to find a group, so a false alarm
// costs a resident one extra message; a miss may cost a life.
const maxEverydayUrgent = 0.03

// TestCorpusEveryday: at most 3% of everyday messages are Urgent. Concern
// on them is reported, not limited: it only adds one gentle line.
func TestCorpusEveryday(t *testing.T) {
	c := safety.New(nil)
	all := counts{}
	for name, lines := range readCorpus(t, "everyday_") {
		got := counts{}
		for _, l := range lines {
			lvl := c.Check(l.text)
			got[lvl]++
			all[lvl]++
			switch lvl {
			case safety.Urgent:
				t.Logf("false alarm %s:%d: urgent (readings %v)", l.file, l.n, c.Why(l.text))
			case safety.Concern:
				t.Logf("concern     %s:%d: (readings %v)", l.file, l.n, c.Why(l.text))
			}
		}
		t.Logf("everyday %-24s %3d messages: urgent %4.1f%%, concern %4.1f%%", name, len(lines), 100*got.share(safety.Urgent), 100*got.share(safety.Concern))
	}
	t.Logf("everyday %-24s %3d messages: urgent %4.1f%%, concern %4.1f%%", "all", all[safety.None]+all[safety.Concern]+all[safety.Urgent], 100*all.share(safety.Urgent), 100*all.share(safety.Concern))
	if s := all.share(safety.Urgent); s > maxEverydayUrgent {
		t.Errorf("%.1f%% of everyday messages are urgent, want at most %.0f%%", 100*s, 100*maxEverydayUrgent)
	}
}

// TestCorpusConcern: no Concern message is None. Each is someone saying
// they are struggling; the cost of the gentle line is nothing, the cost of
// ignoring it is that they were not heard. In the team's own group Urgent
// is allowed (and reported): erring towards the safety reply is the safe
// side. In a blind set's group every message must be Concern exactly, as
// the corpus README records: those were written as distress without
// danger by someone who had not seen the rules, and the safety reply
// would tell them they were misread.
func TestCorpusConcern(t *testing.T) {
	c := safety.New(nil)
	for name, lines := range readCorpus(t, "concern") {
		blind := strings.HasPrefix(name, "blind")
		got := counts{}
		for _, l := range lines {
			lvl := c.Check(l.text)
			got[lvl]++
			switch {
			case lvl == safety.None && blind:
				t.Errorf("%s:%d: none, want concern", l.file, l.n)
			case lvl == safety.None:
				t.Errorf("%s:%d: none, want concern (or urgent)", l.file, l.n)
			case lvl == safety.Urgent && blind:
				t.Errorf("%s:%d: urgent, want concern (readings %v)", l.file, l.n, c.Why(l.text))
			case lvl == safety.Urgent:
				t.Logf("urgent %s:%d: (readings %v)", l.file, l.n, c.Why(l.text))
			}
		}
		t.Logf("%s: %d messages: concern %d, none %d, urgent %d", name, len(lines), got[safety.Concern], got[safety.None], got[safety.Urgent])
	}
}
