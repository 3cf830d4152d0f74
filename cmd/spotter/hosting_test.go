package main

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// No Docker engine runs where the tests run, so these check what can be
// checked without one: the files parse and agree with each other and with
// the configuration the image ships. .ci/run builds the binary with the
// script the Dockerfile runs.

func repoFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// composeFile is what compose.yaml and deploy/compose.replicas.yaml may
// hold; decoding with KnownFields catches a misspelled key, which Compose
// would reject.
type composeFile struct {
	Services map[string]struct {
		Build           any               `yaml:"build"`
		Image           string            `yaml:"image"`
		SecurityOpt     []string          `yaml:"security_opt"`
		Restart         string            `yaml:"restart"`
		DependsOn       any               `yaml:"depends_on"`
		Environment     map[string]string `yaml:"environment"`
		Volumes         []string          `yaml:"volumes"`
		Healthcheck     any               `yaml:"healthcheck"`
		Ports           []string          `yaml:"ports"`
		StopGracePeriod string            `yaml:"stop_grace_period"`
		Tmpfs           []string          `yaml:"tmpfs"`
		ReadOnly        bool              `yaml:"read_only"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestComposeFileRunsTheImageWithItsDataOnAVolume(t *testing.T) {
	var compose composeFile
	dec := yaml.NewDecoder(strings.NewReader(repoFile(t, "compose.yaml")))
	dec.KnownFields(true)
	if err := dec.Decode(&compose); err != nil {
		t.Fatalf("compose.yaml does not parse as a Compose file with the keys checked here: %v", err)
	}
	svc, ok := compose.Services["spotter"]
	if !ok {
		t.Fatalf("compose.yaml has no spotter service: %v", compose.Services)
	}
	if svc.Build != "." {
		t.Errorf("build %v, want the Dockerfile beside compose.yaml (.)", svc.Build)
	}
	if !strings.Contains(svc.Environment["DISCORD_TOKEN"], "${DISCORD_TOKEN") {
		t.Errorf("DISCORD_TOKEN should come from the environment or .env, not be written in compose.yaml: %q", svc.Environment["DISCORD_TOKEN"])
	}
	var volume string
	for _, v := range svc.Volumes {
		if name, target, ok := strings.Cut(v, ":"); ok && strings.HasPrefix(target, dataDir) {
			volume = name
		}
	}
	if _, declared := compose.Volumes[volume]; volume == "" || !declared {
		t.Errorf("%s should be a named volume declared in compose.yaml: volumes %v, declared %v", dataDir, svc.Volumes, compose.Volumes)
	}
	grace, err := time.ParseDuration(svc.StopGracePeriod)
	if err != nil || grace <= shutdownBudget {
		t.Errorf("stop_grace_period %q must exceed Spotter's %v shutdown budget, or Docker kills running interactions", svc.StopGracePeriod, shutdownBudget)
	}
	if svc.ReadOnly && !slices.Contains(svc.Tmpfs, "/tmp") {
		t.Error("a read-only container needs a tmpfs on /tmp for SQLite's temporary files")
	}
}

// dataDir is the image's volume, where the database lives.
const dataDir = "/data"

func TestDockerfileBuildsWithTheCIScriptAndRunsUnprivilegedWithAHealthCheck(t *testing.T) {
	dockerfile := repoFile(t, "Dockerfile")
	// One instruction per logical line: join continuations.
	text := strings.ReplaceAll(dockerfile, "\\\n", " ")
	var stages [][]string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "FROM ") {
			stages = append(stages, nil)
		}
		if len(stages) == 0 {
			t.Fatalf("instruction before the first FROM: %s", line)
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], line)
	}
	if len(stages) < 2 {
		t.Fatalf("want a multi-stage build (build, then run), got %d stage(s)", len(stages))
	}
	build, final := strings.Join(stages[0], "\n"), strings.Join(stages[len(stages)-1], "\n")
	if !regexp.MustCompile(`(?m)^RUN scripts/build /out/spotter$`).MatchString(build) {
		t.Errorf("the build stage must build with scripts/build, the script CI runs:\n%s", build)
	}
	if !strings.Contains(final, "COPY --from=build /out/spotter ") {
		t.Errorf("the run stage must hold the binary scripts/build made:\n%s", final)
	}
	if m := regexp.MustCompile(`(?m)^USER (\S+)`).FindStringSubmatch(final); m == nil || strings.HasPrefix(m[1], "root") || strings.HasPrefix(m[1], "0") {
		t.Errorf("the image must run as a user other than root: %v", m)
	}
	if !strings.Contains(final, `VOLUME ["`+dataDir+`"]`) {
		t.Errorf("the run stage must declare %s a volume", dataDir)
	}
	if _, err := os.Stat(filepath.Join("..", "..", "scripts", "build")); err != nil {
		t.Errorf("scripts/build: %v", err)
	}

	// The image's configuration keeps the database on the volume and serves
	// /healthz where the HEALTHCHECK asks.
	cfg, err := LoadConfig(filepath.Join("..", "..", "deploy", "config.toml"), envWith("DISCORD_TOKEN", "t"))
	if err != nil {
		t.Fatalf("deploy/config.toml: %v", err)
	}
	if !strings.HasPrefix(cfg.Database.Path, dataDir+"/") {
		t.Errorf("database.path %q is not on the %s volume", cfg.Database.Path, dataDir)
	}
	if !strings.Contains(final, "COPY deploy/config.toml /etc/spotter/config.toml") || !strings.Contains(final, `"-config", "/etc/spotter/config.toml"`) {
		t.Errorf("the image must run with deploy/config.toml:\n%s", final)
	}
	hc := regexp.MustCompile(`(?m)^HEALTHCHECK .*CMD .*"(http://[^"]+)"`).FindStringSubmatch(final)
	if hc == nil {
		t.Fatalf("no HEALTHCHECK with a URL in the run stage:\n%s", final)
	}
	host, port, _ := net.SplitHostPort(cfg.HTTP.Listen)
	if want := "http://" + net.JoinHostPort(host, port) + "/healthz"; hc[1] != want {
		t.Errorf("HEALTHCHECK asks %s, but http.listen in deploy/config.toml serves %s", hc[1], want)
	}
}

func TestDockerIgnoreKeepsSecretsAndDataOutOfTheImage(t *testing.T) {
	ignored := strings.Fields(repoFile(t, ".dockerignore"))
	for _, want := range []string{".git", "config.toml", ".env", "*.db", "*.db-wal"} {
		if !slices.Contains(ignored, want) {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
}

// The replicas compose file runs at least two Spotter replicas in HTTP
// mode on its PostgreSQL, with the secrets from .env, and its Caddyfile
// passes Discord's interactions, and nothing else, to every replica.
func TestReplicasComposeFileRunsTwoReplicasOnPostgresBehindTheBalancer(t *testing.T) {
	var compose composeFile
	dec := yaml.NewDecoder(strings.NewReader(repoFile(t, "deploy/compose.replicas.yaml")))
	dec.KnownFields(true)
	if err := dec.Decode(&compose); err != nil {
		t.Fatalf("deploy/compose.replicas.yaml does not parse as a Compose file with the keys checked here: %v", err)
	}
	db, ok := compose.Services["postgres"]
	if !ok || db.Image != "postgres:15" {
		t.Fatalf("want a postgres service on postgres:15, the version the tests run against: %+v", db)
	}
	if _, declared := compose.Volumes[strings.Split(db.Volumes[0], ":")[0]]; !declared {
		t.Errorf("PostgreSQL's data should be on a named volume: %v", db.Volumes)
	}
	var replicas []string
	for name, svc := range compose.Services {
		if svc.Image != "spotter:local" {
			continue
		}
		replicas = append(replicas, name)
		if !slices.Contains(svc.Volumes, "./replicas.toml:/etc/spotter/config.toml:ro") {
			t.Errorf("%s does not run with deploy/replicas.toml: %v", name, svc.Volumes)
		}
		for _, secret := range []string{"DISCORD_TOKEN", "DISCORD_PUBLIC_KEY"} {
			if !strings.HasPrefix(svc.Environment[secret], "${"+secret) {
				t.Errorf("%s: %s should come from .env, not be written in the file: %q", name, secret, svc.Environment[secret])
			}
		}
		if u := svc.Environment["DATABASE_URL"]; !strings.Contains(u, "${POSTGRES_PASSWORD}@postgres:5432/") {
			t.Errorf("%s: DATABASE_URL %q should reach the postgres service with the password from .env", name, u)
		}
		if grace, err := time.ParseDuration(svc.StopGracePeriod); err != nil || grace <= shutdownBudget {
			t.Errorf("%s: stop_grace_period %q must exceed Spotter's %v shutdown budget", name, svc.StopGracePeriod, shutdownBudget)
		}
	}
	if len(replicas) < 2 {
		t.Fatalf("want at least two Spotter replicas, got %v", replicas)
	}

	env := map[string]string{"DISCORD_TOKEN": "t", "DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32), "DATABASE_URL": "postgres://spotter:pw@postgres:5432/spotter"}
	cfg, err := LoadConfig(filepath.Join("..", "..", "deploy", "replicas.toml"), func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("deploy/replicas.toml with the .env values: %v", err)
	}
	if cfg.Discord.Mode != "http" || cfg.Database.Driver != DriverPostgres {
		t.Errorf("replicas need HTTP mode (any replica may answer any interaction) and PostgreSQL: mode %q, driver %q", cfg.Discord.Mode, cfg.Database.Driver)
	}
	_, port, err := net.SplitHostPort(cfg.HTTP.Listen)
	if err != nil {
		t.Fatal(err)
	}
	caddy := repoFile(t, "deploy/Caddyfile")
	if !strings.Contains(caddy, "handle "+cfg.HTTP.InteractionsPath+" {") {
		t.Errorf("the Caddyfile does not pass on %s, the interactions path:\n%s", cfg.HTTP.InteractionsPath, caddy)
	}
	for _, name := range replicas {
		if !strings.Contains(caddy, " "+name+":"+port) {
			t.Errorf("the Caddyfile does not balance to %s:%s", name, port)
		}
	}
	if !strings.Contains(caddy, "health_uri /healthz") || !strings.Contains(caddy, "respond 404") {
		t.Errorf("the Caddyfile should skip unhealthy replicas and answer 404 outside the interactions path:\n%s", caddy)
	}
}
