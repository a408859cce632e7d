package telegram

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"sync"
	"unicode/utf8"
)

// Callback data, at most 64 bytes as Telegram allows:
//
//	more         the More button
//	map:<id>     the Map button of the asset with that id
//	ask:<text>   a choice: the question it asks, answered as if typed
//	map#<hash>   a Map button for an id too long to fit, by a hash of it
//	ask#<hash>   the same for a choice's question
const (
	moreData = "more"
	maxData  = 64
)

// buttonKind is what a button other than More does.
type buttonKind string

const (
	mapButton    buttonKind = "map"
	choiceButton buttonKind = "ask"
)

// pressed is a button's meaning.
type pressed struct {
	more bool
	kind buttonKind
	// key finds what the button holds (an asset id, a question): the
	// thing itself, or "#" and the hash of a long one.
	key string
}

// parseButton reads callback data; ok is false for data the adapter never
// made, such as a button from an older version of the bot.
func parseButton(data string) (pressed, bool) {
	if data == moreData {
		return pressed{more: true}, true
	}
	for _, kind := range []buttonKind{mapButton, choiceButton} {
		rest, ok := strings.CutPrefix(data, string(kind))
		switch {
		case !ok:
		case strings.HasPrefix(rest, ":") && len(rest) > 1:
			return pressed{kind: kind, key: rest[1:]}, true
		case strings.HasPrefix(rest, "#") && len(rest) == 1+hashLen:
			return pressed{kind: kind, key: rest}, true
		}
	}
	return pressed{}, false
}

// hashLen is the length of a long value's hash in callback data: 96 bits.
const hashLen = 16

// buttonKeys makes the callback data of Map and choice buttons and finds
// what they hold again. A value that fits goes in the data itself, so its
// button works across restarts and after the list is reloaded (the core
// looks an asset id up in the list in use; a question is asked afresh).
// A longer one goes by a hash, remembered here for the most recent keep
// of them.
type buttonKeys struct {
	mu   sync.Mutex
	long map[string]string
	keep int
}

// buttonKeysKeep bounds the long values remembered.
const buttonKeysKeep = 10000

func newButtonKeys(keep int) *buttonKeys {
	return &buttonKeys{long: map[string]string{}, keep: keep}
}

// data is the callback data of a button of kind holding value.
func (k *buttonKeys) data(kind buttonKind, value string) string {
	if value != "" && len(kind)+1+len(value) <= maxData && !strings.HasPrefix(value, "#") && utf8.ValidString(value) {
		return string(kind) + ":" + value
	}
	sum := sha256.Sum256([]byte(value))
	h := base64.RawURLEncoding.EncodeToString(sum[:])[:hashLen]
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.long[h]; !ok && len(k.long) >= k.keep {
		for old := range k.long {
			delete(k.long, old)
			break
		}
	}
	k.long[h] = value
	return string(kind) + "#" + h
}

// resolve finds the value a pressed button's key stands for; ok is false
// for a hash no longer remembered.
func (k *buttonKeys) resolve(key string) (string, bool) {
	h, hashed := strings.CutPrefix(key, "#")
	if !hashed {
		return key, true
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.long[h]
	return v, ok
}
