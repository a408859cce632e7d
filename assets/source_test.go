package assets

import (
	"bytes"
	"testing"
	"time"

	"signpost/bot"
)

// TestSources: the sources section reads into typed sources, a coach's
// source_id is kept, and the file writes back the same.
func TestSources(t *testing.T) {
	cat, problems, err := Load("testdata/sources.yaml", Options{Now: now})
	if err != nil || len(problems) > 0 {
		t.Fatalf("%v %v", err, problems)
	}
	if len(cat.Sources) != 2 {
		t.Fatalf("sources = %+v", cat.Sources)
	}
	oruk, oa := cat.Sources[0], cat.Sources[1]
	if oruk.Standard != bot.ORUK || len(oruk.URLs) != 1 || oruk.Every != 24*time.Hour {
		t.Errorf("oruk = %+v", oruk)
	}
	if oa.Standard != bot.OpenActive || len(oa.URLs) != 2 || oa.Every != 6*time.Hour || oa.Standard.String() != "openactive" {
		t.Errorf("openactive = %+v", oa)
	}
	if got := cat.Assets[0].Activities[0].SourceID; got != "105" {
		t.Errorf("source_id = %q", got)
	}
	var buf bytes.Buffer
	if err := Write(&buf, cat, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	again, _, err := Parse(buf.Bytes(), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameCatalogue(cat, again); diff != "" {
		t.Errorf("%s\n%s", diff, buf.Bytes())
	}
}
