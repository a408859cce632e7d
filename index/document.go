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
	Kind      []string `json:"kind"`
	NameExact string   `json:"name_exact"`
	TagsExact []string `json:"tags_exact"`
	TextExact []string `json:"text_exact"`
}

// docID joins an asset id and an activity id ("" for the venue itself).
// Ids hold only a-z, 0-9 and '-', so '/' cannot appear inside either.
func docID(asset, activity string) string { return asset + "/" + activity }

// The words people use for the venue's kind ("cafe", "coffee shop",
// "community center") are a field of their own, so a long list of them
// never dilutes a match in the tags a coach wrote.

func venueDocument(a *bot.Asset) document {
	return document{
		Name: a.Name, Tags: a.Tags, Text: []string{a.Description}, Kind: words.Builtin().KindWords(a.Kind),
		NameExact: a.Name, TagsExact: a.Tags, TextExact: []string{a.Description},
	}
}

func activityDocument(a *bot.Asset, act *bot.Activity) document {
	return document{
		Name: act.Name, Tags: act.Tags, Text: []string{act.Description, a.Name}, Kind: words.Builtin().KindWords(a.Kind),
		NameExact: act.Name, TagsExact: act.Tags, TextExact: []string{act.Description},
	}
}
