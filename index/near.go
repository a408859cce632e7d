package index

import (
	"math"

	"signpost/bot"
)

// A question with no topic words ("what's on near me tonight") has no
// words for bleve to match: its candidates are every document, or near a
// place only those in the grid cells that overlap a box around the
// circle, found in an in-memory grid of the venues. The cut to the circle
// itself is exact (see narrow.go).

// cellDegrees is the grid's size: about 2.8 km north to south.
const cellDegrees = 0.025

// maxCells bounds the cells one question looks in; a wider circle looks
// at every document instead.
const maxCells = 400

// kmPerDegreeLat is a little under the 111.19 km of a degree of latitude
// on bot.Point's earth, so the box always holds the whole circle.
const kmPerDegreeLat = 111.0

// cell is one square of the grid. Cells are equal in degrees, so they
// narrow towards the poles; the exact cut keeps answers right anywhere,
// only the speed-up varies.
type cell struct{ lat, lon int32 }

func cellOf(p bot.Point) cell {
	return cell{int32(math.Floor(p.Lat / cellDegrees)), int32(math.Floor(p.Lon / cellDegrees))}
}

// grid lists the documents in each cell, by their number in the table.
type grid map[cell][]uint32

func gridOf(table []facts) grid {
	g := grid{}
	for i := range table {
		if table[i].hasPoint {
			c := cellOf(table[i].point)
			g[c] = append(g[c], uint32(i))
		}
	}
	return g
}

// cellsNear are the cells around p out to km, or false when there would
// be too many.
func cellsNear(p bot.Point, km float64) ([]cell, bool) {
	dLat := km / kmPerDegreeLat
	cos := math.Cos(p.Lat * math.Pi / 180)
	if cos < 0.01 {
		return nil, false
	}
	dLon := dLat / cos
	lo, hi := cellOf(bot.Point{Lat: p.Lat - dLat, Lon: p.Lon - dLon}), cellOf(bot.Point{Lat: p.Lat + dLat, Lon: p.Lon + dLon})
	if int(hi.lat-lo.lat+1)*int(hi.lon-lo.lon+1) > maxCells {
		return nil, false
	}
	var cells []cell
	for la := lo.lat; la <= hi.lat; la++ {
		for lon := lo.lon; lon <= hi.lon; lon++ {
			cells = append(cells, cell{la, lon})
		}
	}
	return cells, true
}
