package telegram

import (
	"strings"
	"testing"
)

func TestSplitHTML(t *testing.T) {
	tests := []struct {
		name  string
		html  string
		limit int
		want  []string
	}{
		{"fits", "<b>Quiz</b>\nTonight", 100, []string{"<b>Quiz</b>\nTonight"}},
		{"between paragraphs", "First part here.\n\nSecond part here.", 30, []string{"First part here.", "Second part here."}},
		{"between lines before words", "one two three\nfour five six seven", 24, []string{"one two three", "four five six seven"}},
		{"between words", "alpha beta gamma delta", 12, []string{"alpha beta", "gamma delta"}},
		{"bold closed and reopened", "<b>alpha beta gamma delta</b>", 19, []string{"<b>alpha beta</b>", "<b>gamma delta</b>"}},
		{"never inside an entity", "Tea &amp; Toast &lt;Tuesdays&gt;", 20, []string{"Tea &amp; Toast", "&lt;Tuesdays&gt;"}},
		{"hard cut in a long word", strings.Repeat("x", 25), 10, []string{strings.Repeat("x", 10), strings.Repeat("x", 10), strings.Repeat("x", 5)}},
		{"emoji count double", strings.Repeat("😀", 6), 4, []string{"😀😀", "😀😀", "😀😀"}},
		{"nothing but space", " \n ", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitHTML(tt.html, tt.limit)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("splitHTML(%q, %d) =\n%q\nwant\n%q", tt.html, tt.limit, got, tt.want)
			}
		})
	}
}

func TestPlainOf(t *testing.T) {
	if got := plainOf("<b>Tea &amp; Toast &lt;Tuesdays&gt;</b>\n<i>Say &quot;more&quot;</i>"); got != "Tea & Toast <Tuesdays>\nSay \"more\"" {
		t.Errorf("plainOf = %q", got)
	}
}
