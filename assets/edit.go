package assets

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"signpost/bot"
	"signpost/wholefile"
)

// Change is one approved change to an asset file: to an activity of an
// existing venue, a new activity at one, or a new venue. Exactly one of
// the edits is set.
type Change struct {
	// Asset is the venue's id; Activity the activity's, for a change to
	// one.
	Asset, Activity string
	// Base is EntryHash of the venue's entry when the change was made; a
	// venue edited since is a conflict. Empty skips the check.
	Base string
	// Source says where the change came from, written as a comment above
	// what changed: "an organiser on Telegram, approved by a coach".
	Source string
	// Today dates the venue's reviewed line.
	Today bot.Date

	Cancel      bot.Date      // no session on this day: added to except
	OneOff      *bot.Rule     // an extra session on its Date
	When        []bot.Rule    // the timetable, in place of the old one
	PauseUntil  bot.Date      // no sessions before this day
	Stopped     bool          // the group has stopped: it ended yesterday
	NewActivity *bot.Activity // a new activity at Asset
	NewAsset    *bot.Asset    // a new venue, at the end of the list
}

// ErrConflict is returned when the venue a change was made against has
// been edited since: the change goes back for a coach to look at again.
var ErrConflict = errors.New("the entry has been edited since the change was made")

// EntryHash identifies a venue's entry as it is written in data, so a
// change can later tell whether a coach has edited it meanwhile.
func EntryHash(data []byte, assetID string) (string, error) {
	data = unixLines(data)
	doc, err := parseDoc(data)
	if err != nil {
		return "", err
	}
	e, err := findEntry(doc, data, assetID)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data[e.from:e.to])
	return hex.EncodeToString(sum[:]), nil
}

// Apply makes change c to the asset file data and returns the new file.
// Only what changes is written anew: the changed activity's entry (a new
// one is added after the last), the venue's reviewed date, or a new venue
// after the last; every other byte, coaches' comments and order included,
// is kept as it was. The result is checked as `signpost check` does, and
// refused if it has errors.
func Apply(data []byte, c Change) ([]byte, error) {
	if bytes.IndexByte(data, '\r') >= 0 {
		out, err := Apply(unixLines(data), c)
		if err != nil || !bytes.Contains(data, []byte("\r\n")) {
			return out, err
		}
		return bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n")), nil
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data[:len(data):len(data)], '\n')
	}
	doc, err := parseDoc(data)
	if err != nil {
		return nil, err
	}
	if c.NewAsset != nil {
		return checked(appendAsset(doc, data, c))
	}
	e, err := findEntry(doc, data, c.Asset)
	if err != nil {
		return nil, err
	}
	if c.Base != "" {
		if sum := sha256.Sum256(data[e.from:e.to]); hex.EncodeToString(sum[:]) != c.Base {
			return nil, fmt.Errorf("%s: %w", c.Asset, ErrConflict)
		}
	}
	act, err := activitySplice(data, e, c)
	if err != nil {
		return nil, err
	}
	splices := []splice{act, reviewedSplice(data, e, c.Today)}
	// Last first, so earlier offsets still hold; at the same place, the
	// replacement before the insertion.
	slices.SortFunc(splices, func(a, b splice) int { return cmp.Or(b.from-a.from, b.to-a.to) })
	out := append([]byte{}, data...)
	for _, sp := range splices {
		out = append(out[:sp.from:sp.from], append(sp.text, out[sp.to:]...)...)
	}
	return checked(out, nil)
}

// splice replaces data[from:to] with text.
type splice struct {
	from, to int
	text     []byte
}

// activitySplice is c's change to its activity: the activity's entry
// written anew, or a new activity after the venue's last.
func activitySplice(data []byte, e entry, c Change) (splice, error) {
	lines := lineStarts(data)
	acts := get(e.node, "activities")
	if c.NewActivity != nil {
		n := activityNode(c.NewActivity)
		n.HeadComment = c.Source
		if acts == nil || len(acts.Content) == 0 {
			text, err := render(n, e.indent+4)
			if err != nil {
				return splice{}, err
			}
			key := []byte(strings.Repeat(" ", e.indent+2) + "activities:\n")
			if acts != nil {
				return splice{}, fmt.Errorf("%s: its activities list is empty; add the activity by hand", c.Asset)
			}
			return splice{from: e.to, to: e.to, text: append(key, text...)}, nil
		}
		last := acts.Content[len(acts.Content)-1]
		_, to := itemRange(data, lines, acts.Content, len(acts.Content)-1, activitiesEnd(data, lines, e))
		text, err := render(n, last.Column-3)
		return splice{from: to, to: to, text: text}, err
	}
	i := -1
	if acts != nil {
		i = slices.IndexFunc(acts.Content, func(a *yaml.Node) bool { v := get(a, "id"); return v != nil && v.Value == c.Activity })
	}
	if i < 0 {
		return splice{}, fmt.Errorf("%s has no activity %q", c.Asset, c.Activity)
	}
	act := acts.Content[i]
	from, to := itemRange(data, lines, acts.Content, i, activitiesEnd(data, lines, e))
	if err := edit(act, c); err != nil {
		return splice{}, err
	}
	// The comments above the entry stay where they are in the file, and
	// those after it belong to what follows.
	act.HeadComment = c.Source
	clearFootComments(act)
	text, err := render(act, act.Column-3)
	return splice{from: from, to: to, text: text}, err
}

// reviewedSplice sets the venue's reviewed date to today, in place, or
// adds the line before its activities.
func reviewedSplice(data []byte, e entry, today bot.Date) splice {
	lines := lineStarts(data)
	for i := 0; i+1 < len(e.node.Content); i += 2 {
		if e.node.Content[i].Value != "reviewed" {
			continue
		}
		v := e.node.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			// `reviewed:` with nothing after it: the whole line is new.
			k := e.node.Content[i]
			from := offset(data, lines, k.Line)
			return splice{from: from, to: offset(data, lines, k.Line+1), text: []byte(strings.Repeat(" ", k.Column-1) + "reviewed: " + today.String() + "\n")}
		}
		at := offset(data, lines, v.Line) + v.Column - 1
		n := len(v.Value)
		if v.Style == yaml.DoubleQuotedStyle || v.Style == yaml.SingleQuotedStyle {
			n += 2
		}
		return splice{from: at, to: min(at+n, len(data)), text: []byte(today.String())}
	}
	at := e.to
	if k := keyNode(e.node, "activities"); k != nil {
		at = offset(data, lines, k.Line)
	}
	return splice{from: at, to: at, text: []byte(strings.Repeat(" ", e.indent+2) + "reviewed: " + today.String() + "\n")}
}

// checked refuses a file the loader would not serve.
func checked(out []byte, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	if _, problems, err := Parse(out, Options{}); err != nil {
		var msgs []string
		for _, p := range problems {
			if !p.Warning {
				msgs = append(msgs, p.String())
			}
		}
		return nil, fmt.Errorf("the change would make the file wrong (%s): %w", strings.Join(msgs, "; "), err)
	}
	return out, nil
}

// edit makes c's change to an activity's mapping node.
func edit(act *yaml.Node, c Change) error {
	switch {
	case !c.Cancel.IsZero():
		except := get(act, "except")
		if except == nil || except.Kind != yaml.SequenceNode {
			list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			if except != nil && except.Kind == yaml.ScalarNode && except.Value != "" {
				list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: except.Value})
			}
			except = list
			set(act, "except", except)
		}
		except.Content = append(except.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: c.Cancel.String()})
	case c.OneOff != nil:
		when := get(act, "when")
		if when == nil || when.Kind != yaml.SequenceNode {
			when = sequence()
			set(act, "when", when)
		}
		tmp := mapping()
		addRules(tmp, "when", []bot.Rule{*c.OneOff})
		when.Content = append(when.Content, tmp.Content[1].Content...)
	case c.When != nil:
		tmp := mapping()
		addRules(tmp, "when", c.When)
		set(act, "when", tmp.Content[1])
	case !c.PauseUntil.IsZero():
		// A season that starts later already keeps it paused.
		if from := get(act, "from"); from != nil {
			if d, err := bot.ParseDate(from.Value); err == nil && c.PauseUntil.Before(d) {
				return errors.New("it does not start until after that anyway")
			}
		}
		set(act, "from", &yaml.Node{Kind: yaml.ScalarNode, Value: c.PauseUntil.String()})
	case c.Stopped:
		set(act, "until", &yaml.Node{Kind: yaml.ScalarNode, Value: c.Today.AddDays(-1).String()})
	default:
		return errors.New("the change changes nothing")
	}
	return nil
}

// clearFootComments drops the comments yaml.v3 hangs after n and what it
// holds: in the file they are the lines after the entry, kept there.
func clearFootComments(n *yaml.Node) {
	n.FootComment = ""
	for _, c := range n.Content {
		clearFootComments(c)
	}
}

// entry is a venue's mapping node and the bytes of its entry in the file.
type entry struct {
	node     *yaml.Node
	from, to int
	// indent is the column of the entry's "- ".
	indent int
}

func parseDoc(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("read the asset file: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the asset file is not a block of fields")
	}
	return doc.Content[0], nil
}

// assetList is the file's assets sequence.
func assetList(root *yaml.Node) (*yaml.Node, error) {
	list := get(root, "assets")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, errors.New("the asset file has no assets list")
	}
	return list, nil
}

// findEntry finds the venue with id in the file, and where its entry's
// lines are: from its "- " to the line before the next venue (or the next
// field of the file), leaving out the blank lines and comments just
// before the next venue, which belong to it.
func findEntry(root *yaml.Node, data []byte, id string) (entry, error) {
	list, err := assetList(root)
	if err != nil {
		return entry{}, err
	}
	lines := lineStarts(data)
	for i, n := range list.Content {
		if v := get(n, "id"); v == nil || v.Value != id {
			continue
		}
		end := len(lines) + 1 // the line after the file
		if next := nextKeyLine(root, "assets"); next > 0 {
			end = next
		}
		from, to := itemRange(data, lines, list.Content, i, end)
		return entry{node: n, from: from, to: to, indent: n.Column - 3}, nil
	}
	return entry{}, fmt.Errorf("no venue has the id %q", id)
}

// itemRange is where item i of a list is in the file: from its "- " line
// to the line before the next item (or before line end, for the last),
// leaving out the blank lines and comments just before what follows,
// which belong to it.
func itemRange(data []byte, lines []int, items []*yaml.Node, i, end int) (int, int) {
	first := items[i].Line
	last := end
	if i+1 < len(items) {
		last = items[i+1].Line
	}
	for last-1 > first && blankOrComment(line(data, lines, last-1)) {
		last--
	}
	return offset(data, lines, first), offset(data, lines, last)
}

// activitiesEnd is the line after a venue's activities list: its next
// field's, or the line after the venue's entry.
func activitiesEnd(data []byte, lines []int, e entry) int {
	if next := nextKeyLine(e.node, "activities"); next > 0 {
		return next
	}
	return lineOf(data, lines, e.to)
}

// lineOf is the line (from 1) that holds byte at, or the line after the
// file for its end.
func lineOf(data []byte, lines []int, at int) int {
	if at >= len(data) {
		return len(lines) + 1
	}
	n, _ := slices.BinarySearch(lines, at+1) // the lines starting at or before at
	return n
}

// keyNode is the key node of key in mapping m, or nil.
func keyNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// appendAsset adds c.NewAsset after the last venue.
func appendAsset(root *yaml.Node, data []byte, c Change) ([]byte, error) {
	list, err := assetList(root)
	if err != nil {
		return nil, err
	}
	if len(list.Content) == 0 {
		return nil, errors.New("the assets list is empty")
	}
	lastAsset := list.Content[len(list.Content)-1]
	e, err := findEntry(root, data, get(lastAsset, "id").Value)
	if err != nil {
		return nil, err
	}
	n := assetNode(c.NewAsset, nil)
	n.HeadComment = c.Source
	text, err := render(n, e.indent)
	if err != nil {
		return nil, err
	}
	out := append([]byte{}, data[:e.to]...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return append(append(out, text...), data[e.to:]...), nil
}

// render writes a venue or activity as one entry of a list whose "- " is
// at column indent.
func render(n *yaml.Node, indent int) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}); err != nil {
		return nil, fmt.Errorf("write the change: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write the change: %w", err)
	}
	pad := strings.Repeat(" ", max(indent, 0))
	var out bytes.Buffer
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if l != "" && l != "\n" {
			out.WriteString(pad)
		}
		out.WriteString(l)
	}
	return out.Bytes(), nil
}

func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set gives key the value in mapping m, adding the key if it is not there.
func set(m *yaml.Node, key string, value *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			value.LineComment = m.Content[i+1].LineComment
			m.Content[i+1] = value
			return
		}
	}
	add(m, key, value)
}

// nextKeyLine is the line of the file's field after key, or 0.
func nextKeyLine(root *yaml.Node, key string) int {
	for i := 0; i+2 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i+2].Line
		}
	}
	return 0
}

// lineStarts are the byte offsets where each line starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset is where line n (from 1) starts, or the end of data past the
// last line.
func offset(data []byte, starts []int, n int) int {
	if n-1 < len(starts) {
		return starts[n-1]
	}
	return len(data)
}

func line(data []byte, starts []int, n int) string {
	return string(data[offset(data, starts, n):offset(data, starts, n+1)])
}

func blankOrComment(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || strings.HasPrefix(t, "#")
}

// editing serialises changes to files in this process, so two approvals
// at once never lose one.
var editing sync.Mutex

// ApplyFile makes change c to the asset file at path: it reads the file
// as it now is, applies the change, checks the result, and replaces the
// file whole, keeping its permissions. If the file changes on disk while
// this runs (a coach saving), it starts again from what they saved.
func ApplyFile(path string, c Change) error {
	editing.Lock()
	defer editing.Unlock()
	for range 5 {
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		info, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		out, err := Apply(data, c)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, data) {
			continue
		}
		return wholefile.Bytes(path, info.Mode().Perm(), out)
	}
	return fmt.Errorf("%s keeps changing; try the change again in a moment", path)
}
