package safety

// Why names the readings that decided text, so a failing corpus test can
// say which rule fired. For tests only.
func (c *Checker) Why(text string) []string {
	return c.rules.why(text)
}

// CompileRules exposes the rules compiler to tests.
func CompileRules(data []byte) error {
	_, err := compileRules(data)
	return err
}

// RulesYAML is the embedded rules file.
var RulesYAML = rulesYAML
