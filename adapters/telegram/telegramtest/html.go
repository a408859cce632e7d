package telegramtest

import (
	"errors"
	"fmt"
	"strings"
)

// allowedTags are the tags Telegram's HTML parse mode knows.
var allowedTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true,
	"a": true, "code": true, "pre": true, "blockquote": true, "tg-emoji": true,
}

// CheckHTML reports what Telegram's HTML parse mode would refuse in text:
// an unknown or unbalanced tag, a bare '<' or '&', or an unknown entity.
func CheckHTML(text string) error {
	var open []string
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '<':
			end := strings.IndexByte(text[i:], '>')
			if end < 0 {
				return fmt.Errorf("unclosed start tag at byte offset %d", i)
			}
			tag := text[i+1 : i+end]
			i += end
			if name, ok := strings.CutPrefix(tag, "/"); ok {
				if len(open) == 0 || open[len(open)-1] != name {
					return fmt.Errorf("unmatched end tag %q", name)
				}
				open = open[:len(open)-1]
				continue
			}
			name, _, _ := strings.Cut(tag, " ")
			if !allowedTags[name] {
				return fmt.Errorf("unsupported start tag %q", name)
			}
			open = append(open, name)
		case '>':
			return errors.New("unescaped '>'")
		case '&':
			end := strings.IndexByte(text[i:], ';')
			if end < 0 {
				return fmt.Errorf("bare '&' at byte offset %d", i)
			}
			ent := text[i+1 : i+end]
			if !knownEntity(ent) {
				return fmt.Errorf("unknown entity &%s;", ent)
			}
			i += end
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("can't find end tag corresponding to start tag %q", open[len(open)-1])
	}
	return nil
}

func knownEntity(e string) bool {
	switch e {
	case "lt", "gt", "amp", "quot":
		return true
	}
	if d, ok := strings.CutPrefix(e, "#"); ok && d != "" {
		return strings.Trim(d, "0123456789") == ""
	}
	return false
}

// Strip removes tags and decodes the four named entities, leaving the text
// a person would read.
func Strip(html string) string {
	var b strings.Builder
	for i := 0; i < len(html); i++ {
		if html[i] == '<' {
			if end := strings.IndexByte(html[i:], '>'); end >= 0 {
				i += end
				continue
			}
		}
		b.WriteByte(html[i])
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(b.String())
}
