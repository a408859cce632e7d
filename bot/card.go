package bot

import (
	"fmt"
	"strings"
	"time"
)

// Card is one result written out for a person, once, by the core: front
// ends lay its lines out as they like but never work them out again, so
// "Today" means the same day in the console, on Telegram and on Slack,
// whatever the server's clock.
type Card struct {
	// Title is the name with its venue: "Knit and Natter, Oldbury
	// Library", or for a venue its name and kind: "Oldbury Library
	// (library)". An activity named as its venue is named once.
	Title string
	// Name is the activity's or the venue's name; Venue is the venue's,
	// or "" for a venue itself or an activity named as its venue.
	Name, Venue string
	// When is when it is next on: "Today (Tue 24 Nov), 10:00–12:00",
	// "On now, until 12:00", "Open Sat 28 Nov, 10:00–13:00".
	When string
	// Cost is what it costs as the coach wrote it, "Free" capitalised.
	Cost string
	// Distance is how far away it is in miles, or "".
	Distance string
	// Where is the address with its postcode, the postcode once.
	Where string
	// Stale is set when no coach has checked the entry for over 12
	// months, or ever, by the area's calendar.
	Stale bool
	// Credit names who published an imported listing, as its licence
	// asks: "Listing from Everyone Active, CC BY 4.0"; "" for the
	// coaches' own.
	Credit string
}

// card writes r out at now, a time in the area's zone.
func card(r Result, now time.Time) Card {
	c := Card{
		Name:     r.Name(),
		When:     whenText(r, now),
		Cost:     costText(r),
		Distance: distanceText(r.DistanceKm),
		Where:    whereText(r.Asset),
		Stale:    r.Asset.Reviewed.IsZero() || DateOf(now).DaysSince(r.Asset.Reviewed) > StaleAfterDays,
	}
	if r.Activity != nil {
		c.Credit = r.Activity.Credit
	}
	switch {
	case r.Activity == nil:
		c.Title = r.Asset.Name + " (" + strings.ReplaceAll(r.Asset.Kind, "-", " ") + ")"
	case sameName(r.Activity.Name, r.Asset.Name):
		c.Title = r.Activity.Name
	default:
		c.Venue = r.Asset.Name
		c.Title = r.Activity.Name + ", " + r.Asset.Name
	}
	return c
}

// sameName reports whether two names are the same but for case and
// spacing.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// whenText says when r is next on, or for a venue whether it is open.
func whenText(r Result, now time.Time) string {
	if r.Next == nil {
		if r.Activity != nil {
			return "Times vary: get in touch to ask"
		}
		if len(r.Asset.Open) > 0 {
			return "Closed for now"
		}
		return ""
	}
	start, end := r.Next.In(now.Location()), r.End.In(now.Location())
	span := clockText(start) + "–" + clockText(end)
	if r.Activity == nil {
		switch {
		case r.ClosedThen:
			return "Not open at the time you asked; next open " + dayText(start, now) + ", " + span
		case r.OpenNow:
			return "Open now, until " + clockText(end)
		}
		return "Open " + dayText(start, now) + ", " + span
	}
	if !start.After(now) {
		return "On now, until " + clockText(end)
	}
	return dayText(start, now) + ", " + span
}

// dayText names t's day as seen at now: "Today (Tue 24 Nov)",
// "Tomorrow (Wed 25 Nov)", or "Thu 26 Nov". Both are in the area's zone.
func dayText(t, now time.Time) string {
	d := t.Format("Mon 2 Jan")
	switch DateOf(t) {
	case DateOf(now):
		return "Today (" + d + ")"
	case DateOf(now).AddDays(1):
		return "Tomorrow (" + d + ")"
	}
	return d
}

func clockText(t time.Time) string { return t.Format("15:04") }

// costText is the activity's cost as the coach wrote it, with "free"
// capitalised.
func costText(r Result) string {
	if r.Activity == nil || r.Activity.Cost == "" {
		return ""
	}
	if isFree(r.Activity.Cost) {
		return "Free"
	}
	return r.Activity.Cost
}

// distanceText is a distance in miles, or "" when unknown.
func distanceText(km *float64) string {
	if km == nil {
		return ""
	}
	miles := *km / KmPerMile
	switch {
	case miles < 0.1:
		return "less than 0.1 miles"
	case miles < 10:
		return fmt.Sprintf("%.1f miles", miles)
	}
	return fmt.Sprintf("%.0f miles", miles)
}

// whereText is the address and postcode, leaving the postcode out when
// the address already ends with it or holds it.
func whereText(a *Asset) string {
	if a.Postcode == "" {
		return a.Address
	}
	if pc := NormalizePostcode(a.Postcode); pc != "" && strings.Contains(NormalizePostcode(a.Address), pc) {
		return a.Address
	}
	if a.Address == "" {
		return a.Postcode
	}
	return a.Address + ", " + a.Postcode
}
