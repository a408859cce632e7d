package assets

import (
	"net/url"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// defaultEvery is how often a source is read again unless it says.
const defaultEvery = 24 * time.Hour

// minEvery is the shortest wait between reads: councils' servers are
// small, and their directories change by the day, not the minute.
const minEvery = 10 * time.Minute

// source reads one entry of `sources:`: `- oruk: URL` or
// `- openactive: [URL, URL]`, with an optional `every: 24h`.
func (p *parser) source(n *yaml.Node) (bot.Source, bool) {
	m, ok := p.fields(n, "a source", "oruk", "openactive", "every")
	if !ok {
		return bot.Source{}, false
	}
	src := bot.Source{Line: n.Line, Every: defaultEvery}
	oruk, isORUK := m["oruk"]
	oa, isOA := m["openactive"]
	switch {
	case isORUK && isOA:
		p.errorAt(n.Line, "a source is either `oruk:` or `openactive:`; give each its own entry")
		return src, false
	case isORUK:
		src.Standard = bot.ORUK
		src.URLs = p.urls(oruk, "oruk")
	case isOA:
		src.Standard = bot.OpenActive
		src.URLs = p.urls(oa, "openactive")
	default:
		p.errorAt(n.Line, "a source needs `oruk: URL` (a council's directory) or `openactive: URL` (session feeds)")
		return src, false
	}
	if src.Standard == bot.ORUK && len(src.URLs) > 1 {
		p.errorAt(oruk.Line, "an oruk source is one URL, the API's base or its /services; give each directory its own entry")
		return src, false
	}
	if e, ok := m["every"]; ok {
		d, err := time.ParseDuration(p.text(e, "every"))
		switch {
		case err != nil:
			p.errorAt(e.Line, "every %q is not a length of time; write it like 24h or 6h", e.Value)
			return src, false
		case d < minEvery:
			p.errorAt(e.Line, "every %s is too often for a council's server; use %s or more", d, minEvery)
			return src, false
		}
		src.Every = d
	}
	return src, len(src.URLs) > 0
}

// urls reads one web address or a list of them.
func (p *parser) urls(n *yaml.Node, field string) []string {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out []string
	for _, item := range items {
		s := p.text(item, field)
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t") {
			p.errorAt(item.Line, "%s %q is not a web address; write it in full, starting https://", field, s)
			continue
		}
		out = append(out, s)
	}
	return out
}
