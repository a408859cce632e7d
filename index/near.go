package index

import (
	"math"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"signpost/bot"
)

// A question with a place but no topic words ("what's on near me") starts
// from the documents in the grid cells that overlap a box around the
// circle: a handful of exact term matches, far cheaper than bleve's geo
// distance query, which measured 3 to 4 times slower over 10,000 venues,
// and far fewer documents than all of them. Each document carries the
// cell its venue is in; the cut to the circle itself is exact, from the
// venues' points held in memory (see narrow.go).

// cellDegrees is the grid's size: about 2.8 km north to south.
const cellDegrees = 0.025

// maxCells bounds the terms in one filter; a wider search skips the cell
// step and relies on the exact cut alone.
const maxCells = 400

const kmPerDegreeLat = 111.2

// cellOf names the grid cell a point lies in. Cells are equal in degrees,
// so they narrow towards the poles; the exact cut keeps answers right
// anywhere, only the speed-up varies.
func cellOf(p bot.Point) string {
	return cellName(int(math.Floor(p.Lat/cellDegrees)), int(math.Floor(p.Lon/cellDegrees)))
}

func cellName(lat, lon int) string {
	return strconv.Itoa(lat) + ":" + strconv.Itoa(lon)
}

// nearQuery matches documents in the cells around p out to km, or is nil
// when that would need too many cells.
func nearQuery(p bot.Point, km float64) query.Query {
	dLat := km / kmPerDegreeLat
	cos := math.Cos(p.Lat * math.Pi / 180)
	if cos < 0.01 {
		return nil
	}
	dLon := dLat / cos
	lat0, lat1 := int(math.Floor((p.Lat-dLat)/cellDegrees)), int(math.Floor((p.Lat+dLat)/cellDegrees))
	lon0, lon1 := int(math.Floor((p.Lon-dLon)/cellDegrees)), int(math.Floor((p.Lon+dLon)/cellDegrees))
	if (lat1-lat0+1)*(lon1-lon0+1) > maxCells {
		return nil
	}
	var cells []query.Query
	for la := lat0; la <= lat1; la++ {
		for lo := lon0; lo <= lon1; lo++ {
			cells = append(cells, termQuery(fieldCell, cellName(la, lo)))
		}
	}
	d := bleve.NewDisjunctionQuery(cells...)
	d.SetBoost(0)
	return d
}
