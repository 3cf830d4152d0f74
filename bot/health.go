package bot

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Pinger is anything that can say whether it answers, like the database.
type Pinger interface {
	Ping(ctx context.Context) error
}

// WritePinger is a Pinger that can also say whether it takes writes.
type WritePinger interface {
	PingWrite(ctx context.Context) error
}

func writesFail(ctx context.Context, db Pinger) bool {
	w, ok := db.(WritePinger)
	return ok && w.PingWrite(ctx) != nil
}

// HealthHandler serves GET /healthz (200 only while the gateway is connected
// and the database answers reads and, if it is a WritePinger, writes) and GET /metrics (Prometheus text format).
func HealthHandler(connected func() bool, db Pinger, metrics *Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		switch {
		case !connected():
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("gateway: not connected\n"))
		case db.Ping(ctx) != nil:
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("database: not answering\n"))
		case writesFail(ctx, db):
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("database: writes failing (locked, full or read-only)\n"))
		default:
			w.Write([]byte("ok\n"))
		}
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(metrics.Registry, promhttp.HandlerOpts{}))
	return mux
}
