// Package assets reads the asset file that community coaches keep: the
// area, the names people use for places and needs, and the venues with
// their activities. Every problem is reported with its line and a fix in
// plain English, so a coach can put it right without help.
package assets

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
	_ "time/tzdata" // time zones work on machines without a zoneinfo database
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// DefaultMaxBytes is the largest asset file read unless Options says
// otherwise. A town's list is well under a megabyte and 100,000 venues
// take about 120 MB; a file past this is the wrong file.
const DefaultMaxBytes = 256 << 20

// Options are what parsing needs from outside the file.
type Options struct {
	// Now dates the "not reviewed for 12 months" and "season is over"
	// warnings; the zero time skips them.
	Now time.Time
	// Postcodes places assets that give a postcode but no coordinates.
	Postcodes bot.Postcodes
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Problem is one thing wrong in an asset file. Errors stop the file being
// served; warnings do not.
type Problem struct {
	Line    int
	Warning bool
	Message string
}

// String reads like "line 42: 'Tuseday' is not a day; use mon, ...".
func (p Problem) String() string {
	if p.Warning {
		return fmt.Sprintf("line %d: warning: %s", p.Line, p.Message)
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Message)
}

// ErrInvalid is wrapped by the error Parse and Load return when the file
// has errors, so callers can tell a coach's mistake from a missing file.
var ErrInvalid = errors.New("the asset file has errors")

// Load reads and parses the asset file at path. A file that cannot be read
// gives an error naming the full path looked at.
func Load(path string, opt Options) (*bot.Catalogue, []Problem, error) {
	data, err := Read(path, opt)
	if err != nil {
		return nil, nil, err
	}
	cat, problems, err := Parse(data, opt)
	if err != nil {
		return nil, problems, fmt.Errorf("%s: %w", path, err)
	}
	return cat, problems, nil
}

// Read reads the asset file at path, up to one byte past the largest size
// Parse accepts, so Parse can say the file is too big. Reading and parsing
// apart lets a caller know exactly which bytes it parsed.
func Read(path string, opt Options) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			abs, _ := filepath.Abs(path)
			return nil, fmt.Errorf("no asset file at %s: give one with --assets FILE or $SIGNPOST_ASSETS", abs)
		}
		return nil, fmt.Errorf("read asset file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(opt.maxBytes())+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// Parse reads an asset file's contents. It returns every problem found,
// and the catalogue only when none of them is an error.
func Parse(data []byte, opt Options) (*bot.Catalogue, []Problem, error) {
	return parseWith(&parser{opt: opt}, data)
}

// parseWith is Parse, reading with p.
func parseWith(p *parser, data []byte) (*bot.Catalogue, []Problem, error) {
	cat := p.parse(data)
	if n := p.errors(); n > 0 {
		first := p.problems[0]
		for _, q := range p.problems {
			if !q.Warning {
				first = q
				break
			}
		}
		return nil, p.problems, fmt.Errorf("%w: %d error(s), the first at %s", ErrInvalid, n, first)
	}
	return cat, p.problems, nil
}

func (p *parser) parse(data []byte) *bot.Catalogue {
	if limit := p.opt.maxBytes(); len(data) > limit {
		p.errorAt(1, "the file is over %.1f MB, far more than an asset list needs; is it the right file?", float64(limit)/(1<<20))
		return nil
	}
	if !utf8.Valid(data) {
		p.errorAt(lineOfInvalidUTF8(data), "this line has characters that are not plain text; save the file as plain text (UTF-8), not as a Word document or spreadsheet")
		return nil
	}
	data = unixLines(data)
	if cat, ok := p.parseInGroups(data); ok && p.errors() == 0 {
		return cat
	}
	// A file the groups do not suit, or one with errors, is read whole,
	// so its problems are reported exactly as they always were.
	p.problems = nil
	return p.parseWhole(data)
}

// parseWhole reads data as one YAML tree.
func (p *parser) parseWhole(data []byte) *bot.Catalogue {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlError(err)
		if t := tabIndent(data); t > 0 {
			p.errorAt(t, "this line is indented with a tab; indent with spaces only")
			return nil
		}
		if q := unclosedQuote(data, line); q > 0 {
			p.errorAt(q, "a \" quote on this line is never closed; close it, or take it out")
			return nil
		}
		p.errorAt(line, "the layout is broken on or just after this line (%s); check the indentation uses spaces, not tabs, and that every quote and bracket is closed", msg)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
		p.errorAt(1, "the file is empty; it needs an area and at least one asset (see the example in README.md)")
		return nil
	}
	return p.catalogue(doc.Content[0])
}

// unixLines ends every line with "\n" alone, so lines are counted as
// editors count them: a file saved on Windows or an old Mac gives the same
// line numbers as one saved on Linux.
func unixLines(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
}

func lineOfInvalidUTF8(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// unclosedQuote is the first line, up to the one the YAML parser gave up
// on, with an odd number of double quotes: the parser itself often
// notices a missing quote many lines later.
func unclosedQuote(data []byte, upto int) int {
	for i, line := range bytes.SplitN(data, []byte("\n"), upto+1) {
		if i >= upto {
			break
		}
		text := bytes.ReplaceAll(line, []byte(`\"`), nil)
		if c := bytes.Index(text, []byte(" #")); c >= 0 && bytes.Count(text[:c], []byte(`"`))%2 == 0 {
			text = text[:c]
		}
		if bytes.HasPrefix(bytes.TrimSpace(text), []byte("#")) {
			continue
		}
		if bytes.Count(text, []byte(`"`))%2 == 1 {
			return i + 1
		}
	}
	return 0
}

// tabIndent is the first line indented with a tab, or 0.
func tabIndent(data []byte) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		if bytes.IndexByte(indent, '\t') >= 0 && len(bytes.TrimSpace(line)) > 0 {
			return i + 1
		}
	}
	return 0
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError pulls the line number out of yaml.v3's syntax errors.
func yamlError(err error) (int, string) {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 1, err.Error()
}
