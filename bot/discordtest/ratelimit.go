package discordtest

import (
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Per-route buckets. Discord does not publish its numbers and asks bots to
// read the headers; these are the ones it has been observed to send, rounded,
// and each can be overridden through Options.RouteLimits by route name.
// Buckets are keyed like Discord's: the route plus its major parameter
// (channel_id, guild_id, or webhook_id + token), so two channels never share
// a bucket. A bucket's window starts with its first request (a fixed window,
// as Discord's X-RateLimit-Reset-After counts down from there).
var defaultRouteLimits = map[string]RouteLimit{
	"POST /channels/{channel_id}/messages":                               {5, 5 * time.Second},
	"PATCH /channels/{channel_id}/messages/{message_id}":                 {5, 5 * time.Second},
	"DELETE /channels/{channel_id}/messages/{message_id}":                {5, time.Second},
	"GET /channels/{channel_id}/messages/{message_id}":                   {5, time.Second},
	"PUT /channels/{channel_id}/pins/{message_id}":                       {5, 5 * time.Second},
	"DELETE /channels/{channel_id}/pins/{message_id}":                    {5, 5 * time.Second},
	"GET /channels/{channel_id}/pins":                                    {5, 5 * time.Second},
	"POST /users/@me/channels":                                           {5, 5 * time.Second},
	"PUT /applications/{application_id}/commands":                        {5, 20 * time.Second},
	"PUT /applications/{application_id}/guilds/{guild_id}/commands":      {5, 20 * time.Second},
	"POST /webhooks/{webhook_id}/{webhook_token}":                        {5, 2 * time.Second},
	"PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}": {5, 2 * time.Second},
}

// defaultRouteLimit applies to routes not in the table above.
var defaultRouteLimit = RouteLimit{Limit: 5, Window: time.Second}

// rateLimiter holds the global window and the per-route buckets.
type rateLimiter struct {
	mu          sync.Mutex
	globalLimit int
	recent      []time.Time // request times within the last second
	buckets     map[string]*bucket
	overrides   map[string]RouteLimit
}

type bucket struct {
	count   int
	resetAt time.Time
}

func newRateLimiter(global int, overrides map[string]RouteLimit) *rateLimiter {
	return &rateLimiter{globalLimit: global, buckets: map[string]*bucket{}, overrides: overrides}
}

func (l *rateLimiter) limitFor(route string) RouteLimit {
	if rl, ok := l.overrides[route]; ok && rl.Limit > 0 && rl.Window > 0 {
		return rl
	}
	if rl, ok := defaultRouteLimits[route]; ok {
		return rl
	}
	return defaultRouteLimit
}

// allowGlobal applies the global limit as a sliding one-second window: a
// request is refused when GlobalRateLimit requests were let through in the
// second before it. It returns how long until a slot frees up.
func (l *rateLimiter) allowGlobal(now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	cut := now.Add(-time.Second)
	keep := l.recent[:0]
	for _, t := range l.recent {
		if t.After(cut) {
			keep = append(keep, t)
		}
	}
	l.recent = keep
	if len(l.recent) >= l.globalLimit {
		return false, l.recent[0].Add(time.Second).Sub(now)
	}
	l.recent = append(l.recent, now)
	return true, 0
}

// bucketState is what the X-RateLimit headers report.
type bucketState struct {
	hash       string
	limit      int
	remaining  int
	resetAt    time.Time
	resetAfter time.Duration
}

// take counts a request against the route's bucket for major; ok is false
// when the bucket is empty.
func (l *rateLimiter) take(route, major string, now time.Time) (bucketState, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	rl := l.limitFor(route)
	key := route + "|" + major
	b := l.buckets[key]
	if b == nil || !now.Before(b.resetAt) {
		b = &bucket{resetAt: now.Add(rl.Window)}
		l.buckets[key] = b
	}
	ok := b.count < rl.Limit
	if ok {
		b.count++
	}
	return bucketState{
		hash:       routeHash(route),
		limit:      rl.Limit,
		remaining:  rl.Limit - b.count,
		resetAt:    b.resetAt,
		resetAfter: b.resetAt.Sub(now),
	}, ok
}

// routeHash is the X-RateLimit-Bucket value: stable per route, without the
// major parameter, as Discord's.
func routeHash(route string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(route)) // hash.Hash never returns an error.
	return fmt.Sprintf("%016x", h.Sum64())
}

func (b bucketState) setHeaders(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(b.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(b.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(b.resetAt.UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", seconds(b.resetAfter))
	h.Set("X-RateLimit-Bucket", b.hash)
}

// rateLimitBody is Discord's 429 body.
type rateLimitBody struct {
	Message    string  `json:"message"`
	RetryAfter float64 `json:"retry_after"`
	Global     bool    `json:"global"`
}

func newRateLimitBody(wait time.Duration, global bool) rateLimitBody {
	return rateLimitBody{Message: "You are being rate limited.", RetryAfter: roundMillis(wait), Global: global}
}

// retryAfterHeader is the Retry-After header: whole seconds, rounded up.
func retryAfterHeader(wait time.Duration) string {
	return strconv.Itoa(int(math.Ceil(wait.Seconds())))
}

func seconds(d time.Duration) string { return strconv.FormatFloat(roundMillis(d), 'f', 3, 64) }

func roundMillis(d time.Duration) float64 {
	if d < 0 {
		d = 0
	}
	return math.Ceil(d.Seconds()*1000) / 1000
}
