package telegram

import (
	"testing"
	"time"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		text               string
		name, target, args string
		ok                 bool
	}{
		{"/start", "start", "", "", true},
		{"/START", "start", "", "", true},
		{"/near Tipton High Street", "near", "", "Tipton High Street", true},
		{"/near@Signpost_Bot  B69 ", "near", "Signpost_Bot", "B69", true},
		{"/help\nplease", "help", "", "please", true},
		{"/", "", "", "", false},
		{"/ help", "", "", "", false},
		{"/home/me", "", "", "", false},
		{"/near@", "", "", "", false},
		{"knitting /near", "", "", "", false},
	}
	for _, tt := range tests {
		name, target, args, ok := parseCommand(tt.text)
		if name != tt.name || target != tt.target || args != tt.args || ok != tt.ok {
			t.Errorf("parseCommand(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.text, name, target, args, ok, tt.name, tt.target, tt.args, tt.ok)
		}
	}
}

func TestStripMention(t *testing.T) {
	tests := []struct {
		text, want string
		found      bool
	}{
		{"@signpost_bot knitting near me", "knitting near me", true},
		{"knitting near me @SIGNPOST_BOT", "knitting near me", true},
		{"hey @signpost_bot, quiz?", "hey , quiz?", true},
		{"mail x@signpost_bots.org", "mail x@signpost_bots.org", false},
		{"@signpost_botty hi", "@signpost_botty hi", false},
	}
	for _, tt := range tests {
		if got, found := stripMention(tt.text, "signpost_bot"); got != tt.want || found != tt.found {
			t.Errorf("stripMention(%q) = %q, %v; want %q, %v", tt.text, got, found, tt.want, tt.found)
		}
	}
}

func TestHumanDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{24 * time.Hour: "24 hours", time.Hour: "1 hour", 48 * time.Hour: "2 days", 90 * time.Minute: "90 minutes", time.Second: "1 minute"} {
		if got := humanDuration(d); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
