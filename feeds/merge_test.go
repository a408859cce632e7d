package feeds

import (
	"strings"
	"testing"

	"signpost/bot"
)

// TestMerge: coaches' entries come first and win over the record they
// name; a venue id taken already, or emptied, is left out; nothing given
// is changed.
func TestMerge(t *testing.T) {
	own := &bot.Catalogue{Area: bot.Area{Name: "Oldbury"}, Assets: []bot.Asset{
		{ID: "shed", Name: "The Shed", Activities: []bot.Activity{{ID: "mens-shed", Name: "Men's Shed", SourceID: "105"}}},
	}}
	council := []bot.Asset{
		{ID: "library", Name: "Library", Activities: []bot.Activity{{ID: "knit", Name: "Knit", SourceID: "101"}, {ID: "shed-too", Name: "Men's Shed (council)", SourceID: "105"}}},
		{ID: "shed", Name: "Another Shed", Activities: []bot.Activity{{ID: "x", Name: "X", SourceID: "200"}}},
		{ID: "hall", Name: "Hall", Activities: []bot.Activity{{ID: "shed-copy", Name: "Shed again", SourceID: "105"}}},
	}
	leisure := []bot.Asset{{ID: "library", Name: "Library twice", Activities: []bot.Activity{{ID: "swim", Name: "Swim"}}}, {ID: "pool", Name: "Pool", Activities: []bot.Activity{{ID: "swim", Name: "Swim"}}}}
	got := Merge(own, council, leisure)
	var names []string
	for _, a := range got.Assets {
		for _, act := range a.Activities {
			names = append(names, a.ID+"/"+act.Name)
		}
	}
	want := "shed/Men's Shed library/Knit pool/Swim"
	if s := strings.Join(names, " "); s != want || got.Area.Name != "Oldbury" {
		t.Errorf("merged = %s, want %s", s, want)
	}
	if len(own.Assets) != 1 || len(council[0].Activities) != 2 {
		t.Error("Merge changed what it was given")
	}
	if Merge(own) != own {
		t.Error("with no sources the coaches' list is served as it is")
	}
}
