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
