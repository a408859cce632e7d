package understand

import (
	"slices"
	"time"

	"signpost/bot"
	"signpost/bot/words"
)

// vocabulary is words.yaml, with an asset file's own topics, as tables
// ready for reading messages.
type vocabulary struct {
	filler, generic, placeWords, nearMe *set
	openWords, openActivities           *set
	free, cheap, stepFree               *set
	tonight, now                        *set
	ageWords, ageOf, notAgeUnits        *set
	weekdays                            *phrases[time.Weekday]
	days                                *phrases[string]
	parts                               *phrases[words.DayPart]
	ages                                *phrases[bot.Ages]
	kinds                               *phrases[string]
	smallTalk                           *phrases[bot.Intent]
	choose                              *phrases[int]
	// needs are the needs, and needPhrases what people say for them,
	// compared stem for stem: each phrase stands for the needs it is
	// listed under (two or more make it ambiguous).
	needs       []need
	needPhrases *phrases[[]int]
	// needWords are the one-word phrases, for reading a typo ("lonley").
	needWords []*entry[[]int]
	// known are every word that has a meaning here, so "near the
	// library" or "quiz around tmrw" is not read as a place.
	known map[string]bool
	// list is the words and names the asset list itself uses.
	list *listing
}

// need is one need of the vocabulary.
type need struct {
	id, label, ask string
	means          []string
	// grownUps marks a need of the grown-up writing (see words.Need).
	grownUps bool
}

func newVocabulary(w *words.Words, cat *bot.Catalogue, list *listing) *vocabulary {
	topics := cat.Topics
	v := &vocabulary{
		filler:         newSet(false, w.Filler),
		generic:        newSet(false, w.Generic),
		placeWords:     newSet(false, w.PlaceWords),
		nearMe:         newSet(false, w.NearMe),
		openWords:      newSet(false, w.OpenWords),
		openActivities: newSet(false, w.OpenActivities),
		free:           newSet(false, w.Free),
		cheap:          newSet(false, w.Cheap),
		stepFree:       newSet(false, w.StepFree),
		tonight:        newSet(false, w.Tonight),
		now:            newSet(false, w.Now),
		ageWords:       newSet(false, w.AgeWords),
		ageOf:          newSet(false, w.AgeOf),
		notAgeUnits:    newSet(false, w.NotAgeUnits),
		weekdays:       newPhrases[time.Weekday](false),
		days:           newPhrases[string](false),
		parts:          newPhrases[words.DayPart](false),
		ages:           newPhrases[bot.Ages](false),
		kinds:          newPhrases[string](false),
		smallTalk:      newPhrases[bot.Intent](false),
		choose:         newPhrases[int](false),
		needPhrases:    newPhrases[[]int](true),
		known:          map[string]bool{},
		list:           list,
	}
	for d, say := range w.Weekdays {
		for _, p := range say {
			v.weekdays.add(p, d, nil)
		}
	}
	for _, d := range w.Days {
		for _, p := range d.Say {
			v.days.add(p, d.Name, nil)
		}
	}
	for _, part := range w.DayParts {
		for _, p := range part.Say {
			v.parts.add(p, part, nil)
		}
	}
	for _, g := range w.Ages {
		for _, p := range g.Say {
			v.ages.add(p, bot.Ages{Min: g.Min, Max: g.Max, Text: g.Text}, nil)
		}
	}
	for _, k := range w.Kinds {
		for _, p := range k.Say {
			v.kinds.add(p, k.ID, nil)
		}
	}
	for intent, list := range map[bot.Intent][]string{bot.IntentGreeting: w.Greeting, bot.IntentHelp: w.Help, bot.IntentThanks: w.Thanks, bot.IntentMore: w.More} {
		for _, p := range list {
			v.smallTalk.add(p, intent, nil)
		}
	}
	for n, say := range w.Choose {
		for _, p := range say {
			v.choose.add(p, n, nil)
		}
	}
	for _, n := range w.Needs {
		v.addNeed(need{id: n.ID, label: n.Label, ask: n.Say[0], means: n.Means, grownUps: n.GrownUps}, n.Say)
	}
	v.addListingWords()
	for _, t := range topics {
		v.addTopic(t)
	}
	for _, list := range [][]string{w.Filler, w.Generic, w.PlaceWords, w.NearMe, w.OpenWords, w.Free, w.Cheap, w.StepFree, w.Tonight, w.Now, w.AgeWords, w.AgeOf, w.OpenActivities} {
		v.learn(list)
	}
	for _, say := range w.Weekdays {
		v.learn(say)
	}
	for _, d := range w.Days {
		v.learn(d.Say)
	}
	for _, p := range w.DayParts {
		v.learn(p.Say)
	}
	for _, g := range w.Ages {
		v.learn(g.Say)
	}
	for _, k := range w.Kinds {
		v.learn(k.Say)
	}
	for _, n := range w.Needs {
		v.learn(n.Say)
	}
	for _, t := range topics {
		v.learn(t.Words)
	}
	for _, es := range v.needPhrases.byFirst {
		for _, e := range es {
			if len(e.keys) == 1 {
				v.needWords = append(v.needWords, e)
			}
		}
	}
	return v
}

// addNeed adds n, said in the phrases say.
func (v *vocabulary) addNeed(n need, say []string) {
	i := len(v.needs)
	v.needs = append(v.needs, n)
	for _, p := range say {
		v.needPhrases.add(p, []int{i}, func(ids *[]int) {
			if !slices.Contains(*ids, i) {
				*ids = append(*ids, i)
			}
		})
	}
}

// addListingWords makes each need's means phrases mean the need too, for
// a person who uses a listing's own word ("knit and natter", "coffee
// morning"). A phrase already said for a need keeps its meaning; one that
// several needs use stands for the first of them, never ambiguously: the
// listings will be searched for the very phrase anyway.
func (v *vocabulary) addListingWords() {
	for i, n := range v.needs {
		for _, m := range n.means {
			v.needPhrases.add(m, []int{i}, nil)
		}
	}
}

// addTopic adds an asset file's topic. Where one of its words is already
// a need's, its meanings join that need, so a coach's "lonely" does not
// make "lonely" ambiguous; otherwise it is a need of its own.
func (v *vocabulary) addTopic(t bot.Topic) {
	var into []int
	for _, w := range t.Words {
		toks := tokenize(w)
		if len(toks) == 0 {
			continue
		}
		if e := v.needPhrases.whole(toks); e != nil {
			for _, i := range e.value {
				if !slices.Contains(into, i) {
					into = append(into, i)
				}
			}
		}
	}
	if len(into) == 0 {
		label := folded(t.Words[0])
		v.addNeed(need{id: "topic:" + label, label: label, ask: t.Words[0], means: t.Means}, t.Words)
		return
	}
	for _, i := range into {
		for _, m := range t.Means {
			if !slices.Contains(v.needs[i].means, m) {
				v.needs[i].means = append(v.needs[i].means, m)
			}
		}
	}
	for _, w := range t.Words {
		if toks := tokenize(w); len(toks) > 0 && v.needPhrases.whole(toks) == nil {
			v.needPhrases.add(w, append([]int(nil), into[0]), nil)
		}
	}
}

// learn adds every word of the phrases to the known words.
func (v *vocabulary) learn(list []string) {
	for _, p := range list {
		for _, t := range tokenize(p) {
			v.known[t.word] = true
		}
	}
}

// needSpans marks the words of each need phrase of two words or more, as
// they fall in toks (longest first, left to right): such a phrase is read
// as the need, even where its words would otherwise name a time, a
// filter or an age ("on my own now", "wheelchair user", "my baby wont
// sleep").
func (v *vocabulary) needSpans(toks []token, used []bool) []bool {
	in := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		if used[i] {
			continue
		}
		e := v.needPhrases.at(toks, i, used)
		if e == nil || len(e.keys) < 2 {
			continue
		}
		if a := v.ages.at(toks, i, nil); a != nil && len(a.keys) >= len(e.keys) {
			// "over 50s" is an age, even where a need lists it too.
			continue
		}
		mark(in, i, len(e.keys))
		i += len(e.keys) - 1
	}
	return in
}

// grownUpsOnly reports whether every need of ns is the grown-up's.
func (v *vocabulary) grownUpsOnly(ns []bot.Need) bool {
	for _, n := range ns {
		i := slices.IndexFunc(v.needs, func(x need) bool { return x.id == n.ID })
		if i < 0 || !v.needs[i].grownUps {
			return false
		}
	}
	return len(ns) > 0
}
