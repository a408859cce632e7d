package feeds

import (
	"bytes"
	"context"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/index"
)

// BenchmarkImportAndIndex reads a 5,000-service Open Referral UK 3.0
// feed from a fake server on 127.0.0.1 (50 shallow pages of 100, then
// each service fetched in full, four at a time, as real 3.0 feeds
// need), writes the asset file, reads it back and indexes it: what an
// operator waits for between pointing Signpost at a council's feed and
// residents being answered from it. It reports the parts in ms.
func BenchmarkImportAndIndex(b *testing.B) {
	fake := &fakeORUK{services: 5000}
	srv := fake.start(b)
	ctx := context.Background()
	var read, write, build time.Duration
	for b.Loop() {
		t0 := time.Now()
		f, err := ReadORUK(ctx, srv.URL+"/services", Options{Location: london, Now: now})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		var buf bytes.Buffer
		if err := assets.Write(&buf, &bot.Catalogue{Area: bot.Area{Name: "County", Location: london}, Assets: f.Assets}, assets.WriteOptions{Notes: f.Notes}); err != nil {
			b.Fatal(err)
		}
		cat, _, err := assets.Parse(buf.Bytes(), assets.Options{})
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		ix, err := index.Build(cat)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
		read, write, build = read+t1.Sub(t0), write+time.Since(t1)-time.Since(t2), build+time.Since(t2)
		if got := activities(f); got != 5000 {
			b.Fatalf("%d activities, want 5000", got)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(read.Milliseconds())/n, "fetch-ms")
	b.ReportMetric(float64(write.Milliseconds())/n, "write+parse-ms")
	b.ReportMetric(float64(build.Milliseconds())/n, "index-ms")
}
