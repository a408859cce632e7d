package assets

import (
	"strings"
	"testing"

	"signpost/bot"
)

func TestReadPostcodes(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want bot.Postcodes
	}{
		{"short names", "pcds,lat,long\nB69 4RJ,52.4995,-2.0301\n", bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}},
		{"long names, other columns, any case", "id,Postcode,Easting,Latitude,Longitude\n1,b69 4rj,399,52.4995,-2.0301\n", bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}},
		{"districts", "outcode,lat,lon\nDY4,52.5293,-2.0668\n", bot.Postcodes{"DY4": {Lat: 52.5293, Lon: -2.0668}}},
		{"byte order mark", "\ufeffpcd,lat,long\nB69 4RJ,52.4995,-2.0301\n", bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}},
		{"rows with no place are skipped", "pcds,lat,long\nZZ1 1ZZ,99.999999,0.000000\nB69 4RJ,52.4995,-2.0301\nB69 9ZZ,,\nshort\n", bot.Postcodes{"B694RJ": {Lat: 52.4995, Lon: -2.0301}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadPostcodes(strings.NewReader(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %v, want %v", k, got[k], v)
				}
			}
		})
	}
}

func TestReadPostcodesRefusesUnknownColumns(t *testing.T) {
	_, err := ReadPostcodes(strings.NewReader("code,x,y\nB69 4RJ,1,2\n"))
	if err == nil || !strings.Contains(err.Error(), "it has code, x, y") {
		t.Fatalf("err = %v", err)
	}
	if _, err := ReadPostcodes(strings.NewReader("")); err == nil {
		t.Fatal("an empty file should be refused")
	}
	if _, err := LoadPostcodes("testdata/no-such-file.csv"); err == nil {
		t.Fatal("a missing file should be refused")
	}
}
