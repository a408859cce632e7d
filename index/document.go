package index

import (
	"signpost/bot"
	"signpost/bot/words"
)

// document is what bleve indexes for one activity or one venue: its
// words, twice (see mapping.go). What it is, where, and the days it can
// happen on are not indexed: searches check them in memory (see
// narrow.go). Addresses are not indexed either: places are read from a
// message before its topic, and a street called Gas Street says nothing
// about gas bills.
type document struct {
	Name      string   `json:"name"`
	Tags      []string `json:"tags"`
	Text      []string `json:"text"`
	NameExact string   `json:"name_exact"`
	TagsExact []string `json:"tags_exact"`
	TextExact []string `json:"text_exact"`
}

// docID joins an asset id and an activity id ("" for the venue itself).
// Ids hold only a-z, 0-9 and '-', so '/' cannot appear inside either.
func docID(asset, activity string) string { return asset + "/" + activity }

// tagsOf are tags with the words people use for the venue's kind, so
// "cafe", "coffee shop" or "community center" find the right places.
func tagsOf(tags []string, kind string) []string {
	return append(append([]string{}, tags...), words.Builtin().KindWords(kind)...)
}

func venueDocument(a *bot.Asset) document {
	tags := tagsOf(a.Tags, a.Kind)
	return document{
		Name: a.Name, Tags: tags, Text: []string{a.Description},
		NameExact: a.Name, TagsExact: tags, TextExact: []string{a.Description},
	}
}

func activityDocument(a *bot.Asset, act *bot.Activity) document {
	tags := tagsOf(act.Tags, a.Kind)
	return document{
		Name: act.Name, Tags: tags, Text: []string{act.Description, a.Name},
		NameExact: act.Name, TagsExact: tags, TextExact: []string{act.Description},
	}
}
