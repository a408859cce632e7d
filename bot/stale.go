package bot

import (
	"sort"
	"time"
)

// StaleAfterDays is how long after its last review an entry is flagged for
// a coach to check again.
const StaleAfterDays = 365

// StaleAsset is an asset that is due a coach's check.
type StaleAsset struct {
	Asset *Asset
	// Never is set when the entry has no reviewed date at all.
	Never bool
}

// Stale lists the assets not reviewed within StaleAfterDays of now: those
// never reviewed first, then the oldest review first, so a coach starts
// with the entries most likely to be wrong.
func (b *Bot) Stale(now time.Time) []StaleAsset {
	lib := b.lib.Load()
	if lib == nil {
		return nil
	}
	today := DateOf(now.In(lib.cat.Area.Location))
	var out []StaleAsset
	for i := range lib.cat.Assets {
		a := &lib.cat.Assets[i]
		if a.Reviewed.IsZero() || today.DaysSince(a.Reviewed) > StaleAfterDays {
			out = append(out, StaleAsset{Asset: a, Never: a.Reviewed.IsZero()})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Never != y.Never {
			return x.Never
		}
		return x.Asset.Reviewed.Before(y.Asset.Reviewed)
	})
	return out
}
