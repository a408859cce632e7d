package safety

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeWeights retrains the scorer: go generate ./bot/safety runs
// TestWeights with it.
var writeWeights = flag.Bool("write-weights", false, "retrain the scorer on testdata/corpus and write weights.tsv")

// Training settings. They were chosen by cross-validation on the corpus
// alone (never on a blind set before it was added): see weights.tsv's
// header for the figures they give.
const (
	trainL2        = 3e-4 // L2 penalty on the weights (not the bias)
	trainSteps     = 600  // full-batch Adam steps
	trainRate      = 0.05 // Adam's step size
	trainMinCount  = 2    // a feature must be in at least this many training lines
	trainFolds     = 5    // folds of the cross-validation that picks the threshold
	trainFalseRate = 0.01 // everyday lines the scorer may read as Urgent, out of fold
)

// sample is one corpus line as the scorer sees it: its features, each
// once, and whether it is Urgent.
type sample struct {
	feats  []string
	urgent bool
	group  string // the corpus file, without .txt
	text   string
}

// corpusSamples reads every corpus file: urgent_* and blind*_urgent_* lines
// are Urgent, everyday and Concern lines are not (Concern is distress
// without danger, which the scorer must learn to leave to the rules).
func corpusSamples(t testing.TB, r *rules) []sample {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("corpus: %v (%d files)", err, len(paths))
	}
	var out []sample
	for _, p := range paths {
		group := strings.TrimSuffix(filepath.Base(p), ".txt")
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			out = append(out, sample{feats: features(r, text), urgent: strings.Contains(group, "urgent_"), group: group, text: text})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// features gives a message's features as the weights file names them,
// each once, in order.
func features(r *rules, text string) []string {
	var fs []string
	toks := r.normalise(text)
	_, guards := r.decide(toks)
	eachFeature(toks, guards,
		func(w string) { fs = append(fs, w) },
		func(a, b string) { fs = append(fs, a+" "+b) })
	slices.Sort(fs)
	return slices.Compact(fs)
}

// model is a trained scorer, by feature name.
type model struct {
	w    map[string]float64
	bias float64
}

// prob scores features the way scorer.prob does.
func (m model) prob(feats []string) float64 {
	z := m.bias
	for _, f := range feats {
		z += m.w[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// train fits an L2-regularised logistic regression by full-batch Adam:
// every step sees every sample in the same order, so the same corpus
// always gives the same weights.
func train(samples []sample) model {
	count := map[string]int{}
	for _, s := range samples {
		for _, f := range s.feats {
			count[f]++
		}
	}
	var names []string
	for f, n := range count {
		if n >= trainMinCount {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}
	rows := make([][]int, len(samples))
	for i, s := range samples {
		for _, f := range s.feats {
			if id, ok := index[f]; ok {
				rows[i] = append(rows[i], id)
			}
		}
	}
	n := len(names) + 1 // the bias is last
	w := make([]float64, n)
	grad := make([]float64, n)
	m1 := make([]float64, n)
	m2 := make([]float64, n)
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	inv := 1 / float64(len(samples))
	for step := 1; step <= trainSteps; step++ {
		clear(grad)
		for i, row := range rows {
			z := w[n-1]
			for _, id := range row {
				z += w[id]
			}
			y := 0.0
			if samples[i].urgent {
				y = 1
			}
			g := (1/(1+math.Exp(-z)) - y) * inv
			for _, id := range row {
				grad[id] += g
			}
			grad[n-1] += g
		}
		for j := range n - 1 {
			grad[j] += trainL2 * w[j]
		}
		c1 := 1 - math.Pow(beta1, float64(step))
		c2 := 1 - math.Pow(beta2, float64(step))
		for j := range n {
			m1[j] = beta1*m1[j] + (1-beta1)*grad[j]
			m2[j] = beta2*m2[j] + (1-beta2)*grad[j]*grad[j]
			w[j] -= trainRate * (m1[j] / c1) / (math.Sqrt(m2[j]/c2) + eps)
		}
	}
	out := model{w: make(map[string]float64, len(names)), bias: w[n-1]}
	for i, f := range names {
		out.w[f] = w[i]
	}
	return out
}

// crossValidate gives every sample's probability from a model trained
// without its fold: fold k holds every trainFolds-th line of each file,
// starting at its k-th.
func crossValidate(samples []sample) []float64 {
	fold := make([]int, len(samples))
	seen := map[string]int{}
	for i, s := range samples {
		fold[i] = seen[s.group] % trainFolds
		seen[s.group]++
	}
	probs := make([]float64, len(samples))
	for k := range trainFolds {
		var in []sample
		for i, s := range samples {
			if fold[i] != k {
				in = append(in, s)
			}
		}
		m := train(in)
		for i, s := range samples {
			if fold[i] == k {
				probs[i] = m.prob(s.feats)
			}
		}
	}
	return probs
}

// everyday reports whether a corpus group holds everyday lines.
func everyday(group string) bool {
	return strings.HasPrefix(group, "everyday_") || strings.Contains(group, "_everyday_")
}

// pickThreshold gives the lowest threshold, in thousandths, at which at
// most trainFalseRate of the everyday lines are Urgent out of fold.
func pickThreshold(samples []sample, probs []float64) float64 {
	var ps []float64
	for i, s := range samples {
		if everyday(s.group) {
			ps = append(ps, probs[i])
		}
	}
	slices.Sort(ps)
	slices.Reverse(ps)
	allowed := int(trainFalseRate * float64(len(ps)))
	t := math.Floor(ps[allowed]*1000)/1000 + 0.001
	for countAtLeast(ps, t) > allowed {
		t += 0.001
	}
	return math.Round(t*1000) / 1000
}

func countAtLeast(ps []float64, t float64) int {
	n := 0
	for _, p := range ps {
		if p >= t {
			n++
		}
	}
	return n
}

// cvReport sums up the cross-validation at a threshold, for the weights
// file's header.
func cvReport(samples []sample, probs []float64, t float64) string {
	var urg, urgN, day, dayN, con, conN int
	for i, s := range samples {
		hit := probs[i] >= t
		switch {
		case s.urgent:
			urgN++
			if hit {
				urg++
			}
		case everyday(s.group):
			dayN++
			if hit {
				day++
			}
		default:
			conN++
			if hit {
				con++
			}
		}
	}
	return fmt.Sprintf("Urgent %d/%d, everyday %d/%d, Concern %d/%d read as Urgent", urg, urgN, day, dayN, con, conN)
}

// weightsFile writes a model and its threshold as weights.tsv.
func weightsFile(m model, threshold float64, cv string) []byte {
	var b strings.Builder
	b.WriteString(`# The scorer's weights: written by training, never by hand (scorer.go).
# Retrain with: go generate ./bot/safety
# A logistic regression over stems and pairs of stems side by side, trained
# on every line of testdata/corpus: Urgent lines against everyday and
# Concern lines. A message is Urgent when its probability reaches
# :threshold, chosen by cross-validation to keep everyday false alarms low.
`)
	fmt.Fprintf(&b, "# %d-fold cross-validation at the threshold: %s.\n", trainFolds, cv)
	fmt.Fprintf(&b, ":bias\t%.4f\n:threshold\t%.3f\n", m.bias, threshold)
	names := make([]string, 0, len(m.w))
	for f := range m.w {
		names = append(names, f)
	}
	slices.Sort(names)
	for _, f := range names {
		if v := math.Round(m.w[f]*1e4) / 1e4; v != 0 {
			fmt.Fprintf(&b, "%s\t%.4f\n", f, v)
		}
	}
	return []byte(b.String())
}

// TestWeights: weights.tsv is what training on the corpus gives, so the
// scorer never drifts from the corpus it claims to be trained on. With
// -write-weights it writes the file instead.
func TestWeights(t *testing.T) {
	samples := corpusSamples(t, builtin)
	probs := crossValidate(samples)
	threshold := pickThreshold(samples, probs)
	cv := cvReport(samples, probs, threshold)
	t.Logf("threshold %.3f: %s", threshold, cv)
	got := weightsFile(train(samples), threshold, cv)
	if *writeWeights {
		if err := os.WriteFile("weights.tsv", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readScorer(weightsTSV)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := readScorer(got)
	if err != nil {
		t.Fatal(err)
	}
	if !sameScorer(want, fresh) {
		t.Fatal("weights.tsv is not what the corpus trains: run go generate ./bot/safety")
	}
}

// sameScorer compares two scorers to within rounding, so a machine that
// does its floating point a little differently still agrees.
func sameScorer(a, b *scorer) bool {
	const tol = 2e-3
	if math.Abs(a.bias-b.bias) > tol || math.Abs(a.threshold-b.threshold) > tol {
		return false
	}
	weight := func(s *scorer, f string) float64 {
		if x, y, two := strings.Cut(f, " "); two {
			if id, ok := s.pairs[[2]string{x, y}]; ok {
				return s.w[id]
			}
		} else if id, ok := s.ids[f]; ok {
			return s.w[id]
		}
		return 0
	}
	for _, s := range []*scorer{a, b} {
		for f := range s.ids {
			if math.Abs(weight(a, f)-weight(b, f)) > tol {
				return false
			}
		}
		for p := range s.pairs {
			f := p[0] + " " + p[1]
			if math.Abs(weight(a, f)-weight(b, f)) > tol {
				return false
			}
		}
	}
	return true
}
