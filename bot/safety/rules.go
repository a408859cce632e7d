package safety

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// rulesYAML holds every word and pattern that decides behaviour; see the
// comments in the file.
//
//go:embed rules.yaml
var rulesYAML []byte

// builtin is rules.yaml, compiled once when the package loads and never
// changed after. TestRulesCompile fails if it does not compile; were it ever
// to fail in a released binary, builtin would be empty rules, which flag
// nothing, and Checkers would still honour the coaches' words.
var builtin = mustRules(rulesYAML)

// mustRules compiles data, or gives empty rules if it cannot.
func mustRules(data []byte) *rules {
	r, err := compileRules(data)
	if err != nil {
		return emptyRules()
	}
	return r
}

// ruleFile is the shape of rules.yaml.
type ruleFile struct {
	Rewrite  map[string][]string            `yaml:"rewrite"`
	Fuzzy    fuzzySection                   `yaml:"fuzzy"`
	Families map[string][]string            `yaml:"families"`
	Urgent   map[string][]string            `yaml:"urgent"`
	Concern  map[string][]string            `yaml:"concern"`
	Guards   map[string][]string            `yaml:"guards"`
	Hints    map[string]map[string][]string `yaml:"hints"`
	Past     []string                       `yaml:"past"`
	Now      []string                       `yaml:"now"`
	Jest     jestSection                    `yaml:"jest"`
}

// jestSection lists the marks of a joke (laughter, "the cheek of it") and
// the words that say a message is meant in earnest all the same.
type jestSection struct {
	Markers []string `yaml:"markers"`
	Earnest []string `yaml:"earnest"`
}

// fuzzySection lists the words whose one-letter misspellings are mended,
// and real words that are one letter from them and must be left alone.
type fuzzySection struct {
	Words []string `yaml:"words"`
	Not   []string `yaml:"not"`
}

// kind is what a pattern does when it matches.
type kind int

const (
	kindGuard   kind = iota // a harmless reading (an idiom, grief, a question about a group): hides what it contains
	kindConcern             // distress without danger
	kindUrgent              // danger now
	kindPast                // marks its sentence as about the past ("two years ago")
	kindNow                 // marks its sentence as about now ("again", "tonight"), which outweighs kindPast
	kindHint                // ordinary alone ("my last night", "i know where the key is"), Urgent beside a hint of another group
	kindJest                // marks the message as a joke ("lol", "haha"): light readings are set aside
	kindEarnest             // marks the message as meant ("im scared", "not joking"), which outweighs kindJest
)

// rules is rules.yaml compiled: the normaliser's tables and the patterns,
// indexed by the words they can start with.
type rules struct {
	lexicon  map[string]bool          // every word the rules spell, for mending stretched and leet words
	rewrites map[string][]rewriteRule // by first word, longest first
	fuzzy    []string
	notFuzzy map[string]bool
	patterns []*pattern
	first    index
}

// rewriteRule replaces the words from with the words to.
type rewriteRule struct {
	from, to []string
}

// emptyRules normalise text but flag nothing.
func emptyRules() *rules {
	return &rules{lexicon: map[string]bool{}, rewrites: map[string][]rewriteRule{}, notFuzzy: map[string]bool{}, first: newIndex()}
}

// compileRules parses and checks a rules file.
func compileRules(data []byte) (*rules, error) {
	var f ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("safety rules: %w", err)
	}
	r := emptyRules()
	r.collectLexicon(&f)
	if err := r.compileRewrites(f.Rewrite); err != nil {
		return nil, fmt.Errorf("safety rules: rewrite: %w", err)
	}
	r.fuzzy = f.Fuzzy.Words
	for _, w := range f.Fuzzy.Not {
		r.notFuzzy[w] = true
	}
	b := &builder{r: r, families: f.Families, literals: map[string][]token{}, tries: map[string]*node{}, building: map[string]bool{}}
	sections := []struct {
		name string
		kind kind
		m    map[string][]string
	}{
		{"urgent", kindUrgent, f.Urgent},
		{"concern", kindConcern, f.Concern},
		{"guards", kindGuard, f.Guards},
		{"hints", kindHint, flatten(f.Hints)},
		{"past", kindPast, map[string][]string{"past": f.Past}},
		{"now", kindNow, map[string][]string{"now": f.Now}},
		{"jest", kindJest, map[string][]string{"markers": f.Jest.Markers}},
		{"jest", kindEarnest, map[string][]string{"earnest": f.Jest.Earnest}},
	}
	for _, s := range sections {
		for _, group := range sortedKeys(s.m) {
			for _, src := range s.m[group] {
				p, err := b.pattern(src, s.kind, s.name+"."+group)
				if err != nil {
					return nil, fmt.Errorf("safety rules: %s.%s: %q: %w", s.name, group, src, err)
				}
				p.group = s.name + "." + group
				p.family, _, _ = strings.Cut(p.group[len(s.name)+1:], ".")
				r.add(p)
			}
		}
	}
	if len(r.patterns) == 0 {
		return nil, errors.New("safety rules: no patterns")
	}
	return r, nil
}

// flatten names each hint group by its family and its own name
// ("leaving.place"), so hints compile like any other section.
func flatten(m map[string]map[string][]string) map[string][]string {
	out := map[string][]string{}
	for family, groups := range m {
		for group, list := range groups {
			out[family+"."+group] = list
		}
	}
	return out
}

// sortedKeys gives a map's keys in order, so rules compile the same way
// every time.
func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// collectLexicon records every word written anywhere in the file, as
// folded and split, before any mending: the words stretched or leet
// spellings are mended towards.
func (r *rules) collectLexicon(f *ruleFile) {
	addText := func(s string) {
		for _, w := range r.rawWords(fold(s)) {
			if w != boundaryWord {
				r.lexicon[w] = true
			}
		}
	}
	for to, froms := range f.Rewrite {
		addText(to)
		for _, from := range froms {
			addText(from)
		}
	}
	for _, w := range f.Fuzzy.Words {
		addText(w)
	}
	for _, m := range []map[string][]string{f.Families, f.Urgent, f.Concern, f.Guards, flatten(f.Hints)} {
		for _, list := range m {
			for _, s := range list {
				addText(s)
			}
		}
	}
	for _, s := range slices.Concat(f.Past, f.Now, f.Jest.Markers, f.Jest.Earnest) {
		addText(s)
	}
}

// known reports whether the rules spell w somewhere.
func (r *rules) known(w string) bool {
	return r.lexicon[w]
}

// compileRewrites reads "canonical: [variants]" into rules keyed by the
// variant's first word. A variant listed under two canonicals is an error.
func (r *rules) compileRewrites(m map[string][]string) error {
	seen := map[string]string{}
	for _, to := range sortedKeys(m) {
		toWords := r.plainWords(to)
		if len(toWords) == 0 {
			return fmt.Errorf("%q: no words to write", to)
		}
		for _, from := range m[to] {
			fromWords := r.plainWords(from)
			if len(fromWords) == 0 {
				return fmt.Errorf("%q under %q: no words", from, to)
			}
			key := strings.Join(fromWords, " ")
			if other, dup := seen[key]; dup {
				return fmt.Errorf("%q is listed under both %q and %q", from, other, to)
			}
			seen[key] = to
			r.rewrites[fromWords[0]] = append(r.rewrites[fromWords[0]], rewriteRule{from: fromWords, to: toWords})
		}
	}
	for _, list := range r.rewrites {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].from) > len(list[j].from) })
	}
	return nil
}

// plainWords folds and splits s, without mending: how rewrite entries are
// read.
func (r *rules) plainWords(s string) []string {
	var out []string
	for _, w := range r.rawWords(fold(s)) {
		if w != boundaryWord {
			out = append(out, w)
		}
	}
	return out
}

// rewrite applies the rewrite table to words, the longest match first at
// each place; what it writes is not rewritten again.
func (r *rules) rewrite(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		rule, ok := r.rewriteAt(words, i)
		if !ok {
			out = append(out, words[i])
			i++
			continue
		}
		out = append(out, rule.to...)
		i += len(rule.from)
	}
	return out
}

// rewriteAt finds the longest rewrite whose words start at i.
func (r *rules) rewriteAt(words []string, i int) (rewriteRule, bool) {
	for _, rule := range r.rewrites[words[i]] {
		if i+len(rule.from) <= len(words) && slices.Equal(words[i:i+len(rule.from)], rule.from) {
			return rule, true
		}
	}
	return rewriteRule{}, false
}
