package telegram

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// splitHTML cuts Telegram HTML into messages of at most limit UTF-16 code
// units each (Telegram counts in those). It cuts between paragraphs if it
// can, else between lines, else between words, and never inside a tag or
// an entity; a tag open at a cut is closed before it and opened again
// after, so every message is valid on its own. Whitespace at a cut is
// dropped. A single tag or entity longer than limit is kept whole.
func splitHTML(s string, limit int) []string {
	if utf16Len(s) <= limit {
		if strings.TrimSpace(plainOf(s)) == "" {
			return nil
		}
		return []string{s}
	}
	toks := lexHTML(s)
	var out []string
	var open []htmlToken
	for i := 0; i < len(toks); {
		end, endOpen := fitHTML(toks, i, open, limit)
		if hasText(toks[i:end]) {
			var b strings.Builder
			for _, t := range open {
				b.WriteString(t.s)
			}
			for _, t := range toks[i:end] {
				b.WriteString(t.s)
			}
			b.WriteString(closers(endOpen))
			out = append(out, b.String())
		}
		open = endOpen
		for i = end; i < len(toks) && toks[i].space(); i++ {
		}
	}
	return out
}

// htmlToken is a tag, an entity or one character.
type htmlToken struct {
	s     string
	kind  tokenKind
	name  string // a tag's name
	width int    // in UTF-16 code units
}

type tokenKind int

const (
	textToken tokenKind = iota
	openTag
	closeTag
	entityToken
)

func (t htmlToken) space() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return t.kind == textToken && unicode.IsSpace(r)
}

// lexHTML reads s as tags, entities and characters. A '<' or '&' that
// starts no tag or entity is read as a character.
func lexHTML(s string) []htmlToken {
	var toks []htmlToken
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				tag := s[i : i+j+1]
				t := htmlToken{s: tag, kind: openTag, width: utf16Len(tag)}
				inner := tag[1 : len(tag)-1]
				if name, ok := strings.CutPrefix(inner, "/"); ok {
					t.kind, t.name = closeTag, name
				} else {
					t.name, _, _ = strings.Cut(inner, " ")
				}
				toks = append(toks, t)
				i += j + 1
				continue
			}
		case '&':
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j <= 10 && isEntityName(s[i+1:i+j]) {
				toks = append(toks, htmlToken{s: s[i : i+j+1], kind: entityToken, width: j + 1})
				i += j + 1
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		toks = append(toks, htmlToken{s: s[i : i+n], width: w})
		i += n
	}
	return toks
}

func isEntityName(s string) bool {
	for _, c := range s {
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Break priorities: where a message may end, best last.
const (
	noBreak = iota
	wordBreak
	lineBreak
	paragraphBreak
)

// fitHTML finds where the message starting at toks[start], with the tags
// in open already open, must end to fit limit; it returns that index and
// the tags open there.
func fitHTML(toks []htmlToken, start int, open []htmlToken, limit int) (int, []htmlToken) {
	type cut struct {
		at, width int
		open      []htmlToken
	}
	var cuts [paragraphBreak + 1]*cut
	stack := append([]htmlToken(nil), open...)
	width := 0
	for _, t := range open {
		width += t.width
	}
	for j := start; j < len(toks); j++ {
		t := toks[j]
		if p := breakAt(toks, j); p != noBreak && j > start {
			cuts[p] = &cut{at: j, width: width, open: append([]htmlToken(nil), stack...)}
		}
		next := stack
		switch t.kind {
		case openTag:
			next = append(append([]htmlToken(nil), stack...), t)
		case closeTag:
			if len(stack) > 0 && stack[len(stack)-1].name == t.name {
				next = stack[: len(stack)-1 : len(stack)-1]
			}
		}
		if width+t.width+len(closers(next)) > limit && j > start {
			for p := paragraphBreak; p > noBreak; p-- {
				if c := cuts[p]; c != nil && c.width >= limit/2 {
					return c.at, c.open
				}
			}
			var latest *cut
			for _, c := range cuts {
				if c != nil && (latest == nil || c.at > latest.at) {
					latest = c
				}
			}
			if latest != nil {
				return latest.at, latest.open
			}
			return j, stack
		}
		width += t.width
		stack = next
	}
	return len(toks), stack
}

// breakAt is how good a place to end a message just before toks[j] is.
func breakAt(toks []htmlToken, j int) int {
	switch toks[j].s {
	case "\n":
		if toks[j].kind == textToken && j+1 < len(toks) && toks[j+1].s == "\n" {
			return paragraphBreak
		}
		return lineBreak
	case " ":
		return wordBreak
	}
	return noBreak
}

// closers are the end tags for open, innermost first.
func closers(open []htmlToken) string {
	var b strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i].name + ">")
	}
	return b.String()
}

func hasText(toks []htmlToken) bool {
	for _, t := range toks {
		if (t.kind == textToken && !t.space()) || t.kind == entityToken {
			return true
		}
	}
	return false
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
	}
	return n
}
