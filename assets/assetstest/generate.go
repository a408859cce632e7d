// Package assetstest makes large, realistic asset files for benchmarks and
// load tests, so figures are measured on lists the size a region would
// keep, not only on the small sample.
package assetstest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	kinds    = []string{"pub", "cafe", "library", "playgroup", "community-centre", "church", "park", "other"}
	towns    = []string{"Oldbury", "Tipton", "Langley", "Great Bridge", "Tividale", "Warley", "Smethwick", "West Bromwich", "Wednesbury", "Rowley Regis"}
	streets  = []string{"High Street", "Church Street", "Freeth Street", "Owen Street", "Park Lane", "Station Road", "Market Street", "Victoria Road", "Birmingham Road", "Dudley Road"}
	venueFor = map[string][]string{
		"pub":              {"The Crown", "The Swan", "The Red Lion", "The Waggon", "The Plough", "The Royal Oak"},
		"cafe":             {"Corner Café", "Tea & Toast", "The Coffee Pot", "Bean There", "Cuppa"},
		"library":          {"Library"},
		"playgroup":        {"Little Stars", "Tiny Steps", "Tots Club", "Busy Bees"},
		"community-centre": {"Community Centre", "Neighbourhood Hub", "Village Hall"},
		"church":           {"St Mary's", "Methodist Church", "St Paul's Hall", "Baptist Church"},
		"park":             {"Park", "Country Park", "Recreation Ground"},
		"other":            {"Leisure Centre", "Allotments", "Museum", "Gurdwara Kitchen"},
	}
	activityPool = []struct{ name, tags, ages, cost string }{
		{"Knit and Natter", "knitting, crochet, craft, social", "adults", "free"},
		{"Coffee Morning", "social, coffee morning, friends", "all", "£1"},
		{"Stay and Play", "toddler, playgroup, under 5s", "0-5", "£2 a session"},
		{"Baby Rhyme Time", "baby, songs, toddler", "0-4", "free"},
		{"Quiz Night", "quiz, pub quiz, social", "adults", "£1"},
		{"Walking Group", "walking, exercise, outdoors", "all", "free"},
		{"Chair Exercise", "exercise, over 50s, fitness", "50+", "£2"},
		{"Youth Club", "youth club, teen, games", "11-18", "free"},
		{"Lunch Club", "lunch, community meal, social", "50+", "£3.50 including lunch"},
		{"Dementia Café", "dementia, memory cafe, carers", "all", "free"},
		{"Job Club", "job club, cv, employment", "adults", "free"},
		{"Community Choir", "choir, singing, music", "all", "donation"},
		{"Warm Space", "warm space, free, tea", "all", "free"},
		{"Men's Shed", "men's shed, woodwork, social", "adults", "free"},
		{"Gardening Club", "gardening, allotment, growing", "all", "free"},
		{"Digital Help", "digital, computers, wifi", "adults", "free"},
		{"Bingo", "bingo, social", "adults", "£2"},
		{"Folk Night", "folk, music, live music", "adults", "free"},
	}
	days = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)

// Generate writes an asset file of n venues with perActivity activities
// each, spread over about 20 km around Oldbury. The same seed gives the
// same file.
func Generate(n, perActivity int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var b strings.Builder
	b.Grow(n * (500 + 350*perActivity))
	b.WriteString("# Generated for benchmarks: not real venues.\narea:\n  name: Benchmark Borough\n  timezone: Europe/London\nplaces:\n")
	for i, t := range towns {
		fmt.Fprintf(&b, "  - name: %s\n    lat: %.4f\n    lon: %.4f\n", t, 52.45+0.02*float64(i%5), -2.10+0.04*float64(i/5))
	}
	b.WriteString("assets:\n")
	for i := range n {
		kind := kinds[r.IntN(len(kinds))]
		town := towns[r.IntN(len(towns))]
		names := venueFor[kind]
		name := names[r.IntN(len(names))]
		if kind == "library" || kind == "park" || kind == "community-centre" {
			name = town + " " + name
		}
		lat := 52.42 + r.Float64()*0.18
		lon := -2.16 + r.Float64()*0.30
		fmt.Fprintf(&b, "  - id: venue-%d\n    name: %q\n    kind: %s\n", i, fmt.Sprintf("%s %d", name, i), kind)
		fmt.Fprintf(&b, "    description: A friendly %s in %s with a warm welcome for everyone.\n", strings.ReplaceAll(kind, "-", " "), town)
		fmt.Fprintf(&b, "    address: %d %s, %s\n", 1+r.IntN(200), streets[r.IntN(len(streets))], town)
		fmt.Fprintf(&b, "    postcode: B%d %d%c%c\n", 60+r.IntN(10), 1+r.IntN(9), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)))
		fmt.Fprintf(&b, "    lat: %.5f\n    lon: %.5f\n", lat, lon)
		b.WriteString("    access: [wheelchair]\n    open:\n      - days: [mon, tue, wed, thu, fri]\n        time: \"09:00-17:00\"\n    reviewed: 2026-06-01\n    activities:\n")
		for j := range perActivity {
			a := activityPool[r.IntN(len(activityPool))]
			start := 9 + r.IntN(11)
			fmt.Fprintf(&b, "      - id: act-%d\n        name: %s\n        description: Everyone welcome; come along and meet people.\n        tags: [%s]\n        cost: %q\n        ages: %q\n        when:\n", j, a.name, a.tags, a.cost, a.ages)
			switch r.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "          - days: [%s]\n            weeks: [1, 3]\n", days[r.IntN(7)])
			case 1:
				d := r.IntN(7) // days[0] is Monday, and 2026-11-02 was a Monday
				fmt.Fprintf(&b, "          - days: [%s]\n            every: 2\n            starting: 2026-11-%02d\n", days[d], 2+d)
			default:
				fmt.Fprintf(&b, "          - days: [%s, %s]\n", days[r.IntN(7)], days[r.IntN(7)])
			}
			fmt.Fprintf(&b, "            time: \"%02d:00-%02d:30\"\n", start, start+1)
		}
	}
	return []byte(b.String())
}
