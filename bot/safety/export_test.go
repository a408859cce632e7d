package safety

import "fmt"

// Why names the readings that decided text, and the scorer's
// probability, so a failing corpus test can say which rule fired. For
// tests only.
func (c *Checker) Why(text string) []string {
	toks := c.rules.normalise(text)
	_, known := c.rules.decide(toks)
	return append(c.rules.why(text), fmt.Sprintf("scorer %.3f of %.3f", c.scorer.prob(toks, known), c.scorer.threshold))
}

// CompileRules exposes the rules compiler to tests.
func CompileRules(data []byte) error {
	_, err := compileRules(data)
	return err
}

// RulesYAML is the embedded rules file.
var RulesYAML = rulesYAML
