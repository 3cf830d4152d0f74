# Spotter's container image. Build: docker build -t spotter .
# Run: see compose.yaml and the README's "Run in a container".

# Build stage: Go and gcc (SQLite is linked through cgo). The binary is
# built by scripts/build, the same script CI runs.
FROM golang:1.26-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN scripts/build /out/spotter

# Run stage: the binary, CA certificates for Discord's HTTPS, curl for the
# health check, and an unprivileged user. Same Debian release as the build
# stage, so the C library matches.
FROM debian:trixie-slim
RUN apt-get update \
	&& apt-get install -y --no-install-recommends ca-certificates curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin spotter \
	&& mkdir -p /data \
	&& chown spotter:spotter /data \
	&& chmod 0700 /data
COPY --from=build /out/spotter /usr/local/bin/spotter
COPY deploy/config.toml /etc/spotter/config.toml
USER 10001:10001
WORKDIR /data
# The database (and its -wal and -shm files) lives here.
VOLUME ["/data"]
# /healthz answers 200 only while the gateway is connected and the database
# takes reads and writes; http.listen in deploy/config.toml serves it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"]
# Spotter shuts down cleanly on SIGTERM within 10 seconds.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/spotter"]
CMD ["run", "-config", "/etc/spotter/config.toml"]
