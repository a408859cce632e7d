package assets

import (
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// defaultZone is used when a file names no time zone; the bot was made for
// English towns.
const defaultZone = "Europe/London"

func (p *parser) catalogue(root *yaml.Node) *bot.Catalogue {
	cat, assetsN := p.header(root)
	if cat == nil {
		return nil
	}
	list := p.items(assetsN, "assets")
	if len(list) == 0 && assetsN.Kind == yaml.SequenceNode || assetsN.Tag == "!!null" {
		p.errorAt(assetsN.Line, "the assets list is empty; add at least one venue")
	}
	p.addAssets(cat, list, map[string]int{})
	return cat
}

// header reads everything but the assets themselves, and returns the
// node of the assets list; the catalogue is nil when there is none.
func (p *parser) header(root *yaml.Node) (*bot.Catalogue, *yaml.Node) {
	m, ok := p.fields(root, "the file", "area", "places", "topics", "safety", "sources", "assets")
	if !ok {
		return nil, nil
	}
	cat := &bot.Catalogue{Area: p.area(m["area"], root.Line)}
	for _, n := range p.items(m["places"], "places") {
		if pl, ok := p.place(n); ok {
			cat.Places = append(cat.Places, pl)
		}
	}
	for _, n := range p.items(m["topics"], "topics") {
		if t, ok := p.topic(n); ok {
			cat.Topics = append(cat.Topics, t)
		}
	}
	if n, ok := m["safety"]; ok {
		cat.Safety = p.safety(n)
	}
	for _, n := range p.items(m["sources"], "sources") {
		if src, ok := p.source(n); ok {
			cat.Sources = append(cat.Sources, src)
		}
	}
	assetsN, ok := m["assets"]
	if !ok {
		p.errorAt(root.Line, "the file has no assets; add an `assets:` list with at least one venue")
		return nil, nil
	}
	return cat, assetsN
}

// addAssets reads the assets in list into cat; ids holds the line of each
// id taken so far.
func (p *parser) addAssets(cat *bot.Catalogue, list []*yaml.Node, ids map[string]int) {
	for _, n := range list {
		if a, ok := p.asset(n); ok {
			p.addAsset(cat, a, ids)
		}
	}
}

// addAsset puts a into cat, renaming it if its id is taken; ids holds the
// line of each id taken so far. The check is made here, over the whole
// list in file order, and never while an asset is read on its own, so an
// asset read in parallel or remembered from an earlier save is checked
// against every other one all the same.
func (p *parser) addAsset(cat *bot.Catalogue, a bot.Asset, ids map[string]int) {
	a.Activities = cat.Area.Bind(a.Activities)
	for _, act := range a.Activities {
		if act.TermTime && len(cat.Area.Terms) == 0 {
			p.warnAt(act.Line, "%s/%s is term time only, but the area lists no terms, so it is shown without times; add `terms:` under area", a.ID, act.ID)
		}
	}
	if first, dup := ids[a.ID]; dup {
		renamed := uniqueID(a.ID, ids)
		p.warnAt(a.Line, "the id %s is already used on line %d; this one is called %s until you give it its own id", a.ID, first, renamed)
		a.ID = renamed
	}
	ids[a.ID] = a.Line
	cat.Assets = append(cat.Assets, a)
}

// uniqueID is id-2, id-3, ... whichever is free.
func uniqueID(id string, used map[string]int) string {
	for i := 2; ; i++ {
		s := id + "-" + strconv.Itoa(i)
		if _, taken := used[s]; !taken {
			return s
		}
	}
}

func (p *parser) area(n *yaml.Node, line int) bot.Area {
	loc, _ := time.LoadLocation(defaultZone)
	area := bot.Area{Location: loc, Holidays: bot.EnglandAndWales}
	if n == nil {
		p.warnAt(line, "the file has no area; add `area:` with a name and `timezone: %s` (times are read as %s until then)", defaultZone, defaultZone)
		return area
	}
	m, ok := p.fields(n, "area", "name", "timezone", "terms", "bank_holidays")
	if !ok {
		return area
	}
	area.Name = p.prose(m["name"], "name")
	for _, t := range p.items(m["terms"], "terms") {
		if term, ok := p.term(t); ok {
			area.Terms = append(area.Terms, term)
		}
	}
	if b, ok := m["bank_holidays"]; ok {
		name := strings.ToLower(p.text(b, "bank_holidays"))
		if r, ok := bot.Regions[name]; ok {
			area.Holidays = r
		} else {
			p.errorAt(b.Line, "bank_holidays %q is not a region; use england-and-wales, scotland or northern-ireland", b.Value)
		}
	}
	tz, ok := m["timezone"]
	if !ok {
		p.warnAt(n.Line, "area has no timezone; add `timezone: %s` (times are read as %s until then)", defaultZone, defaultZone)
		return area
	}
	name := p.text(tz, "timezone")
	if name == "" || strings.EqualFold(name, "local") {
		p.errorAt(tz.Line, "timezone should name a zone like %s", defaultZone)
		return area
	}
	if l, err := time.LoadLocation(name); err != nil {
		p.errorAt(tz.Line, "%q is not a time zone; use a name like %s", name, defaultZone)
	} else {
		area.Location = l
	}
	return area
}

// term reads one school term: `{from: 2026-09-03, until: 2026-10-23}`.
func (p *parser) term(n *yaml.Node) (bot.Term, bool) {
	m, ok := p.fields(n, "a term", "from", "until")
	if !ok {
		return bot.Term{}, false
	}
	f, hasFrom := m["from"]
	u, hasUntil := m["until"]
	if !hasFrom || !hasUntil {
		p.errorAt(n.Line, "a term needs its first and last days: `{from: 2026-09-03, until: 2026-10-23}`")
		return bot.Term{}, false
	}
	from, ok1 := p.date(f, "from")
	until, ok2 := p.date(u, "until")
	if ok1 && ok2 && until.Before(from) {
		p.errorAt(u.Line, "this term ends on %s, before it starts on %s; swap them or fix the year", until, from)
		return bot.Term{}, false
	}
	return bot.Term{From: from, Until: until}, ok1 && ok2
}

func (p *parser) place(n *yaml.Node) (bot.Place, bool) {
	m, ok := p.fields(n, "a place", "name", "also", "lat", "lon")
	if !ok {
		return bot.Place{}, false
	}
	name := p.name(m, n.Line, "this place")
	pt, ok := p.point(m, "this place")
	if ok && pt == nil {
		p.errorAt(n.Line, "the place %s needs lat and lon, so \"near %s\" knows where to look", name, name)
		return bot.Place{}, false
	}
	if name == "" || !ok {
		return bot.Place{}, false
	}
	return bot.Place{Name: name, Also: p.list(m["also"], "also", "[B68, B69]"), Point: *pt}, true
}

func (p *parser) topic(n *yaml.Node) (bot.Topic, bool) {
	m, ok := p.fields(n, "a topic", "words", "means")
	if !ok {
		return bot.Topic{}, false
	}
	t := bot.Topic{
		Words: p.list(m["words"], "words", "[lonely, isolated]"),
		Means: p.list(m["means"], "means", "[social, coffee morning]"),
	}
	if len(t.Words) == 0 || len(t.Means) == 0 {
		p.errorAt(n.Line, "a topic needs both `words:` (what residents say) and `means:` (what the list calls it)")
		return bot.Topic{}, false
	}
	return t, true
}

func (p *parser) safety(n *yaml.Node) bot.Safety {
	m, ok := p.fields(n, "safety", "message", "support", "words")
	if !ok {
		return bot.Safety{}
	}
	return bot.Safety{
		Message: p.prose(m["message"], "message"),
		Words:   p.list(m["words"], "words", "[suicide, self harm]"),
		Support: p.prose(m["support"], "support"),
	}
}
