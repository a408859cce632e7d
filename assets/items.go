package assets

import (
	"runtime"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// Each item of the assets list reads the same whatever is around it: its
// asset and problems depend only on its text, where it starts and the
// Options (ids repeated between items are sorted out afterwards, by
// addAsset). So the groups of items are read in parallel, each item's
// result is put in its place, and the results are added in file order,
// which gives exactly what reading them one after another does.

// item is what one item of the assets list read as.
type item struct {
	// line is where the item's "- " is, as cutAssets found it.
	line  int
	asset bot.Asset
	// ok is whether the item read without errors; its asset is used only
	// then.
	ok       bool
	problems []Problem
	// read is whether the item has been read at all.
	read bool
}

// span is the items [from, to) of the list, read as one YAML text.
type span struct{ from, to int }

// readItems reads every item of the list c cut from data, taking those
// p.memo remembers from there. It reports false when a group of items does
// not parse as the cut said it would; the file is then read whole.
func (p *parser) readItems(data []byte, c listCut) ([]item, bool) {
	items := make([]item, len(c.lines))
	p.memo.recall(data, c, items)
	ok := p.readGroups(data, c, groupsToRead(c, items, p.groupSize()), items)
	p.memo.keep(items)
	return items, ok
}

// groupsToRead cuts the items not yet read into groups of about size
// bytes of text, each a run of neighbouring items.
func groupsToRead(c listCut, items []item, size int) []span {
	var groups []span
	for k := 0; k < len(items); {
		if items[k].read {
			k++
			continue
		}
		from := k
		for k++; k < len(items) && !items[k].read && c.items[k]-c.items[from] < size; k++ {
		}
		groups = append(groups, span{from, k})
	}
	return groups
}

// readGroups reads the groups on as many goroutines as Go runs at once,
// stopping at the first group that does not parse as cut.
func (p *parser) readGroups(data []byte, c listCut, groups []span, items []item) bool {
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(p.workerCount(), len(groups)) {
		wg.Go(func() {
			for !failed.Load() {
				g := int(next.Add(1) - 1)
				if g >= len(groups) {
					return
				}
				if !p.readGroup(data, c, groups[g], items) {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return !failed.Load()
}

// readGroup reads the items of g into their places in items. It reports
// false, having read none, unless the text parses to exactly those items.
func (p *parser) readGroup(data []byte, c listCut, g span, items []item) bool {
	var group yaml.Node
	if err := yaml.Unmarshal(data[c.items[g.from]:c.items[g.to]], &group); err != nil {
		return false
	}
	if len(group.Content) != 1 || group.Content[0].Kind != yaml.SequenceNode || len(group.Content[0].Content) != g.to-g.from {
		return false
	}
	list := group.Content[0]
	shiftLines(list, c.lines[g.from]-1)
	for k, n := range list.Content {
		at := g.from + k
		if n.Line < c.lines[at] || at+1 < len(c.lines) && n.Line >= c.lines[at+1] {
			return false
		}
	}
	for k, n := range list.Content {
		q := &parser{opt: p.opt}
		a, ok := q.asset(n)
		items[g.from+k] = item{line: c.lines[g.from+k], asset: a, ok: ok, problems: q.problems, read: true}
	}
	return true
}

func (p *parser) workerCount() int {
	if p.workers > 0 {
		return p.workers
	}
	return runtime.GOMAXPROCS(0)
}

func (p *parser) groupSize() int {
	if p.groupBytes > 0 {
		return p.groupBytes
	}
	return groupBytes
}
