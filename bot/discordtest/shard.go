package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Sharding, as Discord does it. A session identifies as shard [id, count]
// (no shard field means [0, 1]); guild g belongs to shard
// (g >> 22) % count, and only that shard's sessions are told about g: READY
// and GUILD_CREATE list its guilds, and g's events (interactions included)
// are dispatched to them alone. Direct messages go to shard 0. Several
// sessions, one per shard, are live at once, from one client or several.
//
// IDENTIFY is refused as Discord refuses it:
//   - a shard outside [0, count) is closed with 4010 Invalid shard;
//   - a session that would hold more than Options.MaxGuildsPerShard guilds
//     (2,500) is closed with 4011 Sharding required;
//   - with Options.IdentifyWindow set, a second IDENTIFY of a bucket
//     (shard_id % max_concurrency) within the window gets op 9 Invalid
//     Session (Discord's answer to an identify past max_concurrency) and is
//     recorded as a violation; a connection that keeps trying is closed
//     with 4008 Rate limited.

// Gateway close codes of sharding and pacing.
const (
	closeRateLimited      = 4008
	closeInvalidShard     = 4010
	closeShardingRequired = 4011
)

const (
	defaultMaxGuildsPerShard = 2500
	// guildsPerRecommendedShard is how many guilds GET /gateway/bot plans
	// per shard by default, leaving room to grow, as Discord does.
	guildsPerRecommendedShard = 1000
	// maxRefusedIdentifies is how many paced-out IDENTIFYs one connection
	// may send before it is closed with 4008.
	maxRefusedIdentifies = 5
)

// unsharded is the shard of a session that sent no shard field.
var unsharded = [2]int{0, 1}

// ShardOf returns the shard of count that guildID belongs to:
// (guild_id >> 22) % count. A DM (guildID "") belongs to shard 0.
func ShardOf(guildID string, count int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || count <= 1 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// IdentifyRecord is one IDENTIFY the gateway received.
type IdentifyRecord struct {
	At    time.Time
	Shard [2]int // [id, count]; [0, 1] when unsharded
	// Refused is why it was refused ("invalid shard", "sharding required",
	// "rate limited"), or "" when it started a session.
	Refused string
}

// IdentifyLog returns every IDENTIFY received, in order.
func (s *Server) IdentifyLog() []IdentifyRecord {
	s.gw.mu.Lock()
	defer s.gw.mu.Unlock()
	return append([]IdentifyRecord(nil), s.gw.identifyLog...)
}

// MaxConcurrency is the max_concurrency GET /gateway/bot announces.
func (s *Server) MaxConcurrency() int { return s.opts.MaxConcurrency }

// ShardConnected reports whether a live session of shard [id, count] has
// a connection.
func (s *Server) ShardConnected(id, count int) bool {
	return s.gw.shardIs([2]int{id, count}, (*gwSession).connected)
}

// shardIs reports whether shard has a live session for which ok holds.
func (g *gateway) shardIs(shard [2]int, ok func(*gwSession) bool) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	sess := g.live[shard]
	return sess != nil && !sess.invalid && ok(sess)
}

// WaitShards waits until every shard of count has a connected session
// whose client has sent a heartbeat on its connection (see gwSession.up).
func (s *Server) WaitShards(ctx context.Context, count int) error {
	all := func() bool {
		for id := range count {
			if !s.gw.shardIs([2]int{id, count}, (*gwSession).up) {
				return false
			}
		}
		return true
	}
	if err := s.sig.waitFor(ctx, all); err != nil {
		return fmt.Errorf("wait for %d shards to connect to the gateway: %w", count, err)
	}
	return nil
}

// guildsOn returns the configured guilds that belong to shard.
func (s *Server) guildsOn(shard [2]int) []Guild {
	var out []Guild
	for _, gd := range s.opts.Guilds {
		if ShardOf(gd.ID, shard[1]) == shard[0] {
			out = append(out, gd)
		}
	}
	return out
}

// owns reports whether sess is told about guildID's events.
func (sess *gwSession) owns(guildID string) bool {
	return ShardOf(guildID, sess.shard[1]) == sess.shard[0]
}

// checkShard applies the sharding rules to an IDENTIFY for shard; on a
// refusal it records it, closes the connection and returns false.
func (g *gateway) checkShard(c *gwConn, shard [2]int) bool {
	refuse := func(code int, why, text string) bool {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.identifyLog = append(g.identifyLog, IdentifyRecord{At: time.Now(), Shard: shard, Refused: why})
		g.closeWithLocked(c, code, text)
		return false
	}
	if shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1] {
		return refuse(closeInvalidShard, "invalid shard", "Invalid shard.")
	}
	if len(g.s.guildsOn(shard)) > g.s.opts.MaxGuildsPerShard {
		return refuse(closeShardingRequired, "sharding required", "Sharding required.")
	}
	return true
}

// paceLocked applies max_concurrency to an IDENTIFY for shard: false means
// it came too soon after the previous one of its bucket. It records the
// IDENTIFY either way; call with g.mu held.
func (g *gateway) paceLocked(shard [2]int) bool {
	now := time.Now()
	bucket := shard[0] % g.s.opts.MaxConcurrency
	window := g.s.opts.IdentifyWindow
	if last, ok := g.lastIdentify[bucket]; ok && window > 0 && now.Sub(last) < window {
		g.identifyLog = append(g.identifyLog, IdentifyRecord{At: now, Shard: shard, Refused: "rate limited"})
		return false
	}
	g.lastIdentify[bucket] = now
	g.identifyLog = append(g.identifyLog, IdentifyRecord{At: now, Shard: shard})
	return true
}

// refuseTooSoonLocked answers an IDENTIFY past max_concurrency with op 9,
// and hangs up on a connection that keeps trying; call with g.mu held. It
// returns whether the connection stays open.
func (g *gateway) refuseTooSoonLocked(c *gwConn, shard [2]int) bool {
	c.refused++
	g.s.violate(Violation{Kind: "gateway", Detail: fmt.Sprintf(
		"IDENTIFY of shard %v within %s of the previous one in its bucket (shard_id %% max_concurrency = %d): more than max_concurrency %d per window",
		shard, g.s.opts.IdentifyWindow, shard[0]%g.s.opts.MaxConcurrency, g.s.opts.MaxConcurrency)})
	if c.refused > maxRefusedIdentifies {
		g.closeWithLocked(c, closeRateLimited, "You are being rate limited.")
		return false
	}
	return g.writeLocked(c, frame{Op: 9, D: json.RawMessage("false")}, false) == nil
}

// routeGuild finds the guild an event is about, to dispatch it to that
// guild's shard: guild_id, else a GUILD_* event's own id, else the guild of
// channel_id; "" (a DM) goes to shard 0. Call without s.mu or g.mu held.
func (s *Server) routeGuild(event string, data json.RawMessage) string {
	var probe struct {
		GuildID   string `json:"guild_id"`
		ID        string `json:"id"`
		ChannelID string `json:"channel_id"`
	}
	_ = json.Unmarshal(data, &probe) // an event that is not an object goes to shard 0.
	switch {
	case probe.GuildID != "":
		return probe.GuildID
	case strings.HasPrefix(event, "GUILD_") && probe.ID != "":
		return probe.ID
	case probe.ChannelID != "":
		s.mu.Lock()
		defer s.mu.Unlock()
		if ch := s.channels[probe.ChannelID]; ch != nil {
			return ch.guildID
		}
	}
	return ""
}

// targetsLocked returns the live sessions told about guildID's events;
// call with g.mu held.
func (g *gateway) targetsLocked(guildID string) []*gwSession {
	var out []*gwSession
	for _, sess := range g.live {
		if !sess.invalid && sess.owns(guildID) {
			out = append(out, sess)
		}
	}
	return out
}

// liveLocked returns the sessions that have not been invalidated; call
// with g.mu held.
func (g *gateway) liveLocked() []*gwSession {
	var out []*gwSession
	for _, sess := range g.live {
		if !sess.invalid {
			out = append(out, sess)
		}
	}
	return out
}

func (c *call) getGatewayBot() {
	o := c.s.opts
	c.s.gw.mu.Lock()
	started := len(c.s.gw.identifyLog)
	c.s.gw.mu.Unlock()
	c.respond(http.StatusOK, map[string]any{
		"url":    c.s.gatewayURL(),
		"shards": o.RecommendedShards,
		"session_start_limit": map[string]int{
			"total": 1000, "remaining": max(0, 1000-started), "reset_after": 14400000, "max_concurrency": o.MaxConcurrency,
		},
	})
}
