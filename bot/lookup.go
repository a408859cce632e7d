package bot

// Asset finds the asset with id in the list in use. Front ends use it for
// a button pressed some time after an answer was sent: the list may have
// been reloaded since, so the asset may have changed or gone (false).
func (b *Bot) Asset(id string) (*Asset, bool) {
	lib := b.lib.Load()
	if lib == nil {
		return nil, false
	}
	a, ok := lib.assets[id]
	return a, ok
}
