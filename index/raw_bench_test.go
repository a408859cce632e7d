package index_test

import (
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// rawDoc is an activity as plain bleve would hold it, for the baseline:
// its words and its venue's, with bleve's default mapping.
type rawDoc struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Tags        string `json:"tags"`
	Venue       string `json:"venue"`
}

// rawIndex indexes every activity of data with bleve alone, in memory on
// scorch, in batches of the size Signpost uses.
func rawIndex(b *testing.B, data []byte) bleve.Index {
	b.Helper()
	idx, err := bleve.NewUsing("", bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		b.Fatal(err)
	}
	batch := idx.NewBatch()
	for _, a := range parsed(b, data).Assets {
		for _, act := range a.Activities {
			d := rawDoc{Name: act.Name, Description: act.Description, Tags: strings.Join(act.Tags, " "), Venue: a.Name + " " + a.Description}
			if err := batch.Index(a.ID+"/"+act.ID, d); err != nil {
				b.Fatal(err)
			}
			if batch.Size() == 5000 {
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch.Reset()
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		b.Fatal(err)
	}
	return idx
}

// BenchmarkRawBleveIndex is the baseline for BenchmarkLoadAndIndex: the
// same list parsed and indexed by bleve alone, with no places, times or
// views.
func BenchmarkRawBleveIndex(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			data := listData(b, l)
			for b.Loop() {
				rawIndex(b, data).Close()
			}
		})
	}
}

// BenchmarkRawBleveMatch is the baseline for BenchmarkAnswer: the words
// of each topic question as one bleve match query for the top ten, with
// no understanding, places, times or wording of an answer.
func BenchmarkRawBleveMatch(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			idx := rawIndex(b, listData(b, l))
			defer idx.Close()
			qs := benchQuestions[0].questions
			var took []time.Duration
			i := 0
			for b.Loop() {
				start := time.Now()
				res, err := idx.Search(bleve.NewSearchRequestOptions(bleve.NewMatchQuery(qs[i%len(qs)]), 10, 0, false))
				took = append(took, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				if res.Total == 0 && i < len(qs) {
					b.Logf("no match for %q", qs[i%len(qs)])
				}
				i++
			}
			reportPercentiles(b, took)
		})
	}
}
