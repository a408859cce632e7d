package telegram_test

import (
	"errors"
	"strings"
	"testing"

	"signpost/adapters/telegram"
	"signpost/adapters/telegram/telegramtest"
)

func TestNewRefusesBadSettings(t *testing.T) {
	good := telegramtest.Token
	tests := []struct {
		name    string
		cfg     telegram.Config
		setting string
	}{
		{"empty token", telegram.Config{}, "token"},
		{"token without its secret part", telegram.Config{Token: "123456789"}, "token"},
		{"token with a space inside", telegram.Config{Token: "123456789:AAFake TokenForTestsOnly_abcdefghijkl"}, "token"},
		{"token that is a URL", telegram.Config{Token: "https://t.me/signpost_bot"}, "token"},
		{"API URL without a scheme", telegram.Config{Token: good, APIURL: "api.telegram.org"}, "API URL"},
		{"webhook URL without a path", telegram.Config{Token: good, WebhookURL: "https://signpost.example.org"}, "webhook URL"},
		{"webhook secret with odd characters", telegram.Config{Token: good, WebhookURL: "https://signpost.example.org/tg", WebhookSecret: "pass word!"}, "webhook secret"},
		{"negative rate", telegram.Config{Token: good, Rate: -1}, "rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := telegram.New(tt.cfg, fixed{})
			var ce *telegram.ConfigError
			if !errors.As(err, &ce) || ce.Setting != tt.setting {
				t.Fatalf("New = %v, want a problem with the %s", err, tt.setting)
			}
			if tt.cfg.Token != "" && strings.Contains(err.Error(), tt.cfg.Token) {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
	if _, err := telegram.New(telegram.Config{Token: "  " + good + "\n"}, fixed{}); err != nil {
		t.Errorf("a token pasted with spaces around it: %v", err)
	}
}

func TestRevokedTokenStopsRunWithAClearError(t *testing.T) {
	srv := telegramtest.NewServer(t)
	wrong := "987654321:AAOtherTokenNotKnownToTheServer_xyz"
	a, err := telegram.New(telegram.Config{Token: wrong, APIURL: srv.URL}, fixed{})
	if err != nil {
		t.Fatal(err)
	}
	err = a.Run(t.Context())
	if err == nil || !strings.Contains(err.Error(), "Telegram does not accept this bot token") || strings.Contains(err.Error(), wrong) {
		t.Errorf("Run = %v", err)
	}
}
