package bot

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics are the Prometheus series Spotter exports at /metrics.
type Metrics struct {
	Registry *prometheus.Registry
	// Interactions counts handled interactions by route and outcome (ok,
	// user_error, storage_error, error, expired, send_failed, refused_shutting_down).
	Interactions *prometheus.CounterVec
	// HandlerSeconds is the time from receipt to the response being sent.
	HandlerSeconds *prometheus.HistogramVec
	// RESTErrors counts Discord's error answers by HTTP status and JSON code.
	RESTErrors *prometheus.CounterVec
	// Jobs counts scheduled jobs by kind and state (due, sent, failed).
	Jobs *prometheus.CounterVec
	// SchedulerLeader is 1 while this process leads the replicas and sends
	// the scheduled messages, else 0.
	SchedulerLeader prometheus.Gauge
}

// NewMetrics creates the series in a fresh registry, with Go runtime and
// process collectors.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		Interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spotter_interactions_total",
			Help: "Interactions handled, by route and outcome.",
		}, []string{"route", "outcome"}),
		HandlerSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "spotter_interaction_seconds",
			Help:    "Time from receiving an interaction to sending its response.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
		RESTErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spotter_discord_rest_errors_total",
			Help: "Error answers from Discord's REST API, by HTTP status and Discord error code.",
		}, []string{"status", "code"}),
		Jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spotter_scheduled_jobs_total",
			Help: "Scheduled jobs by kind and state (due, sent, failed).",
		}, []string{"kind", "state"}),
		SchedulerLeader: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spotter_scheduler_leader",
			Help: "1 while this process leads the replicas and sends the scheduled messages.",
		}),
	}
	m.Registry.MustRegister(m.Interactions, m.HandlerSeconds, m.RESTErrors, m.Jobs, m.SchedulerLeader,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *Metrics) restError(status, code int) {
	m.RESTErrors.WithLabelValues(strconv.Itoa(status), strconv.Itoa(code)).Inc()
}
