package bot

import (
	"fmt"
	"strconv"
	"strings"
)

// compose writes the opening of an answer with results: what was
// understood, and honestly, what had to be loosened to find anything.
func compose(m Meaning, f found) Answer {
	ans := Answer{Relaxed: f.relaxed, Understood: m.understood()}
	notes := placeNotes(m)
	topic := topicText(m, f)
	place := placeText(m)
	when := whenAsked(m)
	relaxed := map[Relaxation]bool{}
	for _, r := range f.relaxed {
		relaxed[r] = true
	}
	switch {
	case m.Venue != "":
		notes = append(notes, "Here's "+m.Venue+":")
	case relaxed[RelaxedWords]:
		notes = append(notes, fmt.Sprintf("Nothing matched all of %q%s, so these match some of those words%s:", strings.Join(m.Topic, " "), place+when, loosened(relaxed)))
	case relaxed[RelaxedPlace] && relaxed[RelaxedTime]:
		notes = append(notes, fmt.Sprintf("I couldn't find %s%s%s. These are the nearest, further away and at other times:", topic, place, when))
	case relaxed[RelaxedPlace]:
		notes = append(notes, fmt.Sprintf("I couldn't find %s%s%s. These are the nearest, further away:", topic, place, when))
	case relaxed[RelaxedTime]:
		notes = append(notes, fmt.Sprintf("I couldn't find %s%s%s. Here's when it's next on:", topic, place, when))
	case m.Intent == IntentOpen:
		notes = append(notes, fmt.Sprintf("Opening times for %s%s:", topic, place))
	case !f.direct && len(m.Needs) > 0:
		notes = append(notes, fmt.Sprintf("Here are some things for %s%s%s%s:", topic, place, when, filterText(m)))
	case someRelated(f.results):
		notes = append(notes, fmt.Sprintf("Here's what I found for %s%s%s%s, and some things like it:", topic, place, when, filterText(m)))
	default:
		notes = append(notes, fmt.Sprintf("Here's what I found for %s%s%s%s:", topic, place, when, filterText(m)))
	}
	ans.Intro = strings.Join(notes, "\n")
	return ans
}

// someRelated reports whether some of results match only words related
// to what was asked.
func someRelated(results []Result) bool {
	for _, r := range results {
		if r.Match == MatchRelated {
			return true
		}
	}
	return false
}

// miss is the answer when nothing fits: said plainly, with what the area
// does have to choose from instead.
func miss(m Meaning, choices []Choice) Answer {
	ans := Answer{Understood: m.understood(), Choices: choices}
	notes := placeNotes(m)
	place := placeText(m)
	if m.HasTopic() {
		notes = append(notes, fmt.Sprintf("Sorry, I couldn't find anything for %s%s%s, even further away or at other times.", topicText(m, found{}), place, whenAsked(m)))
	} else {
		notes = append(notes, fmt.Sprintf("I'm not sure what kind of %s you're after. Tell me what you'd like to do, like \"swimming lessons\" or \"a walking group\".", strings.Join(m.Generic, " ")))
	}
	if len(choices) == 0 {
		notes = append(notes, "Try other words, or ask something like:"+examplesText())
	} else {
		where := " around here"
		if place != "" {
			where = place
		}
		notes = append(notes, "Here's what there is"+where+" instead:")
	}
	ans.Intro = strings.Join(notes, "\n")
	ans.Reply = render(ans)
	return ans
}

// clarify asks which of the needs a message could mean it meant.
func clarify(m Meaning) Answer {
	ans := Answer{Understood: m.understood()}
	ans.Understood.Intent = IntentClarify
	var labels []string
	for _, n := range m.Ambiguous {
		labels = append(labels, n.Label)
		ans.Choices = append(ans.Choices, Choice{Label: capitalise(n.Label), Ask: askFor(n, m)})
	}
	last := len(labels) - 1
	question := strings.Join(labels[:last], ", ") + ", or " + labels[last]
	ans.Intro = "I'd like to get this right. Are you after " + question + "?"
	ans.Reply = render(ans)
	return ans
}

// askFor is the question that asks for need n alone, with the place and
// filters of m, so picking it finds what its count promised.
func askFor(n Need, m Meaning) string {
	parts := []string{n.Ask}
	if m.Filters.Free {
		parts = append([]string{"free"}, parts...)
	}
	if m.Filters.Cheap {
		parts = append([]string{"cheap"}, parts...)
	}
	if m.Filters.StepFree {
		parts = append(parts, "wheelchair accessible")
	}
	if a := m.Filters.Ages; a != nil {
		parts = append(parts, "for ages "+a.Text)
	}
	if m.Place != nil && m.Place.Source != SourceShared {
		parts = append(parts, "near "+m.Place.Name)
	}
	return strings.Join(parts, " ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// placeNotes say what the bot could not make of where the person is.
func placeNotes(m Meaning) []string {
	switch {
	case m.UnknownPlace != "":
		return []string{fmt.Sprintf("I don't know where %q is, so I looked everywhere. A town or a postcode (like B69 4RJ) works best.", m.UnknownPlace)}
	case m.NearMe && m.Place == nil:
		return []string{"I don't know where you are yet, so these are not sorted by distance. Tell me a town or postcode, or share your location."}
	}
	return nil
}

// loosened says what else was let go: ", at other times, further away".
func loosened(relaxed map[Relaxation]bool) string {
	s := ""
	if relaxed[RelaxedTime] {
		s += ", at other times"
	}
	if relaxed[RelaxedPlace] {
		s += ", further away"
	}
	return s
}

// topicText names the topic: in the person's own words when something
// matched them, else by the needs they described.
func topicText(m Meaning, f found) string {
	if len(m.Needs) > 0 && (!f.direct || len(m.Topic) == 0) {
		var labels []string
		for _, n := range m.Needs {
			labels = append(labels, n.Label)
		}
		return strings.Join(labels, " and ")
	}
	if len(m.Topic) > 0 {
		return strings.Join(m.Topic, " ")
	}
	return "things"
}

func placeText(m Meaning) string {
	if m.Place == nil {
		return ""
	}
	if m.Place.Source == SourceShared {
		return " near you"
	}
	return " near " + m.Place.Name
}

func whenAsked(m Meaning) string {
	if m.When == nil || m.Intent == IntentOpen {
		return ""
	}
	if m.When.Now {
		return " on now"
	}
	return " " + m.When.Label
}

func filterText(m Meaning) string {
	names := m.Filters.Names()
	if len(names) == 0 {
		return ""
	}
	return " (" + strings.Join(names, ", ") + ")"
}

// render writes a whole answer as plain text, for the console and for any
// front end that shows text only: choices are numbered, so typing the
// number picks one.
func render(ans Answer) string {
	var b strings.Builder
	b.WriteString(ans.Intro)
	for _, r := range ans.Results {
		c := r.Card
		b.WriteString("\n\n• " + c.Title)
		if line := strings.Join(nonEmpty(c.When, c.Cost, c.Distance), " · "); line != "" {
			b.WriteString("\n  " + line)
		}
		if c.Where != "" {
			b.WriteString("\n  " + c.Where)
		}
		if c.Credit != "" {
			b.WriteString("\n  " + c.Credit)
		}
	}
	if len(ans.Choices) > 0 {
		b.WriteString("\n")
		for i, c := range ans.Choices {
			b.WriteString("\n" + strconv.Itoa(i+1) + ". " + c.Label)
		}
		b.WriteString("\n\nType a number to choose.")
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
