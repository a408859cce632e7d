package bot

import (
	"fmt"
	"strings"
	"time"
)

// compose writes the opening of an answer: what was understood, and
// honestly, what had to be loosened to find anything.
func compose(m meaning, f found, now time.Time) Answer {
	ans := Answer{Relaxed: f.relaxed, Understood: m.understood()}
	var notes []string
	if m.unknownPlace != "" {
		notes = append(notes, fmt.Sprintf("I don't know where %q is, so I looked everywhere. A town or a postcode (like B69 4RJ) works best.", m.unknownPlace))
	} else if m.nearMe && m.place == nil {
		notes = append(notes, "I don't know where you are yet, so these are not sorted by distance. Tell me a town or postcode, or share your location.")
	}
	topic := topicText(m)
	place := placeText(m)
	when := whenText(m)
	relaxed := map[string]bool{}
	for _, r := range f.relaxed {
		relaxed[r] = true
	}
	switch {
	case len(f.results) == 0:
		notes = append(notes, fmt.Sprintf("Sorry, I couldn't find anything for %s%s%s, even looking further afield. Try other words, or ask something like:%s", topic, place, when, examplesText()))
	case m.venue != "":
		notes = append(notes, "Here's "+m.venue+":")
	case f.partial:
		notes = append(notes, fmt.Sprintf("Nothing matched all of %q%s, so these match some of those words%s:", strings.Join(m.words, " "), place+when, loosened(relaxed)))
	case relaxed["topic"]:
		other := "Here are other things"
		if !relaxed["time"] {
			other += " on" + when
		} else {
			other += " coming up"
		}
		if !relaxed["place"] {
			other += place
		}
		notes = append(notes, fmt.Sprintf("I couldn't find anything for %s%s%s. %s instead:", topic, place, when, other))
	case relaxed["place"] && relaxed["time"]:
		notes = append(notes, fmt.Sprintf("I couldn't find %s%s%s. These are the nearest, further away and at other times:", topic, place, when))
	case relaxed["place"]:
		notes = append(notes, fmt.Sprintf("I couldn't find %s%s%s. These are the nearest, further away:", topic, place, when))
	case relaxed["time"]:
		notes = append(notes, fmt.Sprintf("I couldn't find %s%s%s. Here's when it's next on:", topic, place, when))
	case m.intent == "open":
		notes = append(notes, fmt.Sprintf("Opening times for %s%s:", topic, place))
	default:
		notes = append(notes, fmt.Sprintf("Here's what I found for %s%s%s%s:", topic, place, when, filterText(m)))
	}
	ans.Intro = strings.Join(notes, "\n")
	return ans
}

// loosened says what else was let go: ", at other times, further away".
func loosened(relaxed map[string]bool) string {
	s := ""
	if relaxed["time"] {
		s += ", at other times"
	}
	if relaxed["place"] {
		s += ", further away"
	}
	return s
}

func topicText(m meaning) string {
	if len(m.words) > 0 {
		return strings.Join(m.words, " ")
	}
	if len(m.related) > 0 {
		return m.related[0]
	}
	return "things"
}

func placeText(m meaning) string {
	if m.place == nil {
		return ""
	}
	if m.place.Source == "shared" {
		return " near you"
	}
	return " near " + m.place.Name
}

func whenText(m meaning) string {
	if m.when == nil || m.intent == "open" {
		return ""
	}
	if m.when.label == "now" {
		return " on now"
	}
	return " " + m.when.label
}

func filterText(m meaning) string {
	names := m.filters.names()
	if len(names) == 0 {
		return ""
	}
	return " (" + strings.Join(names, ", ") + ")"
}

// render writes a whole answer as plain text, for the console and for any
// front end that shows text only.
func render(ans Answer, now time.Time) string {
	var b strings.Builder
	b.WriteString(ans.Intro)
	for _, r := range ans.Results {
		b.WriteString("\n\n• " + r.Title())
		if line := strings.Join(nonEmpty(r.When(now), r.Cost(), r.Distance()), " · "); line != "" {
			b.WriteString("\n  " + line)
		}
		if where := r.Where(); where != "" {
			b.WriteString("\n  " + where)
		}
	}
	if ans.Footer != "" {
		b.WriteString("\n\n" + ans.Footer)
	}
	return b.String()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Title is the result's name with its venue: "Knit and Natter, Oldbury
// Library", or for a venue its name and kind.
func (r Result) Title() string {
	if r.Activity != nil {
		return r.Activity.Name + ", " + r.Asset.Name
	}
	return r.Asset.Name + " (" + strings.ReplaceAll(r.Asset.Kind, "-", " ") + ")"
}

// When says when the result is next on, in the area's time: "Tue 25 Nov,
// 10:00–12:00", "On now, until 12:00", or for a venue whether it is open.
func (r Result) When(now time.Time) string {
	if r.Next == nil {
		if r.Activity != nil {
			return "Times vary: get in touch to ask"
		}
		if len(r.Asset.Open) > 0 {
			return "Closed for now"
		}
		return ""
	}
	start, end := *r.Next, *r.End
	if r.Activity == nil {
		if r.ClosedThen {
			return "Not open at the time you asked; next open " + dayText(start, now) + ", " + clockText(start) + "–" + clockText(end)
		}
		if r.OpenNow {
			return "Open now, until " + clockText(end)
		}
		return "Open " + dayText(start, now) + ", " + clockText(start) + "–" + clockText(end)
	}
	if !start.After(now) {
		return "On now, until " + clockText(end)
	}
	return dayText(start, now) + ", " + clockText(start) + "–" + clockText(end)
}

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

// Cost is what it costs, as the coach wrote it, with "free" capitalised.
func (r Result) Cost() string {
	if r.Activity == nil || r.Activity.Cost == "" {
		return ""
	}
	if isFree(r.Activity.Cost) {
		return "Free"
	}
	return r.Activity.Cost
}

// Distance is how far away it is in miles, or "" when unknown.
func (r Result) Distance() string {
	if r.DistanceKm == nil {
		return ""
	}
	miles := *r.DistanceKm / KmPerMile
	switch {
	case miles < 0.1:
		return "less than 0.1 miles"
	case miles < 10:
		return fmt.Sprintf("%.1f miles", miles)
	}
	return fmt.Sprintf("%.0f miles", miles)
}

// Where is the address and postcode.
func (r Result) Where() string {
	return strings.Join(nonEmpty(r.Asset.Address, r.Asset.Postcode), ", ")
}
