package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportORUK: a council's feed becomes a file that check passes, the
// bot answers from with the dates the feed's descriptions give, and a
// second import writes the same ids; a feed that fails leaves the file as
// it was.
func TestImportORUK(t *testing.T) {
	page, err := os.ReadFile("../../feeds/testdata/oruk/v1-page.json")
	if err != nil {
		t.Fatal(err)
	}
	up := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up || r.URL.Path != "/api/services" {
			http.Error(w, "gone", http.StatusNotFound)
			return
		}
		w.Write(page)
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "imported.yaml")

	code, _, errOut := signpost(t, "", "import", "oruk", "--out", out, "--area", "Oldbury", srv.URL+"/api/services")
	if code != 0 || !strings.Contains(errOut, "5 activities at 4 venues written to") || !strings.Contains(errOut, "1 held in term time only") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	first, _ := os.ReadFile(out)
	if !strings.Contains(string(first), "# Imported by `signpost import oruk` from the Open Referral UK feed at "+srv.URL) ||
		!strings.Contains(string(first), "name: Oldbury") {
		t.Errorf("header or area missing:\n%.600s", first)
	}
	if code, stdout, _ := signpost(t, "", "check", out); code != 0 || !strings.Contains(stdout, "OK, 4 assets and 5 activities") {
		t.Errorf("check: exit %d\n%s", code, stdout)
	}
	// Saturday 5 December: every Monday would be the 7th; the 2nd Monday
	// of the month is the 14th.
	code, reply, errOut := signpost(t, "", "ask", "--assets", out, "--at", "2026-12-05T09:00:00Z", "--near", "52.5041,-2.0165", "carers coffee morning")
	if code != 0 || !strings.Contains(reply, "Mon 14 Dec") || strings.Contains(reply, "Mon 7 Dec") {
		t.Errorf("exit %d, reply:\n%s%s", code, reply, errOut)
	}

	if code, _, _ := signpost(t, "", "import", "oruk", "--out", out, srv.URL+"/api/services"); code != 0 {
		t.Fatal("second import failed")
	}
	second, _ := os.ReadFile(out)
	if ids(string(first)) != ids(string(second)) || ids(string(first)) == "" {
		t.Errorf("ids changed between imports:\n%s\n%s", ids(string(first)), ids(string(second)))
	}

	up = false
	code, _, errOut = signpost(t, "", "import", "oruk", "--out", out, srv.URL+"/api/services")
	if code != 1 || !strings.Contains(errOut, "Nothing was written") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if kept, _ := os.ReadFile(out); string(kept) != string(second) {
		t.Error("a failed import changed the file")
	}
	if code, _, _ := signpost(t, "", "import", "hsds", "x"); code != 2 {
		t.Errorf("an unknown standard exits %d, want 2", code)
	}
}

// TestImportOpenActive: a provider's page becomes a file check passes,
// with the feed's licence named at the top, and answers from it credit
// the publisher as the licence asks.
func TestImportOpenActive(t *testing.T) {
	code, stdout, errOut := signpost(t, "", "import", "openactive", "../../feeds/testdata/openactive/v2-page.json")
	if code != 0 || !strings.Contains(stdout, "Licence, as the feed states it: https://creativecommons.org/licenses/by/4.0/") {
		t.Fatalf("exit %d: %s\n%.500s", code, errOut, stdout)
	}
	path := filepath.Join(t.TempDir(), "oa.yaml")
	if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := signpost(t, "", "check", path); code != 0 || !strings.Contains(out, "OK, 2 assets and 3 activities") {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	code, reply, _ := signpost(t, "", "ask", "--assets", path, "--at", "2026-12-05T09:00:00Z", "--near", "B68 8NE", "walking netball")
	if code != 0 || !strings.Contains(reply, "Listing from Oldbury Netball Club, CC BY 4.0") {
		t.Errorf("the answer does not credit the feed's publisher:\n%s", reply)
	}
}

// ids are the id lines of an asset file, in order.
func ids(file string) string {
	var out []string
	for _, line := range strings.Split(file, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "- id: ") {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}

// TestExportORUK: the sample list written as Open Referral UK and
// imported again holds as many venues and activities, and check passes
// it.
func TestExportORUK(t *testing.T) {
	dir := t.TempDir()
	feed, file := filepath.Join(dir, "oruk.json"), filepath.Join(dir, "again.yaml")
	code, _, errOut := signpost(t, "", "export", "oruk", "--assets", "../../assets.yaml", "--out", feed)
	if code != 0 || !strings.Contains(errOut, "services written to") {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	if code, _, errOut := signpost(t, "", "import", "oruk", "--out", file, feed); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	_, before, _ := signpost(t, "", "check", "../../assets.yaml")
	_, after, _ := signpost(t, "", "check", file)
	if code, _, _ := signpost(t, "", "check", file); code != 0 {
		t.Fatalf("check of the re-imported file failed:\n%s", after)
	}
	counts := func(out string) string {
		i := strings.Index(out, "OK, ")
		j := strings.Index(out, " activities")
		if i < 0 || j < i {
			return ""
		}
		return out[i:j]
	}
	if counts(before) == "" || counts(before) != counts(after) {
		t.Errorf("before: %s\nafter: %s", before, after)
	}
	if code, _, _ := signpost(t, "", "export", "oruk", "--assets", "no-such.yaml"); code != 1 {
		t.Errorf("exporting a missing file exits %d, want 1", code)
	}
}
