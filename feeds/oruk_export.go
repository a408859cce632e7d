package feeds

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"signpost/bot"
)

// The list as an Open Referral UK 3.0 directory, so a council's directory
// or the ORUK validator can read what the coaches know. Ids are UUIDs
// derived from Signpost's own, so they stay the same from one save to the
// next; schedules hang off the service with freq WEEKLY or MONTHLY only,
// and fields with no value are left out, never sent as null, as the
// profile asks.

// idSpace is the namespace Signpost's ORUK ids are derived in.
var idSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://signpost.invalid/oruk"))

// orukID is the UUID that stands for one of Signpost's ids.
func orukID(kind, id string) string {
	return uuid.NewSHA1(idSpace, []byte(kind+":"+id)).String()
}

type outService struct {
	ID                 string          `json:"id"`
	OrganizationID     string          `json:"organization_id"`
	Name               string          `json:"name"`
	Description        string          `json:"description,omitempty"`
	URL                string          `json:"url,omitempty"`
	Email              string          `json:"email,omitempty"`
	Status             string          `json:"status"`
	MinimumAge         *int            `json:"minimum_age,omitempty"`
	MaximumAge         *int            `json:"maximum_age,omitempty"`
	AssuredDate        string          `json:"assured_date,omitempty"`
	Organization       outOrganization `json:"organization"`
	CostOptions        []outCost       `json:"cost_options,omitempty"`
	Schedules          []outSchedule   `json:"schedules,omitempty"`
	ServiceAtLocations []outAtLocation `json:"service_at_locations"`
	Contacts           []outContact    `json:"contacts,omitempty"`
	Attributes         []outAttribute  `json:"attributes,omitempty"`
}

type outOrganization struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type outCost struct {
	ID                string   `json:"id"`
	Amount            *float64 `json:"amount,omitempty"`
	AmountDescription string   `json:"amount_description,omitempty"`
}

type outSchedule struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id"`
	Freq        string `json:"freq"`
	Interval    int    `json:"interval,omitempty"`
	Byday       string `json:"byday"`
	Dtstart     string `json:"dtstart,omitempty"`
	ValidFrom   string `json:"valid_from,omitempty"`
	ValidTo     string `json:"valid_to,omitempty"`
	OpensAt     string `json:"opens_at"`
	ClosesAt    string `json:"closes_at"`
	Description string `json:"description,omitempty"`
}

type outAtLocation struct {
	ID         string      `json:"id"`
	ServiceID  string      `json:"service_id"`
	LocationID string      `json:"location_id"`
	Location   outLocation `json:"location"`
}

type outLocation struct {
	ID           string       `json:"id"`
	LocationType string       `json:"location_type"`
	Name         string       `json:"name"`
	Description  string       `json:"description,omitempty"`
	Latitude     *float64     `json:"latitude,omitempty"`
	Longitude    *float64     `json:"longitude,omitempty"`
	Addresses    []outAddress `json:"addresses,omitempty"`
}

type outAddress struct {
	ID          string `json:"id"`
	Address1    string `json:"address_1"`
	PostalCode  string `json:"postal_code"`
	Country     string `json:"country"`
	AddressType string `json:"address_type"`
}

// outContact carries the venue's phone, as real 3.0 feeds do.
type outContact struct {
	ID     string     `json:"id"`
	Phones []outPhone `json:"phones"`
}

type outPhone struct {
	ID     string `json:"id"`
	Number string `json:"number"`
}

type outAttribute struct {
	ID           string  `json:"id"`
	TaxonomyTerm outTerm `json:"taxonomy_term"`
}

type outTerm struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Directory is a catalogue as Open Referral UK 3.0 services: each activity
// a service at its venue, and each venue with no activities a service of
// its own with its opening hours. It is read-only once made.
type Directory struct {
	services []outService
	byID     map[string]int
}

// NewDirectory makes the directory of cat.
func NewDirectory(cat *bot.Catalogue) *Directory {
	d := &Directory{byID: map[string]int{}}
	org := outOrganization{ID: orukID("organization", cat.Area.Name), Name: cat.Area.Name}
	for i := range cat.Assets {
		a := &cat.Assets[i]
		if len(a.Activities) == 0 {
			d.add(serviceOf(org, a, "asset", a.ID, a.Name, a.Description, a.Tags, "", bot.Ages{}, a.Open, bot.Date{}, bot.Date{}, nil))
			continue
		}
		for j := range a.Activities {
			act := &a.Activities[j]
			s := serviceOf(org, a, "activity", a.ID+"/"+act.ID, act.Name, act.Description, act.Tags, act.Cost, act.Ages, act.When, act.From, act.Until, act.Except)
			for i := range s.Schedules {
				s.Schedules[i].Description += calendarText(act)
			}
			d.add(s)
		}
	}
	return d
}

func (d *Directory) add(s outService) {
	d.byID[s.ID] = len(d.services)
	d.services = append(d.services, s)
}

// serviceOf is one service: what happens, where, when.
func serviceOf(org outOrganization, a *bot.Asset, kind, id, name, description string, tags []string, cost string, ages bot.Ages, rules []bot.Rule, from, until bot.Date, except []bot.Date) outService {
	sid := orukID(kind, id)
	loc := outLocation{ID: orukID("location", a.ID), LocationType: "physical", Name: a.Name, Description: a.Description}
	if a.Point != nil {
		lat, lon := a.Point.Lat, a.Point.Lon
		loc.Latitude, loc.Longitude = &lat, &lon
	}
	if a.Address != "" || a.Postcode != "" {
		loc.Addresses = []outAddress{{ID: orukID("address", a.ID), Address1: a.Address, PostalCode: a.Postcode, Country: "GB", AddressType: "physical"}}
	}
	s := outService{
		ID: sid, OrganizationID: org.ID, Organization: org, Name: name, Description: description,
		URL: a.Website, Email: a.Email, Status: "active",
		ServiceAtLocations: []outAtLocation{{ID: orukID("service_at_location", id), ServiceID: sid, LocationID: loc.ID, Location: loc}},
		CostOptions:        costOptions(id, cost),
		Schedules:          schedulesOf(sid, rules, from, until, except),
	}
	if !a.Reviewed.IsZero() {
		s.AssuredDate = a.Reviewed.String()
	}
	if ages.Text != "" && (ages.Min > 0 || ages.Max >= 0) {
		lo := ages.Min
		s.MinimumAge = &lo
		if ages.Max >= 0 {
			hi := ages.Max
			s.MaximumAge = &hi
		}
	}
	if a.Phone != "" {
		s.Contacts = []outContact{{ID: orukID("contact", id), Phones: []outPhone{{ID: orukID("phone", id), Number: a.Phone}}}}
	}
	for _, t := range tags {
		s.Attributes = append(s.Attributes, outAttribute{ID: orukID("attribute", id+"/"+t), TaxonomyTerm: outTerm{ID: orukID("term", t), Name: t}})
	}
	return s
}

// leadingPrice is a cost that starts with a price: "£2.50 a session".
var leadingPrice = regexp.MustCompile(`^£\s*(\d+(?:\.\d{1,2})?)\b[\s,:;-]*(.*)$`)

// costOptions writes a cost: "free" as an amount of 0, "£2.50 a session"
// as 2.5 and "a session", anything else as a description.
func costOptions(id, cost string) []outCost {
	cost = strings.TrimSpace(cost)
	if cost == "" {
		return nil
	}
	c := outCost{ID: orukID("cost", id)}
	switch m := leadingPrice.FindStringSubmatch(cost); {
	case strings.EqualFold(cost, "free"):
		zero := 0.0
		c.Amount = &zero
	case m != nil:
		v, _ := strconv.ParseFloat(m[1], 64)
		c.Amount = &v
		c.AmountDescription = strings.TrimSuffix(strings.TrimPrefix(m[2], "("), ")")
	default:
		c.AmountDescription = cost
	}
	return []outCost{c}
}

// schedulesOf writes rules as 3.0 schedules. A one-off is a weekly row
// valid for its day only, and an excepted date splits a rule's dates in
// two around it: the forms the standard gives for both.
func schedulesOf(sid string, rules []bot.Rule, from, until bot.Date, except []bot.Date) []outSchedule {
	var out []outSchedule
	for i, r := range rules {
		row := outSchedule{ServiceID: sid, Freq: "WEEKLY", OpensAt: r.Start.String(), ClosesAt: closing(r.End), Description: describe(r)}
		switch {
		case !r.Date.IsZero():
			row.Byday = dayCode(r.Date.Weekday())
			row.ValidFrom, row.ValidTo = r.Date.String(), r.Date.String()
			row.ID = orukID("schedule", fmt.Sprintf("%s/%d", sid, i))
			out = append(out, row)
			continue
		case len(r.Weeks) > 0:
			row.Freq = "MONTHLY"
			var parts []string
			for _, d := range r.Days {
				for _, w := range r.Weeks {
					parts = append(parts, strconv.Itoa(w)+dayCode(d))
				}
			}
			row.Byday = strings.Join(parts, ",")
		default:
			codes := make([]string, len(r.Days))
			for j, d := range r.Days {
				codes[j] = dayCode(d)
			}
			row.Byday = strings.Join(codes, ",")
			if r.Every > 1 {
				row.Interval, row.Dtstart = r.Every, r.Starting.String()
			}
		}
		for k, w := range splitAround(r, from, until, except) {
			row.ID = orukID("schedule", fmt.Sprintf("%s/%d/%d", sid, i, k))
			row.ValidFrom, row.ValidTo = dateText(w.from), dateText(w.until)
			out = append(out, row)
		}
	}
	return out
}

// splitAround is the dates from..until with the excepted days on which r
// falls taken out: one window, or several with gaps.
func splitAround(r bot.Rule, from, until bot.Date, except []bot.Date) []window {
	windows := []window{{from: from, until: until}}
	except = slices.Clone(except)
	slices.SortFunc(except, bot.Date.Compare)
	for _, e := range except {
		if !r.On(e) || e.Before(from) || !until.IsZero() && until.Before(e) {
			continue
		}
		last := &windows[len(windows)-1]
		next := window{from: e.AddDays(1), until: last.until}
		last.until = e.AddDays(-1)
		if !last.from.IsZero() && last.until.Before(last.from) {
			windows = windows[:len(windows)-1]
		}
		windows = append(windows, next)
	}
	return windows
}

func dateText(d bot.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// closing writes an end time; the end of the day is 00:00, as the
// profile's guidance has it.
func closing(c bot.Clock) string {
	if c >= 24*60 {
		return "00:00"
	}
	return c.String()
}

func dayCode(d time.Weekday) string {
	return strings.ToUpper(d.String()[:2])
}

// describe says a rule in words, for people reading the directory.
func describe(r bot.Rule) string {
	span := r.Start.String() + " to " + closing(r.End)
	if !r.Date.IsZero() {
		return "On " + r.Date.String() + ", " + span
	}
	var days []string
	for _, d := range r.Days {
		days = append(days, d.String())
	}
	on := strings.Join(days, " and ")
	switch {
	case len(r.Weeks) > 0:
		return weeksText(r.Weeks) + " " + on + " of the month, " + span
	case r.Every > 1:
		return fmt.Sprintf("Every %d weeks on %s, %s", r.Every, on, span)
	}
	return "Every " + on + ", " + span
}

// calendarText says in words what the standard has no field for: term
// time only, closed on bank holidays. The importer reads it back.
func calendarText(act *bot.Activity) string {
	var s string
	if act.TermTime {
		s += "; term time only"
	}
	if act.ClosedOn != bot.NoRegion {
		s += "; closed on bank holidays"
	}
	return s
}

// rootDocument is what GET / answers: the version and profile served.
var rootDocument = map[string]string{
	"version":     "3.0",
	"profile":     "https://openreferraluk.org/",
	"openapi_url": "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/profile/openapi.json",
}

// page is the 3.0 envelope for one page of services.
type page struct {
	TotalItems int          `json:"total_items"`
	TotalPages int          `json:"total_pages"`
	PageNumber int          `json:"page_number"`
	Size       int          `json:"size"`
	FirstPage  bool         `json:"first_page"`
	LastPage   bool         `json:"last_page"`
	Empty      bool         `json:"empty"`
	Contents   []outService `json:"contents"`
}

// Page is page n (from 1) of size services, full records, in the 3.0
// envelope.
func (d *Directory) Page(n, size int) any {
	total := (len(d.services) + size - 1) / size
	lo := len(d.services)
	if n <= total {
		lo = (n - 1) * size
	}
	hi := min(lo+size, len(d.services))
	return page{
		TotalItems: len(d.services), TotalPages: total, PageNumber: n, Size: size,
		FirstPage: n == 1, LastPage: n >= total, Empty: hi == lo, Contents: d.services[lo:hi:hi],
	}
}

// Service is the service with the given id.
func (d *Directory) Service(id string) (any, bool) {
	i, ok := d.byID[id]
	if !ok {
		return nil, false
	}
	return d.services[i], true
}

// Len is how many services the directory holds.
func (d *Directory) Len() int { return len(d.services) }

// WriteAll writes every service as one 3.0 page, indented, for
// `signpost export oruk`.
func (d *Directory) WriteAll(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d.Page(1, max(len(d.services), 1)))
}
