package feeds

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"signpost/bot"
)

// maxExcept caps the closure dates kept for one activity.
const maxExcept = 60

// venues gathers assets by the feed's location, in the order first met.
type venues struct {
	byKey map[string]int
	list  []bot.Asset
}

// orukFeed turns services into venues with activities: a location is a
// venue, and a service an activity at each location it names. Services
// the feed says are not active, and those with nowhere to go, are counted
// and left out.
func (r *reader) orukFeed(services []orukService) *Feed {
	f := &Feed{Notes: map[string]string{}}
	v := venues{byKey: map[string]int{}}
	for i := range services {
		svc := &services[i]
		f.Read++
		if status := strings.ToLower(strings.TrimSpace(svc.Status)); status != "" && status != "active" {
			f.Inactive++
			continue
		}
		if clean(svc.Name) == "" {
			f.NoName++
			continue
		}
		placed := false
		for j := range svc.ServiceAtLocations {
			sal := &svc.ServiceAtLocations[j]
			a := r.orukVenue(&v, svc, &sal.Location)
			if a == nil {
				continue
			}
			act, unsure := r.orukActivity(svc, sal)
			if slices.ContainsFunc(a.Activities, func(b bot.Activity) bool { return b.ID == act.ID }) {
				placed = true
				continue
			}
			a.Activities = append(a.Activities, act)
			if unsure != "" {
				f.Notes[a.ID+"/"+act.ID] = "check the dates with them: " + unsure
			}
			if d := r.orukReviewed(svc); !d.IsZero() && (a.Reviewed.IsZero() || d.Before(a.Reviewed)) {
				a.Reviewed = d
			}
			placed = true
		}
		if !placed {
			f.NoPlace++
		}
	}
	for i := range v.list {
		a := &v.list[i]
		if len(a.Activities) != 1 {
			a.Phone, a.Email, a.Website = "", "", ""
		}
	}
	f.Assets = v.list
	return f
}

// orukVenue is the venue for loc, made the first time it is met, or nil
// when loc cannot be placed (virtual, or no postcode or coordinates).
func (r *reader) orukVenue(v *venues, svc *orukService, loc *orukLocation) *bot.Asset {
	if t := strings.ToLower(loc.LocationType); t == "virtual" || t == "postal" {
		return nil
	}
	addr := physical(append(loc.PhysicalAddresses, loc.Addresses...))
	pc, district, hasPostcode := postcode(addr.PostalCode)
	lat, lon := loc.Latitude, loc.Longitude
	if (!lat.Valid || !lon.Valid) && loc.Geometry != nil && len(loc.Geometry.Coordinates) == 2 {
		lon, lat = loc.Geometry.Coordinates[0], loc.Geometry.Coordinates[1]
	}
	pt, rounded := point(lat, lon)
	if pt == nil && !hasPostcode {
		return nil
	}
	name := clean(loc.Name)
	if name == "" {
		name = clean(addr.Address1)
	}
	if name == "" && svc.Organization != nil {
		name = clean(svc.Organization.Name)
	}
	if name == "" {
		name = clean(svc.Name)
	}
	if name == "" {
		return nil
	}
	key := string(loc.ID)
	if key == "" {
		key = strings.ToLower(name) + "|" + pc
	}
	if i, ok := v.byKey[key]; ok {
		return &v.list[i]
	}
	address := joinNonEmpty(", ", clean(addr.Address1), clean(addr.City))
	if district || rounded {
		address = joinNonEmpty(" ", address, "(area only: ask them for the address)")
	}
	a := bot.Asset{
		ID:          stableID(name, "location:"+key),
		Name:        name,
		Kind:        r.kindOf(name),
		Description: clean(loc.Description),
		Address:     address,
		Postcode:    pc,
		Point:       pt,
		Phone:       orukPhoneOf(svc),
		Email:       email(svc.Email),
		Website:     website(svc.URL),
	}
	v.byKey[key] = len(v.list)
	v.list = append(v.list, a)
	return &v.list[len(v.list)-1]
}

// physical is the address people go to: the first that is not only for
// post.
func physical(addrs []orukAddress) orukAddress {
	for _, a := range addrs {
		if !strings.EqualFold(a.AddressType, "postal") {
			return a
		}
	}
	if len(addrs) > 0 {
		return addrs[0]
	}
	return orukAddress{}
}

func orukPhoneOf(svc *orukService) string {
	phones := svc.Phones
	for _, c := range svc.Contacts {
		phones = append(phones, c.Phones...)
	}
	for _, p := range phones {
		if n := strings.TrimSpace(string(p.Number)); n != "" {
			return n
		}
	}
	return ""
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// orukActivity is svc as it happens at sal, with why its times could not
// be worked out, if they could not.
func (r *reader) orukActivity(svc *orukService, sal *orukServiceAtLocation) (bot.Activity, string) {
	description := clean(svc.Description)
	act := bot.Activity{
		ID:          stableID(clean(svc.Name), "service:"+string(svc.ID)),
		Name:        clean(svc.Name),
		Description: description,
		Tags:        orukTags(svc),
		Cost:        orukCost(svc),
		Ages:        orukAges(svc),
		SourceID:    string(svc.ID),
	}
	t := r.orukTimes(svc, sal).sane()
	t.apply(&act)
	return act, t.unsure
}

func orukTags(svc *orukService) []string {
	var names []string
	for _, t := range svc.ServiceTaxonomys {
		names = append(names, t.Taxonomy.Name)
	}
	for _, a := range svc.Attributes {
		names = append(names, cmp.Or(a.TaxonomyTerm.Name, a.TaxonomyTerm.Term))
	}
	return tags(names)
}

// orukCost is what it costs: "free", "£4 (per session)", or the feed's
// fees text.
func orukCost(svc *orukService) string {
	free := false
	for _, c := range svc.CostOptions {
		switch p := price(c.Amount); p {
		case "":
		case "free":
			free = true
		default:
			if note := clean(cmp.Or(c.AmountDescription, c.Option)); note != "" && !strings.EqualFold(note, p) {
				return p + " (" + note + ")"
			}
			return p
		}
	}
	for _, c := range svc.CostOptions {
		if note := clean(c.AmountDescription); !c.Amount.Valid && note != "" && svc.Fees == "" {
			return note
		}
	}
	fees := clean(svc.Fees)
	switch strings.ToLower(strings.TrimSuffix(fees, ".")) {
	case "free", "no charge", "none", "no", "0", "£0", "free of charge", "no cost":
		return "free"
	case "":
		if free {
			return "free"
		}
		return ""
	}
	return clip(fees, 120)
}

// clip shortens s to about n bytes, at a space where there is one and
// never inside a character, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

func orukAges(svc *orukService) bot.Ages {
	if a := ages(svc.MinimumAge, svc.MaximumAge); a.Text != "" {
		return a
	}
	for _, e := range svc.Eligibilitys {
		if a := ages(e.MinimumAge, e.MaximumAge); a.Text != "" {
			return a
		}
	}
	return bot.Ages{Min: 0, Max: -1}
}

func (r *reader) orukReviewed(svc *orukService) bot.Date {
	for _, s := range []string{svc.AssuredDate, svc.LastModified} {
		if d, ok := r.dateOf(s); ok && !r.today.Before(d) {
			return d
		}
	}
	return bot.Date{}
}

// orukTimes works out when svc happens at sal, from the rows that belong
// there (or to the whole service), then settles them against the
// description.
func (r *reader) orukTimes(svc *orukService, sal *orukServiceAtLocation) times {
	var rows []orukSchedule
	for _, s := range svc.Schedules {
		if s.ServiceAtLocationID == sal.ID && sal.ID != "" {
			rows = append(rows, s)
		}
	}
	rows = append(rows, sal.RegularSchedule...)
	if len(rows) == 0 {
		for _, s := range svc.Schedules {
			if s.ServiceAtLocationID == "" {
				rows = append(rows, s)
			}
		}
		rows = append(rows, svc.RegularSchedules...)
	}
	var t times
	var ws []window
	live := 0
	for _, row := range rows {
		rs, unsure, expired := r.orukRow(row)
		if expired {
			continue
		}
		live++
		if unsure != "" && t.unsure == "" {
			t.unsure = unsure
		}
		from, _ := r.dateOf(row.ValidFrom)
		until, _ := r.dateOf(cmp.Or(row.ValidTo, row.Until))
		for _, rule := range rs {
			ws = append(ws, window{rule: rule, from: from, until: until})
		}
	}
	if len(rows) > 0 && live == 0 {
		return times{unsure: "the feed's times have all passed"}
	}
	if t.unsure != "" {
		ws = nil
	}
	rules, from, until, except := r.seasons(ws)
	text := clean(svc.Description)
	for _, row := range rows {
		text += " " + clean(row.Description)
	}
	t = r.settle(rules, t.unsure, text)
	if len(t.rules) == 0 {
		return times{unsure: t.unsure}
	}
	t.from, t.until = from, until
	t.except = append(except, r.closures(svc.HolidaySchedules, t.rules, t.from, t.until)...)
	slices.SortFunc(t.except, bot.Date.Compare)
	t.except = slices.Compact(t.except)
	return t
}

func same(ds []bot.Date) bool {
	return len(ds) > 0 && !slices.ContainsFunc(ds, func(d bot.Date) bool { return d != ds[0] })
}

// orukRow turns one timetable row into rules. It says why when the row
// cannot be held by the asset file's rules (every other month, the 15th
// of the month), and reports a row whose dates have passed.
func (r *reader) orukRow(s orukSchedule) (rules []bot.Rule, unsure string, expired bool) {
	for _, end := range []string{s.ValidTo, s.Until} {
		if d, ok := r.dateOf(end); ok && d.Before(r.today) {
			return nil, "", true
		}
	}
	start, ok1 := startOf(s.OpensAt)
	end, ok2 := clockOf(s.ClosesAt)
	if end == 0 && start > 0 {
		end = 24 * 60
	}
	if !ok1 || !ok2 || start == end {
		return nil, "a row of the timetable has no opening and closing time", false
	}
	var days []dayInMonth
	if b := strings.TrimSpace(string(s.Byday)); b != "" {
		var ok bool
		if days, ok = r.byDay(b); !ok {
			return nil, fmt.Sprintf("the timetable's byday %q is not a list of days", b), false
		}
	} else if w := strings.TrimSpace(string(s.Weekday)); w != "" {
		d, ok := r.weekday(w)
		if !ok {
			return nil, fmt.Sprintf("the timetable's weekday %q is not a day", w), false
		}
		days = []dayInMonth{{day: d}}
	}
	interval := 1
	if s.Interval.Valid && s.Interval.Value > 1 {
		if s.Interval.Value > 52 {
			return nil, fmt.Sprintf("it runs at an interval of %v, which the asset file cannot say", s.Interval.Value), false
		}
		interval = int(s.Interval.Value)
	}
	switch freq := strings.ToUpper(strings.TrimSpace(s.Freq)); freq {
	case "", "WEEKLY", "WEEK", "WEEKS":
		return r.weekly(days, interval, s, start, end)
	case "MONTHLY", "MONTH", "MONTHS":
		switch {
		case interval > 1:
			return nil, fmt.Sprintf("it runs every %d months, which the asset file cannot say", interval), false
		case strings.TrimSpace(string(s.Bymonthday)) != "":
			return nil, fmt.Sprintf("it runs on day %s of the month, which the asset file cannot say", strings.TrimSpace(string(s.Bymonthday))), false
		}
		return monthly(days, start, end)
	case "DAILY", "DAY":
		return []bot.Rule{{Days: everyDay(), Start: start, End: end}}, "", false
	default:
		return nil, fmt.Sprintf("the timetable's freq %q is not weekly or monthly", s.Freq), false
	}
}

func everyDay() []time.Weekday {
	return []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
}

// weekly is a weekly row: its days, every interval weeks counted from the
// row's start date. Days given with a week of the month ("2MO" under
// freq week, as some feeds write) are read as that week of the month.
func (r *reader) weekly(days []dayInMonth, interval int, s orukSchedule, start, end bot.Clock) ([]bot.Rule, string, bool) {
	if len(days) == 0 {
		return nil, "a row of the timetable names no day", false
	}
	if slices.ContainsFunc(days, func(d dayInMonth) bool { return d.week != 0 }) {
		return monthly(days, start, end)
	}
	rule := bot.Rule{Start: start, End: end}
	for _, d := range days {
		if !slices.Contains(rule.Days, d.day) {
			rule.Days = append(rule.Days, d.day)
		}
	}
	slices.Sort(rule.Days)
	if interval > 1 {
		from, ok := r.dateOf(s.Dtstart)
		if !ok {
			from, ok = r.dateOf(s.ValidFrom)
		}
		if !ok {
			return nil, fmt.Sprintf("it runs every %d weeks but the feed gives no date to count from", interval), false
		}
		// iCal counts the weeks from the Monday of the start's week; the
		// asset file counts them from a session, so the first of the
		// rule's days in that week is the one to count from.
		monday := from.AddDays(-((int(from.Weekday()) + 6) % 7))
		rule.Every, rule.Starting = interval, monday.OnOrAfter(rule.Days)
	}
	return []bot.Rule{rule}, "", false
}

// monthly is a monthly row: each day on its weeks of the month, "2MO,4MO"
// as one rule for the 2nd and 4th Monday.
func monthly(days []dayInMonth, start, end bot.Clock) ([]bot.Rule, string, bool) {
	var rules []bot.Rule
	for _, d := range days {
		if d.week == 0 {
			return nil, "it runs monthly but the feed does not say which week", false
		}
		i := slices.IndexFunc(rules, func(r bot.Rule) bool { return r.Days[0] == d.day })
		if i < 0 {
			rules = append(rules, bot.Rule{Days: []time.Weekday{d.day}, Start: start, End: end})
			i = len(rules) - 1
		}
		if !slices.Contains(rules[i].Weeks, d.week) {
			rules[i].Weeks = append(rules[i].Weeks, d.week)
			slices.Sort(rules[i].Weeks)
		}
	}
	if len(rules) == 0 {
		return nil, "it runs monthly but the feed does not say which week", false
	}
	return rules, "", false
}

// closures are the days from today on, within the season, when the feed
// says it is closed and a rule would otherwise have it on.
func (r *reader) closures(holidays []orukHoliday, rules []bot.Rule, from, until bot.Date) []bot.Date {
	var out []bot.Date
	for _, h := range holidays {
		if !h.Closed {
			continue
		}
		first, ok1 := r.dateOf(h.StartDate)
		last, ok2 := r.dateOf(h.EndDate)
		if !ok1 {
			continue
		}
		if !ok2 || last.Before(first) {
			last = first
		}
		if first.Before(r.today) {
			first = r.today
		}
		for d, n := first, 0; !last.Before(d) && n < 366 && len(out) < maxExcept; d, n = d.AddDays(1), n+1 {
			if !until.IsZero() && until.Before(d) {
				break
			}
			if d.Before(from) {
				continue
			}
			if slices.ContainsFunc(rules, func(rule bot.Rule) bool { return rule.On(d) }) && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, bot.Date.Compare)
	return out
}
