package assetstest

import (
	"testing"

	"signpost/assets"
)

// The generated list must load cleanly, or the benchmarks would measure
// the error path.
func TestGenerateLoads(t *testing.T) {
	cat, problems, err := assets.Parse(Generate(200, 3, 1), assets.Options{})
	if err != nil {
		t.Fatalf("%v: %v", err, problems)
	}
	if len(cat.Assets) != 200 || len(cat.Assets[199].Activities) != 3 {
		t.Fatalf("got %d assets", len(cat.Assets))
	}
	if first, again := Generate(5, 1, 7), Generate(5, 1, 7); string(first) != string(again) {
		t.Fatal("the same seed should give the same file")
	}
}

// The realistic list must load cleanly too, and be what it says: many
// towns, and activity names spread over hundreds with a few common ones.
func TestGenerateRealisticLoads(t *testing.T) {
	cat, problems, err := assets.Parse(GenerateRealistic(5000, 3, 1), assets.Options{})
	if err != nil {
		t.Fatalf("%v: %v", err, problems)
	}
	if len(cat.Assets) != 5000 || len(cat.Places) != 50 {
		t.Fatalf("got %d assets in %d places, want 5000 in 50", len(cat.Assets), len(cat.Places))
	}
	count := map[string]int{}
	for _, a := range cat.Assets {
		for _, act := range a.Activities {
			count[act.Name]++
		}
	}
	most := 0
	for _, c := range count {
		most = max(most, c)
	}
	if len(count) < 500 || most > 15000/10 {
		t.Fatalf("%d activity names, the commonest %d times: want hundreds, none in a tenth of the list", len(count), most)
	}
	if first, again := GenerateRealistic(5, 1, 7), GenerateRealistic(5, 1, 7); string(first) != string(again) {
		t.Fatal("the same seed should give the same file")
	}
}
