package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/spotter-bot/spotter/bot"
)

// publicKeyHelp says where the application's public key is found.
const publicKeyHelp = "copy it from the Discord Developer Portal (https://discord.com/developers/applications > your app > General Information > Public Key)"

// transportProblems checks discord.mode and what mode "http" needs: the
// application's public key, a listener, and a path Discord can POST to.
func (c Config) transportProblems() []string {
	var out []string
	switch c.Discord.Mode {
	case bot.ModeGateway:
	case bot.ModeHTTP:
		if strings.TrimSpace(c.Discord.PublicKey) == "" {
			out = append(out, "discord.public_key is empty, but discord.mode = \"http\" needs it to check Discord's signatures: "+publicKeyHelp)
		} else if _, err := decodePublicKey(c.Discord.PublicKey); err != nil {
			out = append(out, fmt.Sprintf("discord.public_key %v: %s", err, publicKeyHelp))
		}
		if c.HTTP.Listen == "" {
			out = append(out, "http.listen is empty, but discord.mode = \"http\" needs it: Discord POSTs interactions to http.listen + http.interactions_path (through your TLS reverse proxy); use e.g. \"127.0.0.1:8080\"")
		}
	default:
		out = append(out, fmt.Sprintf("discord.mode %q is not \"gateway\" or \"http\": \"gateway\" (the default) connects out to Discord; \"http\" serves an Interactions Endpoint URL", c.Discord.Mode))
	}
	p := c.HTTP.InteractionsPath
	switch {
	case !strings.HasPrefix(p, "/") || strings.ContainsAny(p, " ?#{}"):
		out = append(out, fmt.Sprintf("http.interactions_path %q is not a URL path: use e.g. \"/interactions\"", p))
	case p == "/healthz" || p == "/metrics" || p == "/":
		out = append(out, fmt.Sprintf("http.interactions_path %q is taken by the health listener: use e.g. \"/interactions\"", p))
	}
	return out
}

// decodePublicKey reads the hex Ed25519 key the Developer Portal shows.
func decodePublicKey(s string) (ed25519.PublicKey, error) {
	key, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("is not a %d-character hex Ed25519 public key", 2*ed25519.PublicKeySize)
	}
	return key, nil
}

// withInteractions serves Discord's HTTP interactions at path beside the
// health and metrics routes of health.
func withInteractions(health http.Handler, path string, interactions http.Handler, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(path, interactions)
	mux.Handle("/", health)
	logger.Info("serving Discord's HTTP interactions; set the Interactions Endpoint URL in the Developer Portal to your public HTTPS address with this path", "path", path)
	return mux
}

// publicKey is discord.public_key decoded, or nil when unset (gateway mode).
func (d DiscordConfig) publicKey() ed25519.PublicKey {
	key, _ := decodePublicKey(d.PublicKey) // Validate has reported a bad key.
	return key
}
