package feeds

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"signpost/bot"
)

// maxSessions caps the dated sessions kept for one series.
const maxSessions = 60

// ReadOpenActive reads OpenActive RPDE feeds, each src a URL followed
// page by page to its end, or a file holding one page. A session-series
// feed and its scheduled-sessions feed may be given together: each
// session is put under its series. Items the feed has deleted are left
// out, and a record changed on a later page replaces the earlier one.
// A page that fails, after retries, fails the whole read.
func ReadOpenActive(ctx context.Context, srcs []string, opt Options) (*Feed, error) {
	if len(srcs) == 0 {
		return nil, errors.New("no OpenActive feed to read")
	}
	r := newReader(opt)
	var order []string
	records := map[string]json.RawMessage{}
	licence := ""
	for _, src := range srcs {
		lic, err := r.rpde(ctx, src, func(item rpdeItem) {
			key := item.Kind + " " + string(item.ID)
			if _, ok := records[key]; !ok {
				order = append(order, key)
			}
			if strings.EqualFold(item.State, "deleted") || len(item.Data) == 0 {
				records[key] = nil
				return
			}
			records[key] = item.Data
		})
		if err != nil {
			return nil, err
		}
		licence = cmp.Or(licence, lic)
	}
	var events []oaEvent
	for _, key := range order {
		raw := records[key]
		if raw == nil {
			continue
		}
		var e oaEvent
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, fmt.Errorf("record %s: %w", key, err)
		}
		events = append(events, e)
	}
	f := r.openActiveFeed(events)
	f.Licence = licence
	credit(f, publisher(srcs[0]), licence)
	return f, nil
}

// credit names who published each activity and the feed's licence, as
// OpenActive's CC BY licence asks: "Listing from Everyone Active, CC BY
// 4.0". An activity whose organiser the feed does not name is credited to
// the feed's publisher.
func credit(f *Feed, publisher, licence string) {
	for i := range f.Assets {
		for j := range f.Assets[i].Activities {
			act := &f.Assets[i].Activities[j]
			act.Credit = "Listing from " + cmp.Or(act.Credit, publisher)
			if licence != "" {
				act.Credit += ", " + licenceName(licence)
			}
		}
	}
}

// publisher is who a feed at src comes from: its host, or a file's name.
func publisher(src string) string {
	if u, err := url.Parse(src); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return filepath.Base(src)
}

// licenceName is a licence's short name where it is a well-known one.
func licenceName(licence string) string {
	l := strings.ToLower(licence)
	switch {
	case strings.Contains(l, "creativecommons.org/licenses/by/4.0"):
		return "CC BY 4.0"
	case strings.Contains(l, "open-government-licence"):
		return "Open Government Licence"
	}
	return licence
}

// rpde reads every page of an RPDE feed from src, handing each item to
// use, and returns the licence the pages state. The last page is the one
// with no items whose next is itself.
func (r *reader) rpde(ctx context.Context, src string, use func(rpdeItem)) (string, error) {
	at, licence := src, ""
	for pages := 1; ; pages++ {
		body, err := r.fetch.Get(ctx, at)
		if err != nil {
			return "", err
		}
		var page rpdePage
		if err := json.Unmarshal(body, &page); err != nil {
			return "", fmt.Errorf("%s: not an OpenActive page: %w", Shown(at), err)
		}
		if page.Items == nil && page.Next == "" {
			return "", fmt.Errorf("%s: not an OpenActive page: it has no items and no next", Shown(at))
		}
		licence = cmp.Or(licence, page.License)
		for _, item := range page.Items {
			use(item)
		}
		next := resolve(at, page.Next)
		if !isURL(src) || next == "" || next == at || pages >= maxPages {
			return licence, nil
		}
		if !isURL(next) {
			return "", fmt.Errorf("%s: its next page %q is not a web address", Shown(at), Shown(next))
		}
		at = next
	}
}

// resolve is next, which may be relative, read against the page at.
func resolve(at, next string) string {
	if next == "" {
		return ""
	}
	base, err1 := url.Parse(at)
	ref, err2 := url.Parse(next)
	if err1 != nil || err2 != nil {
		return next
	}
	return base.ResolveReference(ref).String()
}

// openActiveFeed turns events into venues with activities: a series is
// an activity at its location, and its sessions (embedded, or from a
// scheduled-sessions feed naming it) are its dates.
func (r *reader) openActiveFeed(events []oaEvent) *Feed {
	f := &Feed{Notes: map[string]string{}}
	series := map[string]*oaEvent{}
	var order []*oaEvent
	addSeries := func(e *oaEvent) *oaEvent {
		if s, ok := series[e.key()]; ok && e.key() != "" {
			return s
		}
		series[e.key()] = e
		order = append(order, e)
		return e
	}
	for i := range events {
		e := &events[i]
		if !strings.HasSuffix(e.kind(), "Session") || e.kind() == "SessionSeries" {
			addSeries(e)
		}
	}
	for i := range events {
		e := &events[i]
		if e.kind() != "ScheduledSession" {
			continue
		}
		s, ok := series[e.SuperEvent.ID]
		if !ok {
			if e.SuperEvent.Event == nil {
				continue
			}
			s = addSeries(e.SuperEvent.Event)
		}
		s.SubEvent = append(s.SubEvent, *e)
	}
	v := venues{byKey: map[string]int{}}
	for _, e := range order {
		f.Read++
		if cancelled(e.EventStatus) {
			f.Inactive++
			continue
		}
		if clean(e.Name) == "" {
			f.NoName++
			continue
		}
		a := r.openActiveVenue(&v, e)
		if a == nil {
			f.NoPlace++
			continue
		}
		act, unsure := r.openActiveActivity(e)
		if slices.ContainsFunc(a.Activities, func(b bot.Activity) bool { return b.ID == act.ID }) {
			continue
		}
		a.Activities = append(a.Activities, act)
		if unsure != "" {
			f.Notes[a.ID+"/"+act.ID] = "check the dates with them: " + unsure
		}
	}
	f.Assets = v.list
	return f
}

func cancelled(status string) bool {
	s := strings.ToLower(status)
	return strings.Contains(s, "cancelled") || strings.Contains(s, "canceled") || strings.Contains(s, "postponed")
}

// openActiveVenue is the venue for e's location, or nil when it has no
// postcode or coordinates.
func (r *reader) openActiveVenue(v *venues, e *oaEvent) *bot.Asset {
	loc := e.Location
	if loc == nil {
		return nil
	}
	pc, district, hasPostcode := postcode(loc.Address.PostalCode)
	var pt *bot.Point
	rounded := false
	if loc.Geo != nil {
		pt, rounded = point(loc.Geo.Latitude, loc.Geo.Longitude)
	}
	if pt == nil && !hasPostcode {
		return nil
	}
	name := cmp.Or(clean(loc.Name), clean(loc.Address.StreetAddress), clean(e.Name))
	key := cmp.Or(loc.AtID, string(loc.ID), strings.ToLower(name)+"|"+pc)
	if i, ok := v.byKey[key]; ok {
		return &v.list[i]
	}
	address := joinNonEmpty(", ", clean(loc.Address.StreetAddress), clean(loc.Address.AddressLocality))
	if district || rounded {
		address = joinNonEmpty(" ", address, "(area only: ask them for the address)")
	}
	v.byKey[key] = len(v.list)
	v.list = append(v.list, bot.Asset{
		ID: stableID(name, "place:"+key), Name: name, Kind: r.kindOf(name),
		Address: address, Postcode: pc, Point: pt,
	})
	return &v.list[len(v.list)-1]
}

// openActiveActivity is the series e, with why its times could not be
// worked out, if they could not.
func (r *reader) openActiveActivity(e *oaEvent) (bot.Activity, string) {
	act := bot.Activity{
		ID:          stableID(clean(e.Name), "event:"+e.key()),
		Name:        clean(e.Name),
		Description: clean(e.Description),
		Tags:        tags(append(slices.Clone([]string(e.Activity)), e.Category...)),
		Cost:        r.openActiveCost(e),
		Ages:        bot.Ages{Min: 0, Max: -1},
		SourceID:    e.key(),
	}
	if e.Organizer != nil {
		act.Credit = clean(e.Organizer.Name)
	}
	if e.AgeRange != nil {
		act.Ages = ages(e.AgeRange.MinValue, e.AgeRange.MaxValue)
	}
	if u := website(e.URL); u != "" {
		act.Booking = "book at " + u
	}
	t := r.openActiveTimes(e).sane()
	t.apply(&act)
	return act, t.unsure
}

// openActiveCost is "free" for a free series, else the lowest price.
func (r *reader) openActiveCost(e *oaEvent) string {
	if e.IsAccessibleForFree != nil && bool(*e.IsAccessibleForFree) {
		return "free"
	}
	var prices []float64
	for _, o := range e.Offers {
		if o.Price.Valid && o.Price.Value >= 0 && (o.PriceCurrency == "" || strings.EqualFold(o.PriceCurrency, "GBP")) {
			prices = append(prices, o.Price.Value)
		}
	}
	if len(prices) == 0 {
		return ""
	}
	low := slices.Min(prices)
	p := price(number{Value: low, Valid: true})
	if len(prices) > 1 && slices.Max(prices) > low && p != "free" {
		return "from " + p
	}
	return p
}

// openActiveTimes works out when a series happens: from its schedules,
// settled against its description, and otherwise (or where the schedules
// give no times, as version 1 feeds' often do) from its dated sessions
// from today on, in the area's time. A session whose series is in
// neither feed is left out.
func (r *reader) openActiveTimes(e *oaEvent) times {
	var t times
	var froms, untils []bot.Date
	for _, s := range e.EventSchedule {
		rule, unsure := r.openActiveRule(s)
		if unsure != "" {
			if sessions := r.sessions(e.SubEvent); len(sessions) > 0 {
				return times{rules: sessions}
			}
			return times{unsure: unsure}
		}
		from, _ := r.dateOf(s.StartDate)
		until, _ := r.dateOf(s.EndDate)
		if !until.IsZero() && until.Before(r.today) {
			continue
		}
		t.rules = append(t.rules, rule...)
		froms, untils = append(froms, from), append(untils, until)
		for _, x := range s.ExceptDate {
			if d, ok := r.dateOf(x); ok && !d.Before(r.today) && !slices.Contains(t.except, d) {
				t.except = append(t.except, d)
			}
		}
	}
	if len(e.EventSchedule) > 0 {
		if len(t.rules) == 0 {
			return times{unsure: "the feed's schedules have all ended"}
		}
		settled := r.settle(t.rules, "", clean(e.Description))
		t.rules, t.unsure, t.termTime, t.noBankHolidays = settled.rules, settled.unsure, settled.termTime, settled.noBankHolidays
		if same(froms) {
			t.from = froms[0]
		}
		if same(untils) {
			t.until = untils[0]
		}
		t.except = append(t.except, r.cancelledSessions(e.SubEvent, t.rules)...)
		if t.unsure != "" {
			return times{unsure: t.unsure}
		}
		return t
	}
	sessions := r.sessions(e.SubEvent)
	if len(sessions) == 0 {
		return times{unsure: "the feed gives no sessions from today on"}
	}
	return times{rules: sessions}
}

// openActiveRule is a Schedule as a rule: weekly, every n weeks from its
// start date, or the nth weekday of the month.
func (r *reader) openActiveRule(s oaSchedule) ([]bot.Rule, string) {
	start, ok1 := startOf(s.StartTime)
	end, ok2 := clockOf(s.EndTime)
	if end == 0 && start > 0 {
		end = 24 * 60
	}
	if !ok1 || !ok2 || start == end {
		return nil, "a schedule has no start and end time"
	}
	if len(s.ByMonthDay) > 0 {
		return nil, fmt.Sprintf("it runs on day %s of the month, which the asset file cannot say", strings.Join(s.ByMonthDay, ", "))
	}
	var days []dayInMonth
	for _, d := range s.ByDay {
		got, ok := r.byDay(d)
		if !ok {
			return nil, fmt.Sprintf("the schedule's day %q is not a day", d)
		}
		days = append(days, got...)
	}
	weeks, ok := repeatWeeks(s.RepeatFrequency)
	switch {
	case !ok:
		return nil, fmt.Sprintf("it repeats every %s, which the asset file cannot say", s.RepeatFrequency)
	case weeks == 0:
		rules, unsure, _ := monthly(days, start, end)
		return rules, unsure
	case weeks == -1:
		return []bot.Rule{{Days: everyDay(), Start: start, End: end}}, ""
	}
	rules, unsure, _ := r.weekly(days, weeks, orukSchedule{Dtstart: s.StartDate}, start, end)
	return rules, unsure
}

// repeatWeeks reads an ISO 8601 repeat: P1W and P7D are 1 week, P2W and
// P14D 2; P1M is monthly (0) and P1D daily (-1).
func repeatWeeks(d string) (int, bool) {
	switch strings.ToUpper(strings.TrimSpace(d)) {
	case "", "P1W", "P7D":
		return 1, true
	case "P2W", "P14D":
		return 2, true
	case "P3W", "P21D":
		return 3, true
	case "P4W", "P28D":
		return 4, true
	case "P1M":
		return 0, true
	case "P1D":
		return -1, true
	}
	return 0, false
}

// sessions are dated sessions from today on, in the area's time, as
// one-off rules, soonest first.
func (r *reader) sessions(events []oaEvent) []bot.Rule {
	var out []bot.Rule
	for _, s := range events {
		if cancelled(s.EventStatus) {
			continue
		}
		start, ok1 := instant(s.StartDate)
		end, ok2 := instant(s.EndDate)
		if !ok1 || !ok2 || !end.After(start) || end.Sub(start) > 24*time.Hour {
			continue
		}
		start, end = start.In(r.loc), end.In(r.loc)
		d := bot.DateOf(start)
		if d.Before(r.today) {
			continue
		}
		rule := bot.Rule{Date: d, Start: clockAt(start), End: clockAt(end)}
		if rule.End == 0 {
			rule.End = 24 * 60
		}
		if !slices.ContainsFunc(out, func(o bot.Rule) bool { return sameRule(o, rule) }) {
			out = append(out, rule)
		}
	}
	slices.SortFunc(out, func(a, b bot.Rule) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Start, b.Start)
	})
	if len(out) > maxSessions {
		out = out[:maxSessions]
	}
	return out
}

// cancelledSessions are the days of sessions the feed marks cancelled
// on which the series' rules would have them on.
func (r *reader) cancelledSessions(events []oaEvent, rules []bot.Rule) []bot.Date {
	var out []bot.Date
	for _, s := range events {
		start, ok := instant(s.StartDate)
		if !ok || !cancelled(s.EventStatus) {
			continue
		}
		d := bot.DateOf(start.In(r.loc))
		if !d.Before(r.today) && slices.ContainsFunc(rules, func(rule bot.Rule) bool { return rule.On(d) }) {
			out = append(out, d)
		}
	}
	return out
}

func clockAt(t time.Time) bot.Clock { return bot.Clock(t.Hour()*60 + t.Minute()) }
