package index

import "signpost/bot"

// document is what bleve indexes for one activity or one venue: its
// words. What it is, where, and the days it can happen on are not
// indexed: searches check them in memory (see narrow.go).
type document struct {
	Name string   `json:"name"`
	Tags []string `json:"tags"`
	Text []string `json:"text"`
}

// docID joins an asset id and an activity id ("" for the venue itself).
// Ids hold only a-z, 0-9 and '-', so '/' cannot appear inside either.
func docID(asset, activity string) string { return asset + "/" + activity }

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
	return document{
		Name: a.Name,
		Tags: append(append([]string{}, a.Tags...), kindWords[a.Kind]...),
		Text: []string{a.Description, a.Address},
	}
}

func activityDocument(a *bot.Asset, act *bot.Activity) document {
	return document{
		Name: act.Name,
		Tags: append(append([]string{}, act.Tags...), kindWords[a.Kind]...),
		Text: []string{act.Description, a.Name, a.Address},
	}
}
