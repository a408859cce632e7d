package bot

import "math"

// Point is a place on the map in degrees (WGS84), as phones share it.
type Point struct {
	Lat, Lon float64
}

const earthRadiusKm = 6371.0

// KmPerMile converts the kilometres the index works in to the miles
// residents are told.
const KmPerMile = 1.609344

// DistanceKm is the great-circle distance between p and q.
func (p Point) DistanceKm(q Point) float64 {
	rad := math.Pi / 180
	dLat := (q.Lat - p.Lat) * rad
	dLon := (q.Lon - p.Lon) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(p.Lat*rad)*math.Cos(q.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(a))
}

// Valid reports whether p is a real latitude and longitude.
func (p Point) Valid() bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180 &&
		!math.IsNaN(p.Lat) && !math.IsNaN(p.Lon)
}
