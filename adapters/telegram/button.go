package telegram

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"sync"
)

// Callback data, at most 64 bytes as Telegram allows:
//
//	more         the More button
//	map:<id>     the Map button of the asset with that id
//	map#<hash>   the same, for an id too long to fit, by a hash of it
const (
	moreData   = "more"
	mapPrefix  = "map:"
	hashPrefix = "map#"
	maxData    = 64
)

// pressed is a button's meaning.
type pressed struct {
	more bool
	// key finds the asset: its id, or "#" and the hash of a long one.
	key string
}

// parseButton reads callback data; ok is false for data the adapter never
// made, such as a button from an older version of the bot.
func parseButton(data string) (pressed, bool) {
	switch {
	case data == moreData:
		return pressed{more: true}, true
	case strings.HasPrefix(data, mapPrefix) && len(data) > len(mapPrefix):
		return pressed{key: data[len(mapPrefix):]}, true
	case strings.HasPrefix(data, hashPrefix) && len(data) == len(hashPrefix)+hashLen:
		return pressed{key: "#" + data[len(hashPrefix):]}, true
	}
	return pressed{}, false
}

// hashLen is the length of a long id's hash in callback data: 96 bits.
const hashLen = 16

// assetKeys makes Map buttons' data and finds the asset id again. An id
// that fits goes in the data itself, so its button works across restarts
// and after the list is reloaded (the core looks the id up in the list in
// use). A longer one goes by a hash, remembered here for the most recent
// keep of them.
type assetKeys struct {
	mu   sync.Mutex
	long map[string]string
	keep int
}

// assetKeysKeep bounds the long ids remembered.
const assetKeysKeep = 10000

func newAssetKeys(keep int) *assetKeys {
	return &assetKeys{long: map[string]string{}, keep: keep}
}

// data is the callback data of the Map button for the asset id.
func (k *assetKeys) data(id string) string {
	if id != "" && len(mapPrefix)+len(id) <= maxData && !strings.HasPrefix(id, "#") {
		return mapPrefix + id
	}
	sum := sha256.Sum256([]byte(id))
	h := base64.RawURLEncoding.EncodeToString(sum[:])[:hashLen]
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.long[h]; !ok && len(k.long) >= k.keep {
		for old := range k.long {
			delete(k.long, old)
			break
		}
	}
	k.long[h] = id
	return hashPrefix + h
}

// resolve finds the asset id of a pressed Map button's key.
func (k *assetKeys) resolve(key string) (string, bool) {
	h, hashed := strings.CutPrefix(key, "#")
	if !hashed {
		return key, true
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	id, ok := k.long[h]
	return id, ok
}
