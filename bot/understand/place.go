package understand

import (
	"regexp"
	"strings"

	"signpost/bot"
)

// gazetteer knows the names of places in one catalogue: the places:
// section, postcodes and districts, the towns and streets in addresses, and
// the assets' own names. It is built once per catalogue.
type gazetteer struct {
	// names maps a lower-case name, words separated by single spaces, to
	// the place it stands for.
	names    map[string]namedPlace
	maxWords int
	// postcodes is the operator's postcode directory, if any.
	postcodes bot.Postcodes
	// assetPostcodes and districts are placed from the assets themselves:
	// a full postcode at its asset, a district at the centre of its assets.
	assetPostcodes map[string]bot.Point
	districts      map[string]bot.Point
	// areas are the postcode areas ("B", "DY") the catalogue covers, to
	// tell an unknown district in this area from a word like "u3a".
	areas map[string]bool
	// placePoints are the places: section's points, for naming the
	// district of a point when the list gives no postcodes.
	placePoints map[string]bot.Point
}

type namedPlace struct {
	ref bot.PlaceRef
	// anywhere is false for a name that could be an ordinary word ("The
	// Swan"); such a name counts only after "near", "in", "at" and so on.
	anywhere bool
}

var (
	fullPostcode = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$`)
	district     = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?$`)
	postcodeArea = regexp.MustCompile(`^[A-Z]{1,2}`)
)

func newGazetteer(cat *bot.Catalogue, postcodes bot.Postcodes) *gazetteer {
	g := &gazetteer{
		names:          map[string]namedPlace{},
		postcodes:      postcodes,
		assetPostcodes: map[string]bot.Point{},
		districts:      map[string]bot.Point{},
		areas:          map[string]bool{},
		placePoints:    map[string]bot.Point{},
	}
	for _, p := range cat.Places {
		g.placePoints[p.Name] = p.Point
		g.add(p.Name, bot.PlaceRef{Name: p.Name, Source: bot.SourcePlace, Lat: p.Point.Lat, Lon: p.Point.Lon}, true)
		for _, also := range p.Also {
			src := bot.SourcePlace
			if d := bot.NormalizePostcode(also); district.MatchString(d) {
				src = bot.SourceDistrict
				g.areas[postcodeArea.FindString(d)] = true
				if _, ok := g.districts[d]; !ok {
					g.districts[d] = p.Point
				}
			}
			g.add(also, bot.PlaceRef{Name: also, Source: src, Lat: p.Point.Lat, Lon: p.Point.Lon}, true)
		}
	}
	districtSum := map[string]*centroid{}
	addressSum := map[string]*centroid{}
	towns := map[string]bool{}
	for i := range cat.Assets {
		a := &cat.Assets[i]
		if a.Point == nil {
			continue
		}
		g.add(a.Name, bot.PlaceRef{Name: a.Name, Source: bot.SourceAsset, Lat: a.Point.Lat, Lon: a.Point.Lon}, len(strings.Fields(a.Name)) > 1)
		if pc := bot.NormalizePostcode(a.Postcode); fullPostcode.MatchString(pc) {
			g.assetPostcodes[pc] = *a.Point
			d := bot.PostcodeDistrict(pc)
			g.areas[postcodeArea.FindString(d)] = true
			sum(districtSum, d, *a.Point)
		}
		parts := strings.Split(a.Address, ",")
		for j, part := range parts {
			part = withoutHouseNumber(part)
			if part == "" {
				continue
			}
			sum(addressSum, part, *a.Point)
			if j == len(parts)-1 {
				towns[strings.ToLower(part)] = true
			}
		}
	}
	for d, c := range districtSum {
		g.districts[d] = c.mean()
	}
	for name, c := range addressSum {
		p := c.mean()
		key := strings.ToLower(name)
		g.add(name, bot.PlaceRef{Name: name, Source: bot.SourceAddress, Lat: p.Lat, Lon: p.Lon}, towns[key] || len(strings.Fields(name)) > 1)
	}
	return g
}

// add keeps the first place given a name: places: beats an asset's name,
// which beats a town or street from an address.
func (g *gazetteer) add(name string, ref bot.PlaceRef, anywhere bool) {
	key := folded(name)
	if key == "" {
		return
	}
	if _, ok := g.names[key]; ok {
		return
	}
	g.names[key] = namedPlace{ref: ref, anywhere: anywhere}
	if n := len(strings.Fields(key)); n > g.maxWords {
		g.maxWords = n
	}
}

// postcode places a full postcode or a district, looking in places:, then
// the operator's postcode file, then the assets. A full postcode that is
// found nowhere falls back to its district, and says so in its name.
func (g *gazetteer) postcode(written string) (bot.PlaceRef, bool) {
	pc := bot.NormalizePostcode(written)
	if p, ok := g.names[strings.ToLower(pc)]; ok {
		return p.ref, true
	}
	pretty := prettyPostcode(pc)
	if p, ok := g.postcodes[pc]; ok {
		return bot.PlaceRef{Name: pretty, Source: bot.SourcePostcode, Lat: p.Lat, Lon: p.Lon}, true
	}
	if p, ok := g.assetPostcodes[pc]; ok {
		return bot.PlaceRef{Name: pretty, Source: bot.SourcePostcode, Lat: p.Lat, Lon: p.Lon}, true
	}
	if p, ok := g.districts[pc]; ok {
		return bot.PlaceRef{Name: pretty, Source: bot.SourceDistrict, Lat: p.Lat, Lon: p.Lon}, true
	}
	if fullPostcode.MatchString(pc) {
		if d, ok := g.postcode(bot.PostcodeDistrict(pc)); ok {
			d.Name = d.Name + " (near " + pretty + ")"
			return d, true
		}
	}
	return bot.PlaceRef{}, false
}

// looksLikePostcode reports whether a normalised word is a full postcode,
// or a district in one of this catalogue's postcode areas.
func (g *gazetteer) looksLikePostcode(pc string) bool {
	if fullPostcode.MatchString(pc) {
		return true
	}
	return district.MatchString(pc) && g.areas[postcodeArea.FindString(pc)]
}

func prettyPostcode(pc string) string {
	if fullPostcode.MatchString(pc) {
		return pc[:len(pc)-3] + " " + pc[len(pc)-3:]
	}
	return pc
}

type centroid struct {
	lat, lon float64
	n        int
}

func (c *centroid) mean() bot.Point {
	return bot.Point{Lat: c.lat / float64(c.n), Lon: c.lon / float64(c.n)}
}

func sum(m map[string]*centroid, key string, p bot.Point) {
	c := m[key]
	if c == nil {
		c = &centroid{}
		m[key] = c
	}
	c.lat += p.Lat
	c.lon += p.Lon
	c.n++
}

// withoutHouseNumber drops a leading "12" or "3a" so "12 High Street"
// is known as "High Street".
func withoutHouseNumber(part string) string {
	fields := strings.Fields(part)
	if len(fields) > 1 && strings.ContainsAny(fields[0], "0123456789") {
		fields = fields[1:]
	}
	return strings.Join(fields, " ")
}

// districtReach is how far from a district's centre a point still counts
// as in it, for naming where a question was about.
const districtReach = 15.0

// district names the postcode district whose centre is nearest p, or, if
// the list gives none, the nearest of its places; "elsewhere" when none is
// within districtReach km. It is as close as gaps record a person's place.
func (g *gazetteer) district(p bot.Point) string {
	name, best := "", districtReach
	nearest := func(points map[string]bot.Point) {
		for n, at := range points {
			if d := p.DistanceKm(at); d < best || (d == best && n < name) {
				name, best = n, d
			}
		}
	}
	nearest(g.districts)
	if name == "" {
		nearest(g.placePoints)
	}
	if name == "" {
		return "elsewhere"
	}
	return name
}

// readPlace finds the place a message names: a postcode or district, or
// the longest known name. It returns the words that follow "near" when
// they name no known place, so the reply can say so.
func (r *Reader) readPlace(toks []token, used []bool) (*bot.PlaceRef, string) {
	g := r.places
	// Postcodes first: "B69 4RJ" may be written as one word or two.
	for i := range toks {
		if used[i] {
			continue
		}
		if i+1 < len(toks) && !used[i+1] {
			if pc := bot.NormalizePostcode(toks[i].word + toks[i+1].word); fullPostcode.MatchString(pc) {
				mark(used, i, 2)
				if p, ok := g.postcode(pc); ok {
					return &p, ""
				}
				return nil, prettyPostcode(pc)
			}
		}
		if pc := bot.NormalizePostcode(toks[i].word); g.looksLikePostcode(pc) {
			mark(used, i, 1)
			if p, ok := g.postcode(pc); ok {
				return &p, ""
			}
			return nil, prettyPostcode(pc)
		}
	}
	// Then names, longest first.
	for n := min(g.maxWords, len(toks)); n >= 1; n-- {
		for i := 0; i+n <= len(toks); i++ {
			if anyUsed(used[i : i+n]) {
				continue
			}
			key := joinWords(toks[i : i+n])
			np, ok := g.names[key]
			if !ok && toks[i].word == "the" {
				continue
			}
			if !ok {
				np, ok = g.names["the "+key]
			}
			if ok && (np.anywhere || r.afterPlaceWord(toks, i)) {
				mark(used, i, n)
				ref := np.ref
				return &ref, ""
			}
		}
	}
	return nil, r.unknownPlace(toks, used)
}

// afterPlaceWord reports whether toks[i] follows a place word, perhaps
// with "the" between: "near the Swan".
func (r *Reader) afterPlaceWord(toks []token, i int) bool {
	for skip := 0; skip <= 1; skip++ {
		end := i - skip
		if skip == 1 && (i < 1 || toks[i-1].word != "the") {
			continue
		}
		for start := end - 1; start >= 0 && start >= end-3; start-- {
			if e := r.vocab.placeWords.at(toks, start, nil); e != nil && start+len(e.keys) == end {
				return true
			}
		}
	}
	return false
}

// unknownPlace is the name after "near", "around" or a capitalised name
// after "in" or "at", when no known place matched it: better to say we
// don't know it than to ignore it.
func (r *Reader) unknownPlace(toks []token, used []bool) string {
	for i, t := range toks {
		if used[i] || i+1 >= len(toks) || used[i+1] {
			continue
		}
		next := i + 1
		if toks[next].word == "the" && next+1 < len(toks) {
			next++
		}
		candidate := toks[next]
		switch t.word {
		case "near", "around":
		case "in", "at":
			if !startsUpper(candidate.original) || isAllUpper(toks) {
				continue
			}
		default:
			continue
		}
		if r.vocab.known[candidate.word] || used[next] {
			continue
		}
		end := next + 1
		for end < len(toks) && end < next+3 && !used[end] && startsUpper(toks[end].original) && !r.vocab.known[toks[end].word] {
			end++
		}
		var name []string
		for j := next; j < end; j++ {
			name = append(name, toks[j].original)
			used[j] = true
		}
		return strings.Join(name, " ")
	}
	return ""
}
