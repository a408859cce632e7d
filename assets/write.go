package assets

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// WriteOptions say what Write puts around the catalogue.
type WriteOptions struct {
	// Header is written as a comment at the top of the file, one comment
	// line per line: where the list came from, its licence, when.
	Header string
	// Notes are comments written above an activity, keyed "asset/activity",
	// such as why an imported activity has no times.
	Notes map[string]string
}

// Write writes cat as an asset file that Parse reads back to the same
// catalogue: the area, places, topics, safety lines and every asset with
// its activities, in the form README.md describes for coaches. Imports use
// it to hand coaches a file they can read, check and adopt.
func Write(w io.Writer, cat *bot.Catalogue, opt WriteOptions) error {
	root := mapping()
	area := mapping()
	add(area, "name", str(cat.Area.Name))
	if cat.Area.Location != nil {
		add(area, "timezone", str(cat.Area.Location.String()))
	}
	if len(cat.Area.Terms) > 0 {
		terms := sequence()
		for _, t := range cat.Area.Terms {
			m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			addDate(m, "from", t.From)
			addDate(m, "until", t.Until)
			terms.Content = append(terms.Content, m)
		}
		add(area, "terms", terms)
	}
	if cat.Area.Holidays != bot.EnglandAndWales && cat.Area.Holidays != bot.NoRegion {
		add(area, "bank_holidays", str(cat.Area.Holidays.String()))
	}
	add(root, "area", area)
	if len(cat.Places) > 0 {
		places := sequence()
		for _, p := range cat.Places {
			n := mapping()
			add(n, "name", str(p.Name))
			addList(n, "also", p.Also)
			add(n, "lat", number(p.Point.Lat))
			add(n, "lon", number(p.Point.Lon))
			places.Content = append(places.Content, n)
		}
		add(root, "places", places)
	}
	if len(cat.Topics) > 0 {
		topics := sequence()
		for _, t := range cat.Topics {
			n := mapping()
			addList(n, "words", t.Words)
			addList(n, "means", t.Means)
			topics.Content = append(topics.Content, n)
		}
		add(root, "topics", topics)
	}
	if s := cat.Safety; s.Message != "" || len(s.Words) > 0 || s.Support != "" {
		n := mapping()
		addText(n, "message", s.Message)
		addList(n, "words", s.Words)
		addText(n, "support", s.Support)
		add(root, "safety", n)
	}
	if len(cat.Sources) > 0 {
		sources := sequence()
		for _, src := range cat.Sources {
			n := mapping()
			if len(src.URLs) == 1 {
				add(n, src.Standard.String(), str(src.URLs[0]))
			} else {
				add(n, src.Standard.String(), flow(src.URLs))
			}
			if src.Every != defaultEvery {
				add(n, "every", str(durationText(src.Every)))
			}
			sources.Content = append(sources.Content, n)
		}
		add(root, "sources", sources)
	}
	list := sequence()
	for i := range cat.Assets {
		list.Content = append(list.Content, assetNode(&cat.Assets[i], opt.Notes))
	}
	add(root, "assets", list)
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	if opt.Header != "" {
		doc.HeadComment = opt.Header
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write asset file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write asset file: %w", err)
	}
	return nil
}

func assetNode(a *bot.Asset, notes map[string]string) *yaml.Node {
	n := mapping()
	add(n, "id", str(a.ID))
	add(n, "name", str(a.Name))
	add(n, "kind", str(a.Kind))
	addText(n, "description", a.Description)
	addText(n, "address", a.Address)
	addText(n, "postcode", a.Postcode)
	if a.Point != nil {
		add(n, "lat", number(a.Point.Lat))
		add(n, "lon", number(a.Point.Lon))
	}
	addText(n, "phone", a.Phone)
	addText(n, "email", a.Email)
	addText(n, "website", a.Website)
	addList(n, "tags", a.Tags)
	addList(n, "access", a.Access)
	addRules(n, "open", a.Open)
	addDate(n, "reviewed", a.Reviewed)
	if len(a.Activities) > 0 {
		acts := sequence()
		for i := range a.Activities {
			act := &a.Activities[i]
			m := activityNode(act)
			if note := notes[a.ID+"/"+act.ID]; note != "" {
				m.HeadComment = note
			}
			acts.Content = append(acts.Content, m)
		}
		add(n, "activities", acts)
	}
	return n
}

func activityNode(act *bot.Activity) *yaml.Node {
	n := mapping()
	add(n, "id", str(act.ID))
	add(n, "name", str(act.Name))
	addText(n, "description", act.Description)
	addList(n, "tags", act.Tags)
	addText(n, "cost", act.Cost)
	if act.Ages.Text != "" {
		add(n, "ages", str(act.Ages.Text))
	}
	addText(n, "booking", act.Booking)
	addRules(n, "when", act.When)
	addDate(n, "from", act.From)
	addDate(n, "until", act.Until)
	if act.TermTime {
		add(n, "term_time", str("only"))
	}
	if act.ClosedOn != bot.NoRegion {
		add(n, "bank_holidays", str("closed"))
	}
	addText(n, "credit", act.Credit)
	addText(n, "source_id", act.SourceID)
	if len(act.Except) > 0 {
		dates := make([]string, len(act.Except))
		for i, d := range act.Except {
			dates[i] = d.String()
		}
		addList(n, "except", dates)
	}
	return n
}

func addRules(n *yaml.Node, key string, rules []bot.Rule) {
	if len(rules) == 0 {
		return
	}
	list := sequence()
	for _, r := range rules {
		m := mapping()
		if r.Date.IsZero() {
			days := make([]string, len(r.Days))
			for i, d := range r.Days {
				days[i] = strings.ToLower(d.String()[:3])
			}
			addList(m, "days", days)
		} else {
			addDate(m, "date", r.Date)
		}
		if len(r.Weeks) > 0 {
			weeks := make([]string, len(r.Weeks))
			for i, w := range r.Weeks {
				weeks[i] = strconv.Itoa(w)
			}
			l := flow(weeks)
			for _, c := range l.Content {
				c.Tag = "!!int"
			}
			add(m, "weeks", l)
		}
		if r.Every > 1 {
			add(m, "every", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(r.Every)})
		}
		addDate(m, "starting", r.Starting)
		add(m, "time", &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: spanText(r.Start, r.End)})
		list.Content = append(list.Content, m)
	}
	add(n, key, list)
}

// WriteWhen writes rules as a `when:` block of the asset file, with
// term_time, bank_holidays and from lines when they are set, for a coach
// to paste under an activity.
func WriteWhen(w io.Writer, rules []bot.Rule, termTime, noBankHolidays bool, from bot.Date) error {
	n := mapping()
	addRules(n, "when", rules)
	addDate(n, "from", from)
	if termTime {
		add(n, "term_time", str("only"))
	}
	if noBankHolidays {
		add(n, "bank_holidays", str("closed"))
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return fmt.Errorf("write the times: %w", err)
	}
	return enc.Close()
}

// durationText writes a duration as coaches would: "6h", "90m", "36h".
func durationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// spanText writes a start and end the way coaches do: "19:00-21:00", with
// 24:00 for an end at midnight.
func spanText(start, end bot.Clock) string {
	return start.String() + "-" + end.String()
}

func mapping() *yaml.Node  { return &yaml.Node{Kind: yaml.MappingNode} }
func sequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

// str is a string scalar, quoted only where YAML would read it as
// something else.
func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func number(f float64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(f, 'f', -1, 64)}
}

func flow(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func add(n *yaml.Node, key string, value *yaml.Node) {
	n.Content = append(n.Content, str(key), value)
}

func addText(n *yaml.Node, key, value string) {
	if value != "" {
		add(n, key, str(value))
	}
}

func addList(n *yaml.Node, key string, items []string) {
	if len(items) > 0 {
		add(n, key, flow(items))
	}
}

func addDate(n *yaml.Node, key string, d bot.Date) {
	if !d.IsZero() {
		add(n, key, &yaml.Node{Kind: yaml.ScalarNode, Value: d.String()})
	}
}
