package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// textAnalyzer is English with accents folded, so "cafe" finds "Café", and
// stemming, so "knitting" finds "Knit and Natter". Stop words are dropped
// here; Search drops a word that analyses to nothing instead of letting it
// turn a query into "match nothing".
const textAnalyzer = "signpost_en"

// exactAnalyzer is the same without stemming or stop words, for the words
// of the needs vocabulary, which match only as written: "memory" must
// not find "Memorial Hall".
const exactAnalyzer = "signpost_exact"

// Field names in the index. Each text field is there twice: stemmed for
// the person's own words, and as written (the _exact fields) for the
// needs vocabulary.
const (
	fieldName      = "name" // the activity's or venue's name
	fieldTags      = "tags" // tags, and the venue kind in words
	fieldText      = "text" // the description, and an activity's venue name
	fieldKind      = "kind" // the words for the venue's kind
	fieldNameExact = "name_exact"
	fieldTagsExact = "tags_exact"
	fieldTextExact = "text_exact"
)

func newMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	err := m.AddCustomAnalyzer(textAnalyzer, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, en.StopName, porter.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	err = m.AddCustomAnalyzer(exactAnalyzer, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	m.DefaultAnalyzer = textAnalyzer

	text := bleve.NewTextFieldMapping()
	text.Analyzer = textAnalyzer
	text.Store = false
	text.IncludeTermVectors = false

	exact := bleve.NewTextFieldMapping()
	exact.Analyzer = exactAnalyzer
	exact.Store = false
	exact.IncludeTermVectors = false
	exact.IncludeInAll = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldName, text)
	doc.AddFieldMappingsAt(fieldTags, text)
	doc.AddFieldMappingsAt(fieldText, text)
	doc.AddFieldMappingsAt(fieldKind, text)
	doc.AddFieldMappingsAt(fieldNameExact, exact)
	doc.AddFieldMappingsAt(fieldTagsExact, exact)
	doc.AddFieldMappingsAt(fieldTextExact, exact)
	m.DefaultMapping = doc
	m.StoreDynamic = false
	m.IndexDynamic = false
	return m, nil
}
