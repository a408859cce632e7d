package assets

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// parser walks the YAML tree, collecting problems instead of stopping at
// the first, so a coach sees everything to fix in one go.
type parser struct {
	opt      Options
	problems []Problem
	// memo, when set, remembers the items of the list from one version of
	// the file to the next; see Parser.
	memo *memory
	// workers and groupBytes, when set, replace GOMAXPROCS and the
	// package's groupBytes, so tests can read a file one way and another.
	workers, groupBytes int
}

func (p *parser) errorAt(line int, format string, args ...any) {
	p.problems = append(p.problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) warnAt(line int, format string, args ...any) {
	p.problems = append(p.problems, Problem{Line: line, Warning: true, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) errors() int {
	n := 0
	for _, q := range p.problems {
		if !q.Warning {
			n++
		}
	}
	return n
}

// describe names a node's shape the way a coach would see it.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a block of fields"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}

// fields reads a mapping, warning about fields it does not know (with the
// nearest known name) and rejecting a field given twice.
func (p *parser) fields(n *yaml.Node, what string, known ...string) (map[string]*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		p.errorAt(n.Line, "%s should be a block of fields like `name: ...`, not %s", what, describe(n))
		return nil, false
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorAt(k.Line, "a field name in %s is %s; field names are plain words like `name`", what, describe(k))
			continue
		}
		if v.Kind == yaml.AliasNode {
			p.errorAt(v.Line, "%s uses an alias (*%s); write the value out in full", k.Value, v.Value)
			continue
		}
		if _, dup := m[k.Value]; dup {
			p.errorAt(k.Line, "%s is given twice in %s; keep one", k.Value, what)
			continue
		}
		if !contains(known, k.Value) {
			msg := fmt.Sprintf("%s is not a field of %s, so it is ignored", k.Value, what)
			if s := nearest(k.Value, known); s != "" {
				msg += fmt.Sprintf("; did you mean %s?", s)
			}
			p.warnAt(k.Line, "%s", msg)
			continue
		}
		if v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode {
			// A block starts on the line after its name; point coaches at
			// the name.
			v.Line = k.Line
		}
		m[k.Value] = v
	}
	return m, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nearest is the known word within two edits of s, for "did you mean".
func nearest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToLower(s), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// text reads a scalar as text; a missing or empty value gives "".
func (p *parser) text(n *yaml.Node, field string) string {
	if n == nil || n.Tag == "!!null" {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		p.errorAt(n.Line, "%s should be text, not %s", field, describe(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// prose reads text a person will read, such as a description. Listings
// from web forms and councils' feeds carry HTML, which is decoded here,
// on the one path every free-text field takes in reading the file whole
// or in groups: see plain.
func (p *parser) prose(n *yaml.Node, field string) string {
	return Plain(p.text(n, field))
}

// name reads the name of what, which must be there and must still hold
// words once its HTML is decoded.
func (p *parser) name(m map[string]*yaml.Node, line int, what string) string {
	if p.required(m, "name", line, what) == "" {
		return ""
	}
	name := p.prose(m["name"], "name")
	if name == "" {
		p.errorAt(m["name"].Line, "the name %q is all HTML markup, with no words left once that is taken out; write the name as people should read it", strings.TrimSpace(m["name"].Value))
	}
	return name
}

// required reads text that must be there; line is where to point if not.
func (p *parser) required(m map[string]*yaml.Node, field string, line int, what string) string {
	n, ok := m[field]
	if !ok || n.Tag == "!!null" || n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		if ok {
			line = n.Line
		}
		p.errorAt(line, "%s has no %s; add `%s: ...`", what, field, field)
		return ""
	}
	return p.text(n, field)
}

// list reads a list of text, each entry as prose; example shows the
// coach the right form.
func (p *parser) list(n *yaml.Node, field, example string) []string {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorAt(n.Line, "%s should be a list like %s, not %s", field, example, describe(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			p.errorAt(item.Line, "each entry in %s should be a word or phrase, not %s", field, describe(item))
			continue
		}
		if s := p.prose(item, field); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// items reads a list of blocks, such as assets or activities.
func (p *parser) items(n *yaml.Node, field string) []*yaml.Node {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorAt(n.Line, "%s should be a list, each entry starting with `- `, not %s", field, describe(n))
		return nil
	}
	return n.Content
}

func (p *parser) number(n *yaml.Node, field string) (float64, bool) {
	if n.Kind == yaml.ScalarNode {
		if f, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64); err == nil {
			return f, true
		}
	}
	p.errorAt(n.Line, "%s should be a number like 52.5041, not %s", field, describe(n))
	return 0, false
}

func (p *parser) integer(n *yaml.Node, field, example string) (int, bool) {
	if n.Kind == yaml.ScalarNode {
		if i, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil {
			return i, true
		}
	}
	p.errorAt(n.Line, "%s should be a whole number like %s, not %s", field, example, describe(n))
	return 0, false
}

func (p *parser) date(n *yaml.Node, field string) (bot.Date, bool) {
	if n.Kind == yaml.ScalarNode {
		if d, err := bot.ParseDate(strings.TrimSpace(n.Value)); err == nil {
			return d, true
		}
	}
	p.errorAt(n.Line, "%s should be a date written year-month-day like 2026-12-13, not %s", field, describe(n))
	return bot.Date{}, false
}

// point reads lat and lon, which come together.
func (p *parser) point(m map[string]*yaml.Node, what string) (*bot.Point, bool) {
	latN, hasLat := m["lat"]
	lonN, hasLon := m["lon"]
	switch {
	case !hasLat && !hasLon:
		return nil, true
	case !hasLat || !hasLon:
		at := lonN
		if hasLat {
			at = latN
		}
		p.errorAt(at.Line, "%s has only one of lat and lon; give both (a map app shows them when you pick the place), or neither", what)
		return nil, false
	}
	lat, ok1 := p.number(latN, "lat")
	lon, ok2 := p.number(lonN, "lon")
	if !ok1 || !ok2 {
		return nil, false
	}
	if lat < -90 || lat > 90 {
		p.errorAt(latN.Line, "lat %v is off the map: latitude is between -90 and 90 (Oldbury is about 52.50)", lat)
		return nil, false
	}
	if lon < -180 || lon > 180 {
		p.errorAt(lonN.Line, "lon %v is off the map: longitude is between -180 and 180 (Oldbury is about -2.02)", lon)
		return nil, false
	}
	return &bot.Point{Lat: lat, Lon: lon}, true
}
