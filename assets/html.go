package assets

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain turns the HTML that listings written in web forms or imported from
// councils' feeds carry into the plain text a resident reads:
// "<p>Fun &amp; games for under&nbsp;5s</p><br/>Bring a snack" becomes
// "Fun & games for under 5s, Bring a snack".
//
//   - Real entities (&amp; &#39; &rsquo;, always with their semicolon)
//     become the characters they stand for.
//   - Real tags are taken out: a tag of a known HTML element with only
//     known attributes, a closing tag, a comment, a doctype, and a script
//     or style with its contents. A tag that breaks the text (p, br, div,
//     li, h1...) leaves ", " between the pieces, or a space after a full
//     stop or the like; bold, links and the rest leave nothing.
//   - Runs of white space become one space, trimmed.
//
// Text with none of these is returned exactly as it came, line breaks and
// all: "Tea & Toast <Tuesdays>", "Under 5s <3", "a < b", "£2 <= age 5"
// and "<a friend>" hold no tag and no entity. A tag left open, or any
// other garbage, is kept as text, so no words are ever lost; bytes that
// are not UTF-8 become U+FFFD.
//
// The result never holds a tag of a known element, even where decoding
// or taking a tag out makes one ("&lt;b&gt;", "<<b>p>"): a resident never
// sees markup. It is plain text, to be escaped afresh for any markup it
// is shown in.
//
// golang.org/x/net/html is not used: its tokenizer follows the HTML
// standard, which reads every "<" and a letter as a tag ("<Tuesdays>"
// would vanish), decodes "&copy" with no semicolon, and drops a tag left
// open at the end, words and all. Keeping what is not HTML would mean
// undoing most of what it does. Two regular expressions over known names
// (Go's, which run in time linear in the text) and html.UnescapeString
// for the entities' table do exactly what is needed and no more.
func Plain(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	// A NUL is read as the space it would show as, so breakMark can mark
	// breaks; text that is not HTML keeps its NULs (such text holds no
	// tag, with or without them).
	clean := strings.ReplaceAll(s, breakMark, " ")
	t, tagged := stripTags(clean)
	t, decoded := unescape(t)
	if !tagged && !decoded {
		if clean == s {
			return s
		}
		if _, markup := stripTags(s); !markup {
			return s
		}
	}
	// Decoding can spell a tag ("&lt;p&gt;"), and so can taking one out
	// ("<<b>p>") or closing up white space in one ("<p&nbsp;class=x>");
	// those come out too. Only made-up input nests them deeply, and its
	// angle brackets are shown as ‹ rather than read forever.
	t = tidy(t)
	for range maxPasses {
		u, more := stripTags(t)
		if !more {
			return t
		}
		t = tidy(u)
	}
	if _, more := stripTags(t); more {
		t = strings.ReplaceAll(t, "<", "‹")
	}
	return t
}

// maxPasses is how many times tags that appear once others are gone are
// looked for; real listings need one at most.
const maxPasses = 8

// breakMark stands where a tag broke the text, until tidy joins the
// pieces; a NUL the text itself holds is read as a space first.
const breakMark = "\x00"

// stripTags takes the real tags out of s, leaving breakMark for those
// that break the text, and reports whether there were any.
func stripTags(s string) (string, bool) {
	if !strings.Contains(s, "<") {
		return s, false
	}
	found := false
	out := tagPattern.ReplaceAllStringFunc(s, func(tag string) string {
		found = true
		if slices.Contains(breakingElements, elementName(tag)) {
			return breakMark
		}
		return ""
	})
	return out, found
}

// elementName is the lower-case element name of a tag such as "</P >";
// "" for a comment or doctype.
func elementName(tag string) string {
	name := strings.TrimLeft(tag, "</")
	end := strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ':')
	})
	if end >= 0 {
		name = name[:end]
	}
	return strings.ToLower(name)
}

// entityPattern matches what could be an entity; unescape keeps only the
// real ones.
var entityPattern = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8});`)

// unescape decodes the real entities in s, once ("&amp;lt;" is "&lt;"),
// and reports whether there were any.
func unescape(s string) (string, bool) {
	if !strings.Contains(s, "&") {
		return s, false
	}
	found := false
	out := entityPattern.ReplaceAllStringFunc(s, func(e string) string {
		r := html.UnescapeString(e)
		// An unknown name comes back as it went in. So, nearly, does one
		// that only starts with a name known without its semicolon
		// ("&ampx;" gives "&x;"); a real entity is one or two characters.
		if r == e || utf8.RuneCountInString(r) > 2 {
			return e
		}
		found = true
		return r
	})
	return out, found
}

// tidy joins the pieces between breakMarks with ", " (a space after a
// full stop and the like, nothing before one) and makes each run of
// white space or control characters one space, trimmed.
func tidy(s string) string {
	var b strings.Builder
	var last rune
	for piece := range strings.SplitSeq(s, breakMark) {
		words := strings.FieldsFunc(piece, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
		if len(words) == 0 {
			continue
		}
		text := strings.Join(words, " ")
		if b.Len() > 0 {
			first, _ := utf8.DecodeRuneInString(text)
			switch {
			case strings.ContainsRune(".,;:!?)", first):
			case strings.ContainsRune(".,;:!?", last):
				b.WriteByte(' ')
			default:
				b.WriteString(", ")
			}
		}
		b.WriteString(text)
		last, _ = utf8.DecodeLastRuneInString(text)
	}
	return b.String()
}

// breakingElements are the HTML elements that break text into pieces:
// paragraphs, line breaks, list items, headings, table cells and the like.
var breakingElements = []string{
	"address", "article", "aside", "blockquote", "body", "br", "caption",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "frame",
	"frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
	"hgroup", "hr", "html", "legend", "li", "listing", "main", "menu",
	"nav", "ol", "optgroup", "option", "p", "pre", "search", "section",
	"summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
	"tr", "ul", "xmp",
}

// inlineElements are the other HTML elements, current and obsolete, and
// Word's <o:p>, which turns up wherever text was pasted from Word.
var inlineElements = []string{
	"a", "abbr", "acronym", "area", "audio", "b", "base", "basefont",
	"bdi", "bdo", "big", "blink", "button", "canvas", "cite", "code",
	"col", "colgroup", "data", "datalist", "del", "dfn", "em", "embed",
	"font", "i", "iframe", "img", "input", "ins", "kbd", "label", "link",
	"map", "mark", "marquee", "math", "meta", "meter", "nobr", "noembed",
	"noframes", "noscript", "o:p", "object", "output", "param", "picture",
	"progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "select",
	"slot", "small", "source", "span", "strike", "strong", "style", "sub",
	"sup", "svg", "template", "textarea", "time", "track", "tt", "u",
	"var", "video", "wbr",
}

// attributes are the HTML attributes, current and obsolete, that a real
// tag gives a value (href="..."); data-*, aria-*, xmlns:* and the common
// event handlers (onclick) are known too. Knowing them is what tells
// "<a href=x>" from "<a friend>".
var attributes = []string{
	"abbr", "accept", "accept-charset", "accesskey", "action", "align",
	"alink", "allow", "alt", "autocapitalize", "autocomplete", "axis",
	"background", "bgcolor", "border", "cellpadding", "cellspacing",
	"char", "charoff", "charset", "cite", "class", "clear", "color",
	"cols", "colspan", "content", "contenteditable", "coords",
	"crossorigin", "datetime", "decoding", "dir", "download", "draggable",
	"enctype", "enterkeyhint", "face", "for", "form", "formaction",
	"frame", "frameborder", "headers", "height", "high", "href",
	"hreflang", "hspace", "http-equiv", "id", "inputmode", "integrity",
	"is", "itemid", "itemprop", "itemref", "itemtype", "kind", "label",
	"lang", "language", "link", "list", "loading", "longdesc", "low",
	"marginheight", "marginwidth", "max", "maxlength", "media", "method",
	"min", "minlength", "name", "nonce", "optimum", "part", "pattern",
	"ping", "placeholder", "popover", "poster", "preload", "property",
	"referrerpolicy", "rel", "rev", "role", "rows", "rowspan", "rules",
	"sandbox", "scope", "scrolling", "shape", "size", "sizes", "slot",
	"span", "spellcheck", "src", "srcdoc", "srclang", "srcset", "start",
	"step", "style", "summary", "tabindex", "target", "text", "title",
	"translate", "type", "usemap", "valign", "value", "vlink", "vspace",
	"width", "wrap", "xml:lang", "xmlns",
}

// flags are the HTML attributes that may stand alone, with no value
// (<input disabled>).
var flags = []string{
	"allowfullscreen", "async", "autofocus", "autoplay", "checked",
	"compact", "controls", "default", "defer", "disabled",
	"formnovalidate", "hidden", "inert", "ismap", "itemscope", "loop",
	"multiple", "muted", "nohref", "noshade", "novalidate", "nowrap",
	"open", "playsinline", "readonly", "required", "reversed", "selected",
}

// attributeValue is what follows an attribute's name: = and a value,
// quoted or not.
const attributeValue = `\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+)`

// tagPattern matches a real tag, a comment, a doctype, or a script or
// style with what is in it.
var tagPattern = regexp.MustCompile(`(?is)` +
	`<!--.*?-->` +
	`|<!doctype[^<>]*>` +
	`|<script(?:\s[^>]*)?>.*?</script\s*>` +
	`|<style(?:\s[^>]*)?>.*?</style\s*>` +
	`|</?` + oneOf(slices.Concat(breakingElements, inlineElements)) +
	`(?:\s+(?:` +
	`(?:` + oneOf(attributes) + `|data-[a-z0-9_.:-]+|aria-[a-z]+|xmlns:[a-z]+` +
	`|on(?:click|dblclick|load|unload|error|change|submit|reset|focus|blur|input|select|scroll|resize` +
	`|key(?:down|up|press)|mouse(?:down|up|over|out|move|enter|leave)|touch(?:start|end|move)))` + attributeValue +
	`|` + oneOf(flags) + `(?:` + attributeValue + `)?` +
	`))*\s*/?>`)

// oneOf is a regular expression group matching any of names.
func oneOf(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	return "(?:" + strings.Join(quoted, "|") + ")"
}
