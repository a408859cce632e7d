package feeds

// The Open Referral UK service as feeds send it, versions 1.0 and 3.0 in
// one: fields either version uses, under the names each gives them. Only
// what Signpost shows is read.

// orukService is one service: something that happens, at one or more
// locations.
type orukService struct {
	ID           text   `json:"id"`
	Name         string `json:"name"`
	Description  string `json:"description"`
	URL          string `json:"url"`
	Email        string `json:"email"`
	Status       string `json:"status"`
	Fees         string `json:"fees"`
	AssuredDate  string `json:"assured_date"`
	LastModified string `json:"last_modified"`
	MinimumAge   number `json:"minimum_age"`
	MaximumAge   number `json:"maximum_age"`
	Organization *struct {
		Name string `json:"name"`
	} `json:"organization"`
	// RegularSchedules is version 1.0's; Schedules version 3.0's.
	RegularSchedules []orukSchedule `json:"regular_schedules"`
	Schedules        []orukSchedule `json:"schedules"`
	HolidaySchedules []orukHoliday  `json:"holiday_schedules"`
	// Eligibilitys carries version 1.0's ages.
	Eligibilitys []struct {
		MinimumAge number `json:"minimum_age"`
		MaximumAge number `json:"maximum_age"`
	} `json:"eligibilitys"`
	ServiceAtLocations []orukServiceAtLocation `json:"service_at_locations"`
	CostOptions        []struct {
		Option            string `json:"option"`
		Amount            number `json:"amount"`
		AmountDescription string `json:"amount_description"`
	} `json:"cost_options"`
	Contacts []struct {
		Phones []orukPhone `json:"phones"`
	} `json:"contacts"`
	Phones []orukPhone `json:"phones"`
	// ServiceTaxonomys is version 1.0's; Attributes version 3.0's.
	ServiceTaxonomys []struct {
		Taxonomy struct {
			Name string `json:"name"`
		} `json:"taxonomy"`
	} `json:"service_taxonomys"`
	Attributes []struct {
		TaxonomyTerm struct {
			Name string `json:"name"`
			Term string `json:"term"`
		} `json:"taxonomy_term"`
	} `json:"attributes"`
}

type orukPhone struct {
	Number text `json:"number"`
}

// orukServiceAtLocation places a service; version 1.0 may hang schedules
// here, under the singular key.
type orukServiceAtLocation struct {
	ID              text           `json:"id"`
	RegularSchedule []orukSchedule `json:"regular_schedule"`
	Location        orukLocation   `json:"location"`
}

type orukLocation struct {
	ID           text   `json:"id"`
	Name         string `json:"name"`
	Description  string `json:"description"`
	LocationType string `json:"location_type"`
	Latitude     number `json:"latitude"`
	Longitude    number `json:"longitude"`
	// Geometry is GeoJSON, coordinates [lon, lat].
	Geometry *struct {
		Coordinates []number `json:"coordinates"`
	} `json:"geometry"`
	// PhysicalAddresses is version 1.0's; Addresses version 3.0's.
	PhysicalAddresses []orukAddress `json:"physical_addresses"`
	Addresses         []orukAddress `json:"addresses"`
}

type orukAddress struct {
	Address1    string `json:"address_1"`
	City        string `json:"city"`
	AddressType string `json:"address_type"`
	PostalCode  string `json:"postal_code"`
}

// orukSchedule is one row of a timetable: a weekday and times (1.0), an
// iCal-like rule (3.0, and 1.0 feeds that fill those fields), or both.
type orukSchedule struct {
	ServiceAtLocationID text   `json:"service_at_location_id"`
	Weekday             text   `json:"weekday"`
	OpensAt             string `json:"opens_at"`
	ClosesAt            string `json:"closes_at"`
	Freq                string `json:"freq"`
	Interval            number `json:"interval"`
	Byday               text   `json:"byday"`
	Bymonthday          text   `json:"bymonthday"`
	Dtstart             string `json:"dtstart"`
	ValidFrom           string `json:"valid_from"`
	ValidTo             string `json:"valid_to"`
	Until               string `json:"until"`
	Description         string `json:"description"`
}

// orukHoliday is a closure (or changed hours) over a range of dates.
type orukHoliday struct {
	Closed    flag   `json:"closed"`
	StartDate string `json:"start_date"`
	EndDate   string `json:"end_date"`
}
