package bot

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// Pseudonyms turn chat and user ids into keyed hashes for logs, so an
// operator can follow one conversation through the log without the log
// ever holding who it was. Without the key the hash cannot be matched
// back to an id.
type Pseudonyms struct {
	key []byte
}

// NewPseudonyms hashes with key; an empty key means a random one, so
// hashes differ from one run to the next.
func NewPseudonyms(key []byte) Pseudonyms {
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key)
	}
	return Pseudonyms{key: key}
}

// Of is the pseudonym for id: 16 hex digits.
func (p Pseudonyms) Of(id string) string {
	mac := hmac.New(sha256.New, p.key)
	mac.Write([]byte(id))
	return hex.EncodeToString(mac.Sum(nil)[:8])
}
