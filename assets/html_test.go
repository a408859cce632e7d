package assets

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// plainCases are what listings carry and what a resident should read.
var plainCases = []struct {
	name, in, want string
}{
	// HTML from web forms and councils' feeds.
	{"a web form's description", "<p>Fun &amp; games for under&nbsp;5s</p><br/>Bring a snack", "Fun & games for under 5s, Bring a snack"},
	{"an entity in a name", "Tea &amp; Toast", "Tea & Toast"},
	{"a numeric entity", "It&#39;s free", "It's free"},
	{"a hex entity", "It&#x27;s free", "It's free"},
	{"a named quote", "Mum&rsquo;s kitchen", "Mum’s kitchen"},
	{"bold", "<strong>Free</strong> tea", "Free tea"},
	{"inside a word", "Cup<b>cakes</b>", "Cupcakes"},
	{"a list", "<ul><li>Tea</li><li>Cake</li></ul>", "Tea, Cake"},
	{"after a full stop", "<p>Fun.</p><p>Games</p>", "Fun. Games"},
	{"a heading", "<h2>What to bring</h2><p>Wool</p>", "What to bring, Wool"},
	{"a break before a comma", "Tea<br>, coffee", "Tea, coffee"},
	{"capitals, and Word's o:p", "<P CLASS=MsoNormal>Hi<o:p></o:p></P>", "Hi"},
	{"a link with attributes", `<a href="https://example.org/?a=1&amp;b=2" target=_blank rel='noopener'>Our page</a>`, "Our page"},
	{"an image", `<img src="logo.png" alt="logo" width="20"/> Logo`, "Logo"},
	{"a flag attribute", "<details open><summary>More</summary>Tea</details>", "More, Tea"},
	{"data and aria attributes", `<span data-id="3" aria-label="x">Hi</span>`, "Hi"},
	{"a comment", "Tea<!-- was coffee -->time", "Teatime"},
	{"a doctype and a page", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "Hi"},
	{"a script", "<script>alert('x')</script>Open <b>daily</b>", "Open daily"},
	{"a style", "<style>p { color: red }</style><p>Red</p>", "Red"},
	{"line breaks and spaces in HTML", "<p>\n  Lines\n  and   spaces\n</p>\n", "Lines and spaces"},
	{"a control character", "Tea&#1;time", "Tea time"},
	{"a null character", "&#0; x", "\uFFFD x"},
	// Decoded once: "&amp;lt;" was written to show "&lt;".
	{"double-escaped text", "&amp;lt;3 &amp;amp;", "&lt;3 &amp;"},
	// Markup never reaches a resident, however it is made.
	{"a double-escaped feed", "&lt;p&gt;Fun &amp;amp; games&lt;/p&gt;", "Fun &amp; games"},
	{"a tag made by taking one out", "<<b>p>Hi", "Hi"},
	{"a tag made by joining pieces", "<p title=x.<br>hidden>Hi", "Hi"},
	{"a tag made by closing up spaces", "<p&nbsp;class=x>Hi", "Hi"},
	// Text that is not HTML stays exactly as written.
	{"a venue's real name", "Tea & Toast <Tuesdays>", "Tea & Toast <Tuesdays>"},
	{"an ampersand", "Fish & Chips", "Fish & Chips"},
	{"a heart", "Under 5s <3", "Under 5s <3"},
	{"less than", "a < b", "a < b"},
	{"less than or equal", "£2 <= age 5", "£2 <= age 5"},
	{"a word that is an element", "Bring <a friend>", "Bring <a friend>"},
	{"an element and a word that is not an attribute", "<i think> so", "<i think> so"},
	{"an attribute that wants a value", "<a title> here", "<a title> here"},
	{"an unknown element", "</Tuesdays>", "</Tuesdays>"},
	{"an address", "Unit <3> & 4, Owen Street", "Unit <3> & 4, Owen Street"},
	{"Slack's syntax", "<!channel> <@U999> <https://example.org|click>", "<!channel> <@U999> <https://example.org|click>"},
	{"ampersands in words", "R&D, AT&T, Q&A", "R&D, AT&T, Q&A"},
	{"an entity with no semicolon", "&copy 2026 &amp chips", "&copy 2026 &amp chips"},
	{"an unknown entity", "&foo; &ampx;", "&foo; &ampx;"},
	{"plain text's line breaks", "line one\nline  two", "line one\nline  two"},
	// A tag left open, and garbage, keep every word.
	{"a tag never closed", "<p>Fun <b>games", "Fun games"},
	{"an attribute never closed", `<b title="unclosed>Fun`, `<b title="unclosed>Fun`},
	{"an attribute never closed, after HTML", `<p>Fun <b title="unclosed>games`, `Fun <b title="unclosed>games`},
	{"a comment never closed", "<!-- never closed <p>but text", "<!-- never closed, but text"},
	{"a script never closed", "<script>never closed", "never closed"},
	{"only closing tags", "</p></div>", ""},
	{"half a tag", "Fun<p", "Fun<p"},
	{"not UTF-8", "caf\xe9 <b>x</b>", "caf\uFFFD x"},
}

func TestPlain(t *testing.T) {
	for _, tt := range plainCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plain(tt.in); got != tt.want {
				t.Errorf("Plain(%q)\n = %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPlainNestedTags: tags nested to form new ones, past what real
// listings do, still come out with no markup and no words lost.
func TestPlainNestedTags(t *testing.T) {
	in := "<b>"
	for range 3 * maxPasses {
		in = "<" + in + "b>"
	}
	in += "Tea"
	got := Plain(in)
	if strings.Contains(got, "<") || !strings.HasSuffix(got, "b>Tea") || !strings.HasPrefix(got, "‹") {
		t.Errorf("Plain(%q) = %q, want the angle brackets shown as ‹ and the text kept", in, got)
	}
}

// TestLoadHTML: HTML in the fields a person reads is decoded when the
// file is loaded, whether it is read whole or in groups, without a word
// to the coach; text that is not HTML is left alone.
func TestLoadHTML(t *testing.T) {
	const path = "testdata/html.yaml"
	cat, problems, err := Load(path, Options{Now: now})
	if err != nil || len(problems) != 0 {
		t.Fatalf("Load: %v; problems %v", err, problems)
	}
	a := cat.Assets[0]
	for _, f := range []struct{ field, got, want string }{
		{"area name", cat.Area.Name, "Oldbury & Tipton"},
		{"safety message", cat.Safety.Message, "In danger? Call 999."},
		{"safety support", cat.Safety.Support, "Feeling low? Samaritans: 116 123, free."},
		{"name", a.Name, "Tea & Toast"},
		{"description", a.Description, "Fun & games for under 5s, Bring a snack"},
		{"address", a.Address, "Unit 3 & 4, Owen Street"},
		{"phone", a.Phone, "0121 000 0000"},
		{"website", a.Website, "https://example.org/?a=1&b=2"},
		{"tags", strings.Join(a.Tags, "|"), "toast|tea & cake"},
		{"access", strings.Join(a.Access, "|"), "wheelchair|hearing loop"},
		{"activity name", a.Activities[0].Name, "Knit & Natter"},
		{"activity description", a.Activities[0].Description, "Bring: Wool, Needles"},
		{"cost", a.Activities[0].Cost, "£2 a session"},
		{"booking", a.Activities[0].Booking, "Ring Sam’s mobile"},
		{"a name that is not HTML", cat.Assets[1].Name, "Tea & Toast <Tuesdays>"},
		{"a description that is not HTML", cat.Assets[1].Description, "Under 5s <3,\nand £2 <= age 5"},
	} {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.field, f.got, f.want)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !sameAsWhole(t, path, data) {
		t.Errorf("%s was read whole; it should suit groups", path)
	}
}

// FuzzPlain: whatever the text, decoding it never panics, gives valid
// UTF-8 with no tag of a known element, and, where what it gives holds no
// entity to decode, decoding that again changes nothing.
func FuzzPlain(f *testing.F) {
	for _, tt := range plainCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Plain(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Plain(%q) = %q, not UTF-8", in, out)
		}
		if _, tagged := stripTags(out); tagged {
			t.Fatalf("Plain(%q) = %q, which holds a tag", in, out)
		}
		lower := strings.ToLower(out)
		for _, name := range append(breakingElements, inlineElements...) {
			for _, tag := range []string{"<" + name + ">", "</" + name + ">", "<" + name + "/>", "<" + name + " />"} {
				if strings.Contains(lower, tag) {
					t.Fatalf("Plain(%q) = %q, which holds %s", in, out, tag)
				}
			}
		}
		if strings.Contains(out, breakMark) && !strings.Contains(in, breakMark) {
			t.Fatalf("Plain(%q) = %q, with a break mark left in", in, out)
		}
		if _, decoded := unescape(out); !decoded {
			if again := Plain(out); again != out {
				t.Fatalf("Plain(%q) = %q, but Plain of that is %q", in, out, again)
			}
		}
	})
}
