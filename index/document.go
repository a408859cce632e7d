package index

import (
	"strings"
	"time"

	"signpost/bot"
)

// document is what bleve indexes for one activity or one venue.
type document struct {
	Type  string    `json:"type"`
	Name  string    `json:"name"`
	Tags  []string  `json:"tags"`
	Text  []string  `json:"text"`
	Point []float64 `json:"point,omitempty"` // lon, lat as bleve expects
	Days  []string  `json:"days"`
	Cell  string    `json:"cell,omitempty"`
}

const (
	typeActivity = "activity"
	typeVenue    = "venue"
)

// docID joins an asset id and an activity id ("" for the venue itself).
// Ids hold only a-z, 0-9 and '-', so '/' cannot appear inside either.
func docID(asset, activity string) string { return asset + "/" + activity }

func splitDocID(id string) (asset, activity string) {
	asset, activity, _ = strings.Cut(id, "/")
	return asset, activity
}

// kindWords are the words people use for each kind of venue, so "cafe",
// "coffee shop" or "community center" find the right places.
var kindWords = map[string][]string{
	"pub":              {"pub", "bar", "inn"},
	"cafe":             {"cafe", "café", "coffee shop"},
	"library":          {"library"},
	"playgroup":        {"playgroup", "toddler group", "stay and play"},
	"community-centre": {"community centre", "community center", "centre", "hall"},
	"church":           {"church", "chapel"},
	"park":             {"park", "outdoors"},
	"other":            nil,
}

func venueDocument(a *bot.Asset) document {
	d := document{
		Type: typeVenue,
		Name: a.Name,
		Tags: append(append([]string{}, a.Tags...), kindWords[a.Kind]...),
		Text: []string{a.Description, a.Address},
		Days: dayNames(a.OpenWeekdays()),
	}
	d.Point, d.Cell = lonLat(a.Point), cell(a.Point)
	return d
}

func activityDocument(a *bot.Asset, act *bot.Activity) document {
	d := document{
		Type: typeActivity,
		Name: act.Name,
		Tags: append(append([]string{}, act.Tags...), kindWords[a.Kind]...),
		Text: []string{act.Description, a.Name, a.Address},
		Days: dayNames(act.Weekdays()),
	}
	d.Point, d.Cell = lonLat(a.Point), cell(a.Point)
	return d
}

func cell(p *bot.Point) string {
	if p == nil {
		return ""
	}
	return cellOf(*p)
}

func lonLat(p *bot.Point) []float64 {
	if p == nil {
		return nil
	}
	return []float64{p.Lon, p.Lat}
}

func dayNames(days []time.Weekday) []string {
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = dayName(d)
	}
	return names
}

func dayName(d time.Weekday) string {
	return strings.ToLower(d.String()[:3])
}
