package index

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"time"

	"signpost/bot"
	"signpost/wholefile"
)

// keptCatalogue is a bot.Catalogue as kept beside an index on disk. It
// holds the area's time zone by name, since a time.Location cannot be
// written as it is.
type keptCatalogue struct {
	AreaName string
	Zone     string
	Places   []bot.Place
	Topics   []bot.Topic
	Safety   bot.Safety
	Assets   []bot.Asset
	Sources  []bot.Source
	Terms    []bot.Term
	Holidays bot.Region
}

func writeCatalogue(path string, cat *bot.Catalogue) error {
	kept := keptCatalogue{AreaName: cat.Area.Name, Places: cat.Places, Topics: cat.Topics, Safety: cat.Safety, Assets: cat.Assets, Sources: cat.Sources,
		Terms: cat.Area.Terms, Holidays: cat.Area.Holidays}
	if cat.Area.Location != nil {
		kept.Zone = cat.Area.Location.String()
	}
	return wholefile.Write(path, 0o600, func(f io.Writer) error {
		w := bufio.NewWriter(f)
		if err := gob.NewEncoder(w).Encode(&kept); err != nil {
			return err
		}
		return w.Flush()
	})
}

func readCatalogue(path string) (*bot.Catalogue, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read the kept list: %w", err)
	}
	defer f.Close()
	var kept keptCatalogue
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&kept); err != nil {
		return nil, fmt.Errorf("read the kept list %s: %w", path, err)
	}
	cat := &bot.Catalogue{Area: bot.Area{Name: kept.AreaName, Terms: kept.Terms, Holidays: kept.Holidays}, Places: kept.Places, Topics: kept.Topics, Safety: kept.Safety, Assets: kept.Assets, Sources: kept.Sources}
	if kept.Zone != "" {
		loc, err := time.LoadLocation(kept.Zone)
		if err != nil {
			return nil, fmt.Errorf("read the kept list %s: %w", path, err)
		}
		cat.Area.Location = loc
	}
	return cat, nil
}
