package assets

import (
	"bytes"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// A YAML tree of a whole list is many times the size of the file (10,000
// venues, 12 MB of text, made 200 MB of nodes), and it all had to be held
// while the catalogue was built from it. So the top-level `assets:` list
// is cut into groups of items as text, and each group is parsed, read and
// let go, a few at once on as many cores as there are. The rest of the
// file is parsed as usual, with
// the list's lines left blank so every line number stays the same.
//
// Cutting YAML by its text is only safe for plain block layout, so the
// cut is checked at every step: the items must be "- " lines at one
// indentation, the rest of the file must parse with `assets:` where it
// was found and empty, and each group must parse to exactly the items it
// was cut into. Anything else (flow style, tabs, anchors shared between
// venues, a quote left open) and the whole file is parsed in one go
// instead, as are files with a directive such as %TAG, or with errors,
// so a coach sees the same problems either way.

// groupBytes is about how much text of the list is parsed at once.
const groupBytes = 64 << 10

// listCut is where the top-level assets list lies in a file.
type listCut struct {
	keyLine int // the line of `assets:`
	// items are the byte offsets where each item starts, then where the
	// list ends.
	items []int
	// lines are the line numbers of the items.
	lines []int
}

// cutAssets finds the items of the top-level `assets:` block list.
func cutAssets(data []byte) (listCut, bool) {
	var c listCut
	indent := -1
	line, off := 0, 0
	for off < len(data) {
		line++
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		text := bytes.TrimRight(data[off:next], " \n")
		body := bytes.TrimLeft(text, " ")
		col := len(text) - len(body)
		switch {
		case c.keyLine == 0:
			if bytes.HasPrefix(bytes.TrimPrefix(text, []byte("\ufeff")), []byte("%")) {
				// A directive, such as %TAG, changes how the items read,
				// and the groups would be parsed without it.
				return listCut{}, false
			}
			if isAssetsKey(text) {
				c.keyLine = line
			}
		case bytes.HasPrefix(body, []byte("\t")):
			return listCut{}, false
		case len(body) == 0 || body[0] == '#':
			// Blank lines and comments belong to no item.
		case indent < 0:
			if !isItem(body) {
				return listCut{}, false
			}
			indent = col
			c.items, c.lines = append(c.items, off), append(c.lines, line)
		case col > indent:
			// More of the item above.
		case col == indent && isItem(body):
			c.items, c.lines = append(c.items, off), append(c.lines, line)
		default:
			c.items = append(c.items, off)
			return c, true
		}
		off = next
	}
	if len(c.lines) == 0 {
		return listCut{}, false
	}
	c.items = append(c.items, len(data))
	return c, true
}

// isAssetsKey reports whether a line is the top-level key `assets:` with
// nothing after it but a comment.
func isAssetsKey(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("assets:"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || rest[0] == '#' && len(line) > len(rest) && line[len(line)-len(rest)-1] == ' '
}

func isItem(body []byte) bool {
	return bytes.Equal(body, []byte("-")) || bytes.HasPrefix(body, []byte("- "))
}

// parseInGroups reads data with its assets list cut into groups, read in
// parallel (see items.go). It reports false when the cut does not hold.
func (p *parser) parseInGroups(data []byte) (*bot.Catalogue, bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return nil, false // lines must be unified first, see unixLines
	}
	c, ok := cutAssets(data)
	if !ok {
		return nil, false
	}
	first, last := c.items[0], c.items[len(c.items)-1]
	rest := make([]byte, 0, len(data)-(last-first)+bytes.Count(data[first:last], []byte("\n")))
	rest = append(rest, data[:first]...)
	rest = append(rest, bytes.Repeat([]byte("\n"), bytes.Count(data[first:last], []byte("\n")))...)
	rest = append(rest, data[last:]...)
	var doc yaml.Node
	if err := yaml.Unmarshal(rest, &doc); err != nil || !emptyAssetsAt(&doc, c.keyLine) {
		return nil, false
	}
	cat, _ := p.header(doc.Content[0])
	if cat == nil {
		return nil, false
	}
	items, ok := p.readItems(data, c)
	if !ok {
		return nil, false
	}
	ids := make(map[string]int, len(items))
	cat.Assets = make([]bot.Asset, 0, len(items))
	for _, it := range items {
		p.problems = append(p.problems, it.problems...)
		if it.ok {
			p.addAsset(cat, it.asset, ids)
		}
	}
	return cat, true
}

// emptyAssetsAt reports whether doc is a mapping whose `assets:` key is on
// line and holds nothing, as it does once its items are blanked out.
func emptyAssetsAt(doc *yaml.Node, line int) bool {
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "assets" {
			return k.Line == line && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == ""
		}
	}
	return false
}

// shiftLines moves every node under n down by lines.
func shiftLines(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		shiftLines(c, lines)
	}
}
