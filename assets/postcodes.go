package assets

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"signpost/bot"
)

// Column names understood in a postcode file, as the ONS Postcode
// Directory and OS Code-Point Open (once converted to lat/long) name them.
var (
	postcodeColumns  = []string{"postcode", "pcd", "pcds", "pcd7", "pcd8", "outcode"}
	latitudeColumns  = []string{"latitude", "lat"}
	longitudeColumns = []string{"longitude", "long", "lon"}
)

// LoadPostcodes reads a postcode CSV file: see ReadPostcodes.
func LoadPostcodes(path string) (bot.Postcodes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("postcode file: %w", err)
	}
	defer f.Close()
	pc, err := ReadPostcodes(f)
	if err != nil {
		return nil, fmt.Errorf("postcode file %s: %w", path, err)
	}
	return pc, nil
}

// ReadPostcodes reads a CSV with a header row naming a postcode, a
// latitude and a longitude column; other columns are ignored. Rows without
// usable coordinates (the directory marks some with 99.999999) are
// skipped, since a postcode with no place is no help.
func ReadPostcodes(r io.Reader) (bot.Postcodes, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read the header row: %w", err)
	}
	pcCol, latCol, lonCol := column(header, postcodeColumns), column(header, latitudeColumns), column(header, longitudeColumns)
	if pcCol < 0 || latCol < 0 || lonCol < 0 {
		return nil, fmt.Errorf("the first row must name the columns postcode (or pcd, pcds, outcode), latitude (or lat) and longitude (or long, lon); it has %s", strings.Join(header, ", "))
	}
	need := max(pcCol, latCol, lonCol)
	out := bot.Postcodes{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(rec) <= need {
			continue
		}
		lat, err1 := strconv.ParseFloat(strings.TrimSpace(rec[latCol]), 64)
		lon, err2 := strconv.ParseFloat(strings.TrimSpace(rec[lonCol]), 64)
		pt := bot.Point{Lat: lat, Lon: lon}
		key := bot.NormalizePostcode(rec[pcCol])
		if err1 != nil || err2 != nil || !pt.Valid() || (lat == 0 && lon == 0) || key == "" {
			continue
		}
		out[key] = pt
	}
	if len(out) == 0 {
		return nil, errors.New("no rows with a postcode, latitude and longitude")
	}
	return out, nil
}

func column(header, names []string) int {
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if contains(names, h) {
			return i
		}
	}
	return -1
}
