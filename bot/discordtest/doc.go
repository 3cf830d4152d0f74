// Package discordtest is a stand-in for Discord that end-to-end tests run the
// real, unmodified discordgo v0.29.0 session against.
//
// Start listens on 127.0.0.1 (a random port) and serves two things:
//
//   - a REST API under /api/v9 and /api/v10 for the routes a bot like Spotter
//     uses: the gateway URL, the current user, application commands (bulk
//     overwrite and list), interaction callbacks, interaction webhooks
//     (@original and followups), DM channels, channel messages and pins on
//     both the deprecated /channels/{c}/pins and the new
//     /channels/{c}/messages/pins paths;
//   - a JSON gateway at /gateway: HELLO, IDENTIFY, READY and GUILD_CREATE,
//     heartbeats, RESUME with replay of missed dispatches, op 7 and op 9 on
//     demand, and INTERACTION_CREATE for the interactions a test performs.
//
// Or, for a bot in HTTP-interactions mode, the interactions themselves go
// the other way: SetInteractionsEndpoint checks the bot's endpoint as the
// Developer Portal does (a signed PING answered with PONG, a bad signature
// refused with 401); from then on every interaction is POSTed there, signed
// with the stand-in's Ed25519 key (PublicKey), and the reply body is taken
// as the interaction's callback under the same rules. PostToEndpoint sends
// hand-made requests (bad or stale signatures, other methods, big bodies).
// GET /users/@me/guilds and RemoveBotFromGuild let such a bot notice
// removals without a gateway.
//
// A bot reaches it by giving its discordgo.Session an http.Client whose
// RoundTripper rewrites https://discord.com/api/v9/... to APIURL(); the
// gateway URL then comes from GET /gateway (or /gateway/bot), as in
// production.
//
// What it fakes faithfully, because a bot can get these wrong:
//
//   - the 3 s callback deadline (10062), double acknowledgement (40060),
//     which callback types each interaction type accepts, the 15 min token
//     life, and that a deferred response only shows once it is edited;
//   - Discord's message, embed, component, modal and autocomplete limits,
//     answered with Discord's error bodies (400 50035 with an errors object
//     naming the field, 50006 for an empty message);
//   - closed DMs (403 50007), full pins (400 30003), unknown channels and
//     messages (10003, 10008), nonce + enforce_nonce deduplication;
//   - the global rate limit and per-route buckets with Discord's headers and
//     429 bodies (see ratelimit.go for the numbers);
//   - every JSON request body is checked against Discord's OpenAPI spec
//     (shared/discord-api/openapi.json) when it can be found; a body that
//     does not match, a call to a route the stand-in does not know, or a
//     gateway protocol error fails the test when the Server closes.
//
// What it does not fake: permissions are not computed from roles and
// overwrites (use FailNext for 50013), command permissions
// (default_member_permissions can be overridden by server admins, so every
// member can run every command here), voice, threads, reactions, sharding,
// zlib-stream transport compression, heartbeat timeouts, the invalid-request
// ban, gateway identify rate limits, and system messages such as "X pinned a
// message".
//
// Error messages follow Discord's wording where it is documented; form-error
// codes inside errors objects are Discord's where known and plausible
// otherwise. Lengths are counted in Unicode code points.
//
// A typical test: Start, give the bot an http.Client that rewrites
// discord.com to APIURL(), open it (closing it in t.Cleanup, which runs before
// the stand-in closes), WaitReady, then act as members with SlashCommand,
// Click, SubmitModal and friends and assert on Interaction.Original,
// Messages, DMs and Pins. See example_test.go.
package discordtest
