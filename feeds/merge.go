package feeds

import (
	"slices"

	"signpost/bot"
)

// Merge is the list to serve: the coaches' own venues, then each
// source's, in the order the asset file names the sources. A coach's
// activity that names a source's record by its source_id is served
// instead of that record, so local knowledge wins; imported activities
// held in term time or closed on bank holidays follow the area's terms
// and bank holidays; an imported venue
// whose id is taken already, or that has no activities left, is left
// out. Neither own nor imported is changed.
func Merge(own *bot.Catalogue, imported ...[]bot.Asset) *bot.Catalogue {
	if len(imported) == 0 {
		return own
	}
	claimed := map[string]bool{}
	ids := map[string]bool{}
	for _, a := range own.Assets {
		ids[a.ID] = true
		for _, act := range a.Activities {
			if act.SourceID != "" {
				claimed[act.SourceID] = true
			}
		}
	}
	out := *own
	out.Assets = slices.Clip(own.Assets)
	for _, list := range imported {
		for _, a := range list {
			if ids[a.ID] {
				continue
			}
			acts := slices.DeleteFunc(slices.Clone(a.Activities), func(act bot.Activity) bool {
				return act.SourceID != "" && claimed[act.SourceID]
			})
			if len(acts) == 0 {
				continue
			}
			a.Activities = own.Area.Bind(acts)
			ids[a.ID] = true
			out.Assets = append(out.Assets, a)
		}
	}
	return &out
}
