package main

import "fmt"

// maxShardCount bounds discord.shard_count: Discord allows 2,500 servers a
// shard, so this covers bots far larger than Spotter will be.
const maxShardCount = 4096

// shardProblems checks discord.shard_count and discord.shard_ids: every
// process of a sharded bot must agree on the count, and each runs a set of
// distinct shards below it.
func (c Config) shardProblems() []string {
	var out []string
	d := c.Discord
	if d.ShardCount < 0 || d.ShardCount > maxShardCount {
		out = append(out, fmt.Sprintf("discord.shard_count %d must be from 0 to %d: 0 uses the count Discord recommends", d.ShardCount, maxShardCount))
		return out
	}
	if len(d.ShardIDs) > 0 && d.ShardCount == 0 {
		out = append(out, "discord.shard_ids needs discord.shard_count: every process must split the servers by the same count, so give it explicitly")
	}
	seen := map[int]bool{}
	for _, id := range d.ShardIDs {
		switch {
		case id < 0 || (d.ShardCount > 0 && id >= d.ShardCount):
			out = append(out, fmt.Sprintf("discord.shard_ids has %d, which is not a shard of discord.shard_count %d: ids run from 0 to shard_count-1", id, d.ShardCount))
		case seen[id]:
			out = append(out, fmt.Sprintf("discord.shard_ids lists shard %d twice", id))
		}
		seen[id] = true
	}
	if len(d.ShardIDs) > 0 && len(seen) < d.ShardCount && c.Database.Driver == DriverSQLite {
		out = append(out, "discord.shard_ids leaves shards to other processes, which must share this one's database: a member's DMs reach shard 0 whichever server they started in. Set database.driver = \"postgres\" (a SQLite file belongs to one process), or run every shard here")
	}
	if (d.ShardCount > 1 || len(d.ShardIDs) > 0) && d.Mode == "http" {
		out = append(out, "discord.shard_count and discord.shard_ids apply to mode \"gateway\": in mode \"http\" Discord spreads interactions over HTTP requests, with no shards; remove them")
	}
	return out
}
