package bot

import (
	"regexp"
	"strings"
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
	postcodes Postcodes
	// assetPostcodes and districts are placed from the assets themselves:
	// a full postcode at its asset, a district at the centre of its assets.
	assetPostcodes map[string]Point
	districts      map[string]Point
	// areas are the postcode areas ("B", "DY") the catalogue covers, to
	// tell an unknown district in this area from a word like "u3a".
	areas map[string]bool
	// placePoints are the places: section's points, for naming the
	// district of a point when the list gives no postcodes.
	placePoints map[string]Point
}

type namedPlace struct {
	ref PlaceRef
	// anywhere is false for a name that could be an ordinary word ("The
	// Swan"); such a name counts only after "near", "in", "at" and so on.
	anywhere bool
}

var (
	fullPostcode = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$`)
	district     = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?$`)
	postcodeArea = regexp.MustCompile(`^[A-Z]{1,2}`)
)

func newGazetteer(cat *Catalogue, postcodes Postcodes) *gazetteer {
	g := &gazetteer{
		names:          map[string]namedPlace{},
		postcodes:      postcodes,
		assetPostcodes: map[string]Point{},
		districts:      map[string]Point{},
		areas:          map[string]bool{},
		placePoints:    map[string]Point{},
	}
	for _, p := range cat.Places {
		g.placePoints[p.Name] = p.Point
		g.add(p.Name, PlaceRef{Name: p.Name, Source: "place", Lat: p.Point.Lat, Lon: p.Point.Lon}, true)
		for _, also := range p.Also {
			src := "place"
			if d := NormalizePostcode(also); district.MatchString(d) {
				src = "district"
				g.areas[postcodeArea.FindString(d)] = true
				if _, ok := g.districts[d]; !ok {
					g.districts[d] = p.Point
				}
			}
			g.add(also, PlaceRef{Name: also, Source: src, Lat: p.Point.Lat, Lon: p.Point.Lon}, true)
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
		g.add(a.Name, PlaceRef{Name: a.Name, Source: "asset", Lat: a.Point.Lat, Lon: a.Point.Lon}, len(strings.Fields(a.Name)) > 1)
		if pc := NormalizePostcode(a.Postcode); fullPostcode.MatchString(pc) {
			g.assetPostcodes[pc] = *a.Point
			d := PostcodeDistrict(pc)
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
		g.add(name, PlaceRef{Name: name, Source: "address", Lat: p.Lat, Lon: p.Lon}, towns[key] || len(strings.Fields(name)) > 1)
	}
	return g
}

// add keeps the first place given a name: places: beats an asset's name,
// which beats a town or street from an address.
func (g *gazetteer) add(name string, ref PlaceRef, anywhere bool) {
	key := phraseWords(name)
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
func (g *gazetteer) postcode(written string) (PlaceRef, bool) {
	pc := NormalizePostcode(written)
	if p, ok := g.names[strings.ToLower(pc)]; ok {
		return p.ref, true
	}
	pretty := prettyPostcode(pc)
	if p, ok := g.postcodes[pc]; ok {
		return PlaceRef{Name: pretty, Source: "postcode", Lat: p.Lat, Lon: p.Lon}, true
	}
	if p, ok := g.assetPostcodes[pc]; ok {
		return PlaceRef{Name: pretty, Source: "postcode", Lat: p.Lat, Lon: p.Lon}, true
	}
	if p, ok := g.districts[pc]; ok {
		return PlaceRef{Name: pretty, Source: "district", Lat: p.Lat, Lon: p.Lon}, true
	}
	if fullPostcode.MatchString(pc) {
		if d, ok := g.postcode(PostcodeDistrict(pc)); ok {
			d.Name = d.Name + " (near " + pretty + ")"
			return d, true
		}
	}
	return PlaceRef{}, false
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

func (c *centroid) mean() Point { return Point{c.lat / float64(c.n), c.lon / float64(c.n)} }

func sum(m map[string]*centroid, key string, p Point) {
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
func (g *gazetteer) district(p Point) string {
	name, best := "", districtReach
	nearest := func(points map[string]Point) {
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
