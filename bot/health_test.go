package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type pingFunc func(context.Context) error

func (f pingFunc) Ping(ctx context.Context) error { return f(ctx) }

func TestHealthzIsOKOnlyWhenConnectedAndTheDatabaseAnswers(t *testing.T) {
	up := pingFunc(func(context.Context) error { return nil })
	down := pingFunc(func(context.Context) error { return errors.New("disk I/O error") })
	cases := []struct {
		name      string
		connected bool
		db        Pinger
		want      int
		body      string
	}{
		{"healthy", true, up, http.StatusOK, "ok"},
		{"gateway down", false, up, http.StatusServiceUnavailable, "gateway"},
		{"database down", true, down, http.StatusServiceUnavailable, "database"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := HealthHandler(func() bool { return tc.connected }, tc.db, NewMetrics())
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
			if rec.Code != tc.want || !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("got %d %q, want %d mentioning %q", rec.Code, rec.Body.String(), tc.want, tc.body)
			}
		})
	}
}

func TestMetricsCountDiscordErrorsByCode(t *testing.T) {
	m := NewMetrics()
	m.restError(http.StatusForbidden, CodeCannotDMUser)
	rec := httptest.NewRecorder()
	HealthHandler(func() bool { return true }, pingFunc(func(context.Context) error { return nil }), m).
		ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `spotter_discord_rest_errors_total{code="50007",status="403"} 1`) {
		t.Errorf("metrics lack the 50007 count:\n%s", rec.Body.String())
	}
}

type writePinger struct {
	pingFunc
	write error
}

func (w writePinger) PingWrite(context.Context) error { return w.write }

func TestHealthzReportsFailingWrites(t *testing.T) {
	db := writePinger{pingFunc: func(context.Context) error { return nil }, write: errors.New("database is locked")}
	rec := httptest.NewRecorder()
	HealthHandler(func() bool { return true }, db, NewMetrics()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "writes") {
		t.Errorf("got %d %q, want 503 saying writes fail", rec.Code, rec.Body.String())
	}
}
