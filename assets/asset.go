package assets

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

var validID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var assetFields = []string{"id", "name", "kind", "description", "address", "postcode", "lat", "lon",
	"phone", "email", "website", "tags", "access", "open", "reviewed", "activities"}

var activityFields = []string{"id", "name", "description", "tags", "cost", "ages", "booking",
	"when", "from", "until", "except", "term_time", "bank_holidays", "credit", "source_id"}

func (p *parser) asset(n *yaml.Node) (bot.Asset, bool) {
	m, ok := p.fields(n, "an asset", assetFields...)
	if !ok {
		return bot.Asset{}, false
	}
	errs := p.errors()
	a := bot.Asset{
		Line:        n.Line,
		ID:          p.id(m, n.Line, "this asset"),
		Name:        p.name(m, n.Line, "this asset"),
		Kind:        p.kind(m, n.Line),
		Description: p.prose(m["description"], "description"),
		Address:     p.prose(m["address"], "address"),
		Postcode:    p.text(m["postcode"], "postcode"),
		Phone:       p.prose(m["phone"], "phone"),
		Email:       p.prose(m["email"], "email"),
		Website:     p.prose(m["website"], "website"),
		Tags:        p.list(m["tags"], "tags", "[books, wifi]"),
		Access:      p.list(m["access"], "access", "[wheelchair, hearing loop]"),
		Open:        p.rules(m["open"], "open"),
	}
	what := "the asset " + a.ID
	a.Point, _ = p.point(m, what)
	_, hasLat := m["lat"]
	_, hasLon := m["lon"]
	switch {
	case a.Point != nil || hasLat || hasLon:
	case a.Postcode == "":
		p.errorAt(n.Line, "%s has no postcode and no lat/lon; add `postcode:` so people can find it", what)
	default:
		pt, ok := p.opt.Postcodes[bot.NormalizePostcode(a.Postcode)]
		switch {
		case ok:
			a.Point = &pt
		case p.opt.Postcodes == nil:
			p.warnAt(m["postcode"].Line, "%s has a postcode but no lat and lon, so no distance can be shown; add lat and lon, or give a postcode file with --postcodes", what)
		default:
			p.warnAt(m["postcode"].Line, "%s: postcode %s is not in the postcode file, so no distance can be shown; add lat and lon", what, a.Postcode)
		}
	}
	if r, ok := m["reviewed"]; ok {
		a.Reviewed, _ = p.date(r, "reviewed")
	}
	p.checkReviewed(a, m["reviewed"])
	acts := map[string]int{}
	for _, an := range p.items(m["activities"], "activities") {
		act, ok := p.activity(an, a.ID)
		if !ok {
			continue
		}
		if first, dup := acts[act.ID]; dup {
			renamed := uniqueID(act.ID, acts)
			p.warnAt(act.Line, "the activity id %s is already used on line %d in %s; this one is called %s until you give it its own id", act.ID, first, a.ID, renamed)
			act.ID = renamed
		}
		acts[act.ID] = act.Line
		a.Activities = append(a.Activities, act)
	}
	return a, p.errors() == errs
}

func (p *parser) id(m map[string]*yaml.Node, line int, what string) string {
	id := p.required(m, "id", line, what)
	if id != "" && !validID.MatchString(id) {
		p.errorAt(m["id"].Line, "the id %q should be lowercase letters, numbers and dashes, like %s", id, suggestID(id))
	}
	return id
}

// suggestID turns "Oldbury Library" into "oldbury-library".
func suggestID(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	if len(f) == 0 {
		return "oldbury-library"
	}
	return strings.Join(f, "-")
}

func (p *parser) kind(m map[string]*yaml.Node, line int) string {
	k := p.required(m, "kind", line, "this asset")
	if k == "" {
		return ""
	}
	norm := strings.NewReplacer("é", "e", " ", "-").Replace(strings.ToLower(k))
	if norm == "community-center" {
		norm = "community-centre"
	}
	if !contains(bot.Kinds, norm) {
		p.errorAt(m["kind"].Line, "%q is not a kind; use one of %s", k, strings.Join(bot.Kinds, ", "))
		return ""
	}
	return norm
}

func (p *parser) checkReviewed(a bot.Asset, n *yaml.Node) {
	if p.opt.Now.IsZero() {
		return
	}
	today := bot.DateOf(p.opt.Now)
	switch {
	case n == nil:
		p.warnAt(a.Line, "%s has no reviewed date; add `reviewed: %s` when you have checked it", a.ID, today)
	case !a.Reviewed.IsZero() && today.DaysSince(a.Reviewed) > bot.StaleAfterDays:
		p.warnAt(n.Line, "%s was last reviewed on %s, over 12 months ago; check it is still right and update reviewed", a.ID, a.Reviewed)
	}
}

func (p *parser) activity(n *yaml.Node, assetID string) (bot.Activity, bool) {
	m, ok := p.fields(n, "an activity", activityFields...)
	if !ok {
		return bot.Activity{}, false
	}
	errs := p.errors()
	act := bot.Activity{
		Line:        n.Line,
		ID:          p.id(m, n.Line, "this activity"),
		Name:        p.name(m, n.Line, "this activity"),
		Description: p.prose(m["description"], "description"),
		Tags:        p.list(m["tags"], "tags", "[knitting, craft]"),
		Cost:        p.prose(m["cost"], "cost"),
		Booking:     p.prose(m["booking"], "booking"),
		Ages:        bot.Ages{Min: 0, Max: -1},
		When:        p.rules(m["when"], "when"),
		Credit:      p.prose(m["credit"], "credit"),
		SourceID:    p.text(m["source_id"], "source_id"),
	}
	if a, ok := m["ages"]; ok {
		act.Ages = p.ages(a)
	}
	if f, ok := m["from"]; ok {
		act.From, _ = p.date(f, "from")
	}
	if u, ok := m["until"]; ok {
		act.Until, _ = p.date(u, "until")
	}
	if !act.From.IsZero() && !act.Until.IsZero() && act.Until.Before(act.From) {
		p.errorAt(m["until"].Line, "until %s is before from %s; swap them or fix the year", act.Until, act.From)
	}
	if e, ok := m["except"]; ok {
		act.Except = p.dates(e, "except")
	}
	if t, ok := m["term_time"]; ok {
		switch strings.ToLower(p.text(t, "term_time")) {
		case "only":
			act.TermTime = true
		case "", "no", "any":
		default:
			p.errorAt(t.Line, "term_time %q: write `term_time: only` for something held in school terms only, or leave it out", t.Value)
		}
	}
	if b, ok := m["bank_holidays"]; ok {
		switch strings.ToLower(p.text(b, "bank_holidays")) {
		case "closed":
			act.ClosedOn = bot.EnglandAndWales // the area's region, set once the area is known
		case "", "open":
		default:
			p.errorAt(b.Line, "bank_holidays %q: write `bank_holidays: closed` for something not on bank holidays, or leave it out", b.Value)
		}
	}
	what := assetID + "/" + act.ID
	if _, ok := m["when"]; !ok {
		p.warnAt(n.Line, "%s has no `when:`, so it is listed without a time; add when it happens if you can", what)
	}
	if !p.opt.Now.IsZero() && !act.Until.IsZero() && act.Until.Before(bot.DateOf(p.opt.Now)) {
		p.warnAt(m["until"].Line, "%s ended on %s, so it is no longer shown; remove it or give new dates", what, act.Until)
	}
	return act, p.errors() == errs
}

func (p *parser) dates(n *yaml.Node, field string) []bot.Date {
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode {
			if d, ok := p.date(n, field); ok {
				return []bot.Date{d}
			}
			return nil
		}
		p.errorAt(n.Line, "%s should be a list of dates like [2026-12-22, 2026-12-29]", field)
		return nil
	}
	var out []bot.Date
	for _, item := range n.Content {
		if d, ok := p.date(item, field); ok {
			out = append(out, d)
		}
	}
	return out
}

// ages reads all, adults, 0-5, 50+ and the like.
func (p *parser) ages(n *yaml.Node) bot.Ages {
	const help = "use all, adults, a range like 0-5 or 11-18, or 50+"
	all := bot.Ages{Min: 0, Max: -1}
	s := strings.ToLower(p.text(n, "ages"))
	switch s {
	case "", "all", "everyone", "any":
		return bot.Ages{Min: 0, Max: -1, Text: s}
	case "adults", "adult":
		return bot.Ages{Min: 18, Max: -1, Text: "adults"}
	}
	var lo, hi int
	var err1, err2 error
	if a, ok := strings.CutSuffix(s, "+"); ok {
		lo, err1 = strconv.Atoi(strings.TrimSpace(a))
		hi = -1
	} else if a, b, ok := strings.Cut(s, "-"); ok {
		lo, err1 = strconv.Atoi(strings.TrimSpace(a))
		hi, err2 = strconv.Atoi(strings.TrimSpace(b))
	} else {
		p.errorAt(n.Line, "ages %q is not an age range; %s", n.Value, help)
		return all
	}
	switch {
	case err1 != nil || err2 != nil:
		p.errorAt(n.Line, "ages %q is not an age range; %s", n.Value, help)
	case lo < 0 || lo > 120 || hi > 120:
		p.errorAt(n.Line, "ages %q is outside 0 to 120; %s", n.Value, help)
	case hi >= 0 && hi < lo:
		p.errorAt(n.Line, "ages %q goes from older to younger; write the youngest first, like %d-%d", n.Value, hi, lo)
	default:
		return bot.Ages{Min: lo, Max: hi, Text: n.Value}
	}
	return all
}
