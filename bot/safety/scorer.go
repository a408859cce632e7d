package safety

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The scorer is the second stage beside the rules, in the shape the
// safety notes (CMD-1) describe: a logistic regression over the stems of
// a normalised message and the pairs of stems side by side in one
// sentence, trained on the corpus (testdata/corpus: every Urgent line
// against every everyday and Concern line). It can only raise a message
// to Urgent, never lower what the rules decided: a message is Urgent when
// the rules say so, or when the scorer's probability reaches the
// threshold written in weights.tsv, which training chose by
// cross-validation on the corpus to keep everyday false alarms low.
//
// The scorer reads only the words the rules left unexplained: the words
// of a standing guard ("end it with my boyfriend") and of a reading that
// made the message Concern ("i dont want to die", "when i was 16") are
// left out, in training as in use, so it never overrules a judgement the
// rules made on purpose.
//
// weights.tsv is written by training, never by hand. To retrain after the
// corpus changes:
//
//go:generate go test -run ^TestWeights$ -write-weights
//go:embed weights.tsv
var weightsTSV []byte

// builtinScorer is weights.tsv, read once when the package loads. Were it
// ever unreadable (TestWeights fails if so), it would be a scorer that
// never fires, and the rules would decide alone.
var builtinScorer = mustScorer(weightsTSV)

// scorer is a logistic regression: a weight for each known feature, a
// bias, and the probability from which a message is Urgent.
type scorer struct {
	ids       map[string]int    // unigram feature to its index in w
	pairs     map[[2]string]int // bigram feature to its index in w
	w         []float64
	bias      float64
	threshold float64
}

// mustScorer reads data, or gives a scorer that never fires.
func mustScorer(data []byte) *scorer {
	s, err := readScorer(data)
	if err != nil {
		return &scorer{threshold: math.Inf(1)}
	}
	return s
}

// readScorer reads a weights file: "# " comment lines, ":bias" and
// ":threshold" lines, and one "feature<TAB>weight" line for each feature,
// where a feature is a stem or two stems separated by a space.
func readScorer(data []byte) (*scorer, error) {
	s := &scorer{ids: map[string]int{}, pairs: map[[2]string]int{}, threshold: math.NaN()}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, val, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("weights line %d: no tab", n)
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("weights line %d: bad number %q", n, val)
		}
		switch name {
		case ":bias":
			s.bias = v
			continue
		case ":threshold":
			s.threshold = v
			continue
		}
		s.w = append(s.w, v)
		id := len(s.w) - 1
		if a, b, two := strings.Cut(name, " "); two {
			s.pairs[[2]string{a, b}] = id
		} else {
			s.ids[name] = id
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if math.IsNaN(s.threshold) {
		return nil, errors.New("weights: no :threshold line")
	}
	return s, nil
}

// featureWord is how a token is read by the scorer: its stem, or for a
// number its size, so "took 30" and "took 40" are one feature and "took
// 2" another.
func featureWord(t token) string {
	switch {
	case t.num < 0:
		return t.stem
	case t.num < 6:
		return "#few"
	case t.num < 1000:
		return "#many"
	}
	return "#1000+"
}

// eachFeature calls uni and pair with every feature of a message: each
// word, and each pair of words side by side in one sentence, leaving out
// the words the known readings hold (see decide). A message's features
// may repeat; the scorer counts each once.
func eachFeature(toks []token, known []match, uni func(string), pair func(a, b string)) {
	var skip []bool
	if len(known) > 0 {
		skip = make([]bool, len(toks))
		for _, m := range known {
			for i := m.start; i < m.end; i++ {
				skip[i] = true
			}
		}
	}
	prev := ""
	for i, t := range toks {
		if t.bound || skip != nil && skip[i] {
			prev = ""
			continue
		}
		w := featureWord(t)
		uni(w)
		if prev != "" {
			pair(prev, w)
		}
		prev = w
	}
}

// prob gives the scorer's probability that a message is Urgent, given
// the readings that explain some of its words.
func (s *scorer) prob(toks []token, known []match) float64 {
	var ids []int
	eachFeature(toks, known,
		func(w string) {
			if id, ok := s.ids[w]; ok {
				ids = append(ids, id)
			}
		},
		func(a, b string) {
			if id, ok := s.pairs[[2]string{a, b}]; ok {
				ids = append(ids, id)
			}
		})
	slices.Sort(ids)
	z := s.bias
	for _, id := range slices.Compact(ids) {
		z += s.w[id]
	}
	return 1 / (1 + math.Exp(-z))
}

// urgent reports whether the scorer alone reads a message as Urgent. A
// nil scorer never does.
func (s *scorer) urgent(toks []token, known []match) bool {
	return s != nil && s.prob(toks, known) >= s.threshold
}
