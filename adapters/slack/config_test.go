package slack_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"signpost/adapters/slack"
	"signpost/bot"
)

func TestConfigProblemsNameTheFixNotTheToken(t *testing.T) {
	cases := []struct {
		name string
		cfg  slack.Config
		want string
	}{
		{"user token", slack.Config{BotToken: "xoxp-123-secretuser", AppToken: appToken}, "a user token (xoxp-)"},
		{"app token as bot token", slack.Config{BotToken: appToken, AppToken: appToken}, "SLACK_BOT_TOKEN must be the Bot User OAuth Token"},
		{"bot token as app token", slack.Config{BotToken: botToken, AppToken: botToken}, "SLACK_APP_TOKEN must be an App-Level Token"},
		{"no way in", slack.Config{BotToken: botToken}, "set SLACK_APP_TOKEN (xapp-) to use Socket Mode"},
		{"API URL", slack.Config{BotToken: botToken, AppToken: appToken, APIURL: "http://127.0.0.1:1/api"}, "must end in /"},
	}
	for _, c := range cases {
		_, err := slack.New(c.cfg, &fakeBot{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
			continue
		}
		for _, secret := range []string{"secretuser", "secretapptoken", "secretbottoken"} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: the error shows the token: %v", c.name, err)
			}
		}
	}
}

func TestRefusedTokensStopRun(t *testing.T) {
	fake := newFakeSlack(t)
	cases := []struct {
		name, bot, app, want string
	}{
		{"bot token", "xoxb-9999-wrongbottoken", appToken, "Slack refused SLACK_BOT_TOKEN (invalid_auth)"},
		{"app token", botToken, "xapp-1-A9-9999-wrongapptoken", "Slack refused SLACK_APP_TOKEN (invalid_auth)"},
	}
	for _, c := range cases {
		a, err := slack.New(slack.Config{BotToken: c.bot, AppToken: c.app, APIURL: fake.apiURL(), IDs: bot.NewPseudonyms(nil)}, &fakeBot{})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		err = a.Run(ctx)
		cancel()
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "wrong") {
			t.Errorf("%s: Run returned %v, want %q without the token", c.name, err, c.want)
		}
	}
}

func TestHTTPModeRunsUntilDone(t *testing.T) {
	h := startHTTP(t)
	select {
	case err := <-h.done:
		t.Fatalf("Run returned %v while ctx was live", err)
	case <-time.After(50 * time.Millisecond):
	}
	h.shutdown()
}

// TestManifest checks the app manifest asks for what the adapter uses.
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
			BotUser struct {
				DisplayName string `yaml:"display_name"`
			} `yaml:"bot_user"`
			AppHome struct {
				MessagesTab bool `yaml:"messages_tab_enabled"`
				ReadOnly    bool `yaml:"messages_tab_read_only_enabled"`
			} `yaml:"app_home"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				BotEvents []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest.yaml: %v", err)
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/signpost" {
		t.Errorf("slash commands %+v", m.Features.SlashCommands)
	}
	if m.Features.BotUser.DisplayName == "" || !m.Features.AppHome.MessagesTab || m.Features.AppHome.ReadOnly {
		t.Error("the bot user must exist and take direct messages")
	}
	if got, want := strings.Join(m.OAuth.Scopes.Bot, " "), "app_mentions:read chat:write commands im:history"; got != want {
		t.Errorf("scopes %q, want %q", got, want)
	}
	if got := strings.Join(m.Settings.Events.BotEvents, " "); got != "app_mention message.im" {
		t.Errorf("events %q", got)
	}
	if !m.Settings.Interactivity.Enabled || !m.Settings.SocketMode {
		t.Error("interactivity and Socket Mode must be on")
	}
}
