package understand_test

import (
	"testing"

	"signpost/assets"
	"signpost/assets/assetstest"
	"signpost/bot/understand"
)

// BenchmarkRead reads the kinds of message residents send, over the
// sample list: reading runs on every message, before any search.
func BenchmarkRead(b *testing.B) {
	r := sampleReader(b)
	msgs := []string{
		"knitting near me", "toddler groups in Tipton tomorrow", "is the library open on saturday?",
		"just moved to the area and dont know a soul", "my dad has dementia, i look after him",
		"activities for my 8 year old after school", "cheap lunch near B69 4RJ", "I'm lonely",
		"something free this weekend near B69", "quiz around tmrw",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.Read(msgs[i%len(msgs)], tuesday)
	}
}

// BenchmarkNew makes the reader of a 10,000-venue list, as serve does on
// every save that goes live.
func BenchmarkNew(b *testing.B) {
	cat, _, err := assets.Parse(assetstest.Generate(10_000, 3, 1), assets.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		understand.New(cat, nil)
	}
}
