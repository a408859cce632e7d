package feeds

import (
	"bytes"
	"cmp"
	"encoding/json"
)

// The OpenActive records Signpost reads, versions 1 and 2 in one: JSON-LD
// keys with and without their "@", and values feeds send sometimes as
// one, sometimes as a list.

// rpdePage is one page of an RPDE feed.
type rpdePage struct {
	Items   []rpdeItem `json:"items"`
	Next    string     `json:"next"`
	License string     `json:"license"`
}

// rpdeItem is one change: a record updated (with its data) or deleted.
type rpdeItem struct {
	ID    text            `json:"id"`
	Kind  string          `json:"kind"`
	State string          `json:"state"`
	Data  json.RawMessage `json:"data"`
}

// oaEvent is a SessionSeries, a ScheduledSession or an Event.
type oaEvent struct {
	AtType              string     `json:"@type"`
	Type                string     `json:"type"`
	AtID                string     `json:"@id"`
	ID                  text       `json:"id"`
	Name                string     `json:"name"`
	Description         string     `json:"description"`
	URL                 string     `json:"url"`
	Location            *oaPlace   `json:"location"`
	Activity            concepts   `json:"activity"`
	Category            concepts   `json:"category"`
	AgeRange            *oaRange   `json:"ageRange"`
	IsAccessibleForFree *flag      `json:"isAccessibleForFree"`
	Offers              []oaOffer  `json:"offers"`
	EventSchedule       schedules  `json:"eventSchedule"`
	SubEvent            []oaEvent  `json:"subEvent"`
	StartDate           string     `json:"startDate"`
	EndDate             string     `json:"endDate"`
	EventStatus         string     `json:"eventStatus"`
	SuperEvent          superEvent `json:"superEvent"`
	Organizer           *struct {
		Name string `json:"name"`
	} `json:"organizer"`
}

// kind is the record's type, "SessionSeries" or the like.
func (e *oaEvent) kind() string { return cmp.Or(e.AtType, e.Type) }

// key is the record's own id, which sessions use to name their series.
func (e *oaEvent) key() string { return cmp.Or(e.AtID, string(e.ID)) }

type oaPlace struct {
	AtID    string    `json:"@id"`
	ID      text      `json:"id"`
	Name    string    `json:"name"`
	Address oaAddress `json:"address"`
	Geo     *struct {
		Latitude  number `json:"latitude"`
		Longitude number `json:"longitude"`
	} `json:"geo"`
}

// oaAddress is a PostalAddress, or the address as one line of text.
type oaAddress struct {
	StreetAddress   string `json:"streetAddress"`
	AddressLocality string `json:"addressLocality"`
	PostalCode      string `json:"postalCode"`
}

// UnmarshalJSON takes a PostalAddress or a string.
func (a *oaAddress) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte(`"`)) {
		return json.Unmarshal(b, &a.StreetAddress)
	}
	type plain oaAddress
	return json.Unmarshal(b, (*plain)(a))
}

type oaRange struct {
	MinValue number `json:"minValue"`
	MaxValue number `json:"maxValue"`
}

type oaOffer struct {
	Price         number `json:"price"`
	PriceCurrency string `json:"priceCurrency"`
}

// oaSchedule is a Schedule: the days and times a series repeats on.
type oaSchedule struct {
	ByDay            strs   `json:"byDay"`
	ByMonthDay       strs   `json:"byMonthDay"`
	StartTime        string `json:"startTime"`
	EndTime          string `json:"endTime"`
	RepeatFrequency  string `json:"repeatFrequency"`
	ScheduleTimezone string `json:"scheduleTimezone"`
	StartDate        string `json:"startDate"`
	EndDate          string `json:"endDate"`
	ExceptDate       strs   `json:"exceptDate"`
}

// schedules is an eventSchedule: one Schedule or a list.
type schedules []oaSchedule

// UnmarshalJSON takes one Schedule or a list of them.
func (s *schedules) UnmarshalJSON(b []byte) error {
	return oneOrMany(b, (*[]oaSchedule)(s))
}

// strs is a list of strings that may come as one string, or as numbers.
type strs []string

// UnmarshalJSON takes a string, a number, or a list of them.
func (s *strs) UnmarshalJSON(b []byte) error {
	var ts []text
	if err := oneOrMany(b, &ts); err != nil {
		return err
	}
	*s = (*s)[:0]
	for _, t := range ts {
		*s = append(*s, string(t))
	}
	return nil
}

// concepts are activity or category labels: Concepts with a prefLabel,
// or plain strings, one or a list.
type concepts []string

// UnmarshalJSON takes a Concept, a string, or a list of either.
func (c *concepts) UnmarshalJSON(b []byte) error {
	var raws []json.RawMessage
	if err := oneOrMany(b, &raws); err != nil {
		return err
	}
	for _, raw := range raws {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			*c = append(*c, s)
			continue
		}
		var concept struct {
			PrefLabel string `json:"prefLabel"`
		}
		if json.Unmarshal(raw, &concept) == nil && concept.PrefLabel != "" {
			*c = append(*c, concept.PrefLabel)
		}
	}
	return nil
}

// superEvent is a session's series: its id as a string, or the series
// itself.
type superEvent struct {
	ID    string
	Event *oaEvent
}

// UnmarshalJSON takes a string id or an embedded event.
func (s *superEvent) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte(`"`)) {
		return json.Unmarshal(b, &s.ID)
	}
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	s.Event = &oaEvent{}
	if err := json.Unmarshal(b, s.Event); err != nil {
		return err
	}
	s.ID = s.Event.key()
	return nil
}

// oneOrMany decodes a JSON value or a list of them into a list.
func oneOrMany[T any](b []byte, out *[]T) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*out = nil
		return nil
	case bytes.HasPrefix(b, []byte("[")):
		return json.Unmarshal(b, out)
	}
	var one T
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*out = []T{one}
	return nil
}
