package assetstest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A realistic list differs from Generate's in what makes search hard or
// easy: many towns, hundreds of activity names of which a few are common
// and most are rare (drawn by a Zipf law, as in a council's directory),
// and descriptions that vary from venue to venue.
var (
	townStarts = []string{"Ash", "Brad", "Lang", "Kings", "Wed", "Tip", "Old", "Har", "Brom", "Sted", "Nor", "Wil", "Chel", "Dun", "Elm", "Fen", "Gos", "Hal", "Ick", "Lud", "Mar", "Nut", "Ox", "Pen", "Quar", "Rad", "Sal", "Thorn", "Up", "Wood"}
	townEnds   = []string{"bury", "ford", "ley", "ton", "well", "field", "bridge", "ham", "wick", "by", "stone", "worth", "combe", "hill", "dale"}

	// subjects are what an activity is about, each with the tags a coach
	// would give it.
	subjects = []struct{ name, tags string }{
		{"Knitting", "knitting, craft"}, {"Crochet", "crochet, craft"}, {"Sewing", "sewing, craft"},
		{"Quilting", "quilting, craft"}, {"Pottery", "pottery, craft, art"}, {"Watercolour", "painting, art"},
		{"Life Drawing", "drawing, art"}, {"Photography", "photography, art"}, {"Woodwork", "woodwork, making"},
		{"Upcycling", "upcycling, making, repair"}, {"Repair Café", "repair, making"}, {"Bike Repair", "cycling, repair"},
		{"Choir", "singing, music"}, {"Ukulele", "ukulele, music"}, {"Guitar", "guitar, music"},
		{"Drumming", "drumming, music"}, {"Folk Music", "folk, music"}, {"Brass Band", "brass band, music"},
		{"Open Mic", "open mic, music, poetry"}, {"Karaoke", "karaoke, singing"}, {"Ballroom Dancing", "dancing, ballroom"},
		{"Line Dancing", "dancing, line dancing"}, {"Bhangra", "dancing, bhangra"}, {"Zumba", "zumba, fitness, dancing"},
		{"Tai Chi", "tai chi, exercise"}, {"Yoga", "yoga, exercise, wellbeing"}, {"Pilates", "pilates, exercise"},
		{"Chair Exercise", "exercise, seated"}, {"Walking Football", "football, walking, sport"}, {"Netball", "netball, sport"},
		{"Badminton", "badminton, sport"}, {"Table Tennis", "table tennis, sport"}, {"Bowls", "bowls, sport"},
		{"Swimming", "swimming, sport"}, {"Running", "running, fitness"}, {"Nordic Walking", "walking, outdoors, fitness"},
		{"Health Walk", "walking, outdoors, health"}, {"Cycling", "cycling, outdoors"}, {"Gardening", "gardening, outdoors, growing"},
		{"Allotment", "allotment, growing, outdoors"}, {"Litter Pick", "litter pick, volunteering, outdoors"}, {"Birdwatching", "birds, nature, outdoors"},
		{"Conservation", "conservation, nature, volunteering"}, {"Chess", "chess, games"}, {"Bridge", "bridge, cards, games"},
		{"Board Games", "board games, games"}, {"Dominoes", "dominoes, games"}, {"Bingo", "bingo, games, social"},
		{"Quiz", "quiz, games, social"}, {"Darts", "darts, games, pub"}, {"Book Club", "books, reading"},
		{"Creative Writing", "writing, creative"}, {"Poetry", "poetry, writing"}, {"Local History", "history, heritage"},
		{"Family History", "genealogy, history"}, {"Film Club", "films, cinema"}, {"Drama", "drama, theatre"},
		{"Conversation English", "english, language, esol"}, {"ESOL", "esol, english, language"}, {"French", "french, language"},
		{"Urdu", "urdu, language"}, {"Punjabi", "punjabi, language"}, {"Polish", "polish, language"},
		{"Sign Language", "bsl, sign language"}, {"Digital Skills", "digital, computers"}, {"Smartphone Help", "phones, digital"},
		{"Coding", "coding, computers, young people"}, {"Job Club", "jobs, employment, cv"}, {"Money Advice", "money, debt, advice"},
		{"Benefits Advice", "benefits, advice"}, {"Housing Advice", "housing, advice"}, {"Cooking", "cooking, food"},
		{"Baking", "baking, food"}, {"Community Meal", "meal, food, lunch"}, {"Food Bank", "food bank, food"},
		{"Community Fridge", "food, community fridge"}, {"Lunch", "lunch, food, social"}, {"Breakfast", "breakfast, food"},
		{"Coffee Morning", "coffee morning, social"}, {"Tea Dance", "tea dance, dancing, social"}, {"Warm Space", "warm space, social"},
		{"Men's Shed", "men's shed, making, social"}, {"Women's Circle", "women, social, support"}, {"Carers' Support", "carers, support"},
		{"Bereavement Support", "bereavement, grief, support"}, {"Dementia Café", "dementia, memory, carers"}, {"Stroke Support", "stroke, health, support"},
		{"Parkinson's Support", "parkinson's, health, support"}, {"Mental Health Peer Support", "mental health, peer support"}, {"Recovery", "recovery, addiction, support"},
		{"Mindfulness", "mindfulness, wellbeing"}, {"Meditation", "meditation, wellbeing"}, {"Stay and Play", "toddlers, play, under 5s"},
		{"Baby Massage", "babies, parents"}, {"Rhyme Time", "babies, toddlers, songs"}, {"Messy Play", "toddlers, play, messy play"},
		{"Toy Library", "toys, children"}, {"Homework Club", "homework, children"}, {"Youth Club", "youth club, young people"},
		{"Scouts", "scouts, young people"}, {"Girlguiding", "guides, young people"}, {"Boxing", "boxing, young people, sport"},
		{"Skateboarding", "skateboarding, young people"}, {"Lego Club", "lego, children"}, {"Dads' Group", "dads, parents, children"},
		{"Breastfeeding Support", "breastfeeding, babies, parents"}, {"Bible Study", "bible, faith"}, {"Prayer", "prayer, faith"},
		{"Langar", "langar, food, faith"}, {"Volunteering", "volunteering"}, {"Befriending", "befriending, loneliness"},
		{"Phone Friends", "befriending, phone, loneliness"}, {"Clothes Swap", "clothes, swap"}, {"Baby Bank", "baby bank, babies"},
		{"Model Railway", "model railway, hobbies"}, {"Stamp Collecting", "stamps, hobbies"}, {"Astronomy", "astronomy, science"},
	}
	formats    = []string{"Club", "Group", "Class", "Drop-in", "Session", "Circle", "Workshop", "Social", "Night", "Morning"}
	qualifiers = []string{"Beginners'", "Over 60s", "Women's", "Family", "Teen", "Intermediate", "Seated", "Relaxed", "Welsh", "Community"}
	openings   = []string{"A friendly", "A small", "A relaxed", "A lively", "A quiet", "A welcoming", "A long-running", "A new"}
	closings   = []string{
		"No need to book.", "Please book a place first.", "Bring a friend if you like.", "Tea and biscuits provided.",
		"Wheelchair users welcome.", "Beginners are very welcome.", "Run by local volunteers.", "Free parking nearby.",
		"Children must be with an adult.", "Materials provided.", "Come as often as you like.", "Ring ahead if it is your first time.",
	}
	realisticCosts = []string{"free", "free", "free", "£1", "£2", "£2.50", "£3", "£4 a session", "donation", "£5, first session free"}
	realisticAges  = []string{"all", "all", "adults", "adults", "50+", "60+", "0-5", "0-4", "5-11", "11-18", "16+"}
)

// GenerateRealistic writes an asset file of n venues with perActivity
// activities each, in about n/100 towns (at least 10) over a county-sized
// area. Activity names are drawn from over a thousand, few of them
// common and most rare. The same seed gives the same file.
func GenerateRealistic(n, perActivity int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x7ea1))
	var b strings.Builder
	b.Grow(n * (550 + 400*perActivity))
	b.WriteString("# Generated for benchmarks: not real venues.\narea:\n  name: Benchmark County\n  timezone: Europe/London\nplaces:\n")

	type town struct {
		name     string
		lat, lon float64
	}
	towns := make([]town, max(10, n/100))
	for i := range towns {
		name := townStarts[i%len(townStarts)] + townEnds[(i/len(townStarts))%len(townEnds)]
		if round := i / (len(townStarts) * len(townEnds)); round > 0 {
			name = fmt.Sprintf("%s %d", name, round+1)
		}
		towns[i] = town{name, 51.5 + r.Float64()*2.0, -3.0 + r.Float64()*2.5}
		fmt.Fprintf(&b, "  - name: %s\n    lat: %.4f\n    lon: %.4f\n", name, towns[i].lat, towns[i].lon)
	}

	names := len(subjects) * len(formats)
	activity := rand.NewZipf(r, 1.1, 3, uint64(names-1))
	busy := rand.NewZipf(r, 1.2, 2, uint64(len(towns)-1))
	b.WriteString("assets:\n")
	for i := range n {
		t := towns[busy.Uint64()]
		kind := kinds[r.IntN(len(kinds))]
		venues := venueFor[kind]
		name := fmt.Sprintf("%s %s %d", t.name, venues[r.IntN(len(venues))], i)
		fmt.Fprintf(&b, "  - id: venue-%d\n    name: %q\n    kind: %s\n", i, name, kind)
		fmt.Fprintf(&b, "    description: %s %s in %s. %s\n", openings[r.IntN(len(openings))], strings.ReplaceAll(kind, "-", " "), t.name, closings[r.IntN(len(closings))])
		fmt.Fprintf(&b, "    address: %d %s, %s\n", 1+r.IntN(200), streets[r.IntN(len(streets))], t.name)
		fmt.Fprintf(&b, "    postcode: %c%c%d %d%c%c\n", 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), 1+r.IntN(30), 1+r.IntN(9), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)))
		fmt.Fprintf(&b, "    lat: %.5f\n    lon: %.5f\n", t.lat+(r.Float64()-0.5)*0.04, t.lon+(r.Float64()-0.5)*0.06)
		b.WriteString("    reviewed: 2026-06-01\n    activities:\n")
		for j := range perActivity {
			k := int(activity.Uint64())
			s, format := subjects[k%len(subjects)], formats[k/len(subjects)]
			title := s.name + " " + format
			if r.IntN(4) == 0 {
				title = qualifiers[r.IntN(len(qualifiers))] + " " + title
			}
			fmt.Fprintf(&b, "      - id: act-%d\n        name: %q\n", j, title)
			fmt.Fprintf(&b, "        description: %s %s %s. %s\n", openings[r.IntN(len(openings))], strings.ToLower(s.name), strings.ToLower(format), closings[r.IntN(len(closings))])
			fmt.Fprintf(&b, "        tags: [%s]\n        cost: %q\n        ages: %q\n        when:\n", s.tags, realisticCosts[r.IntN(len(realisticCosts))], realisticAges[r.IntN(len(realisticAges))])
			d := r.IntN(7)
			switch r.IntN(5) {
			case 0:
				fmt.Fprintf(&b, "          - days: [%s]\n            weeks: [%d]\n", days[d], 1+r.IntN(4))
			case 1:
				fmt.Fprintf(&b, "          - days: [%s]\n            every: 2\n            starting: 2026-11-%02d\n", days[d], 2+d)
			default:
				fmt.Fprintf(&b, "          - days: [%s]\n", days[d])
			}
			start := 8 + r.IntN(13)
			fmt.Fprintf(&b, "            time: \"%02d:%s-%02d:%s\"\n", start, []string{"00", "30"}[r.IntN(2)], start+1+r.IntN(2), []string{"00", "30"}[r.IntN(2)])
		}
	}
	return []byte(b.String())
}
