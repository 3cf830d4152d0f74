package discordtest

import "strings"

// route is one REST endpoint of the stand-in.
type route struct {
	method string
	// path is the route's template, as in Discord's docs and OpenAPI spec.
	path     string
	segments []string
	// bucket names the rate-limit bucket; routes that share one name it.
	bucket string
	// major lists the parameters that key the bucket.
	major []string
	// interaction marks interaction endpoints: exempt from the global
	// limit, authorised by the token in the path.
	interaction bool
	handle      func(*call)
}

func (r *route) name() string { return r.method + " " + r.path }

func (r *route) bucketName() string {
	if r.bucket != "" {
		return r.bucket
	}
	return r.name()
}

// match returns the route's parameters if path fits its template.
func (r *route) match(parts []string) (map[string]string, int, bool) {
	if len(parts) != len(r.segments) {
		return nil, 0, false
	}
	params := map[string]string{}
	literal := 0
	for i, seg := range r.segments {
		if strings.HasPrefix(seg, "{") {
			if parts[i] == "" {
				return nil, 0, false
			}
			params[strings.Trim(seg, "{}")] = parts[i]
			continue
		}
		if seg != parts[i] {
			return nil, 0, false
		}
		literal++
	}
	return params, literal, true
}

// router picks the most specific route (most literal segments) for a path.
type router struct{ routes []*route }

func newRouter(routes []*route) *router {
	for _, r := range routes {
		r.segments = strings.Split(strings.Trim(r.path, "/"), "/")
	}
	return &router{routes: routes}
}

// find returns the route for method and path; pathKnown reports whether some
// route has that path with another method (a 405 rather than a 404).
func (rt *router) find(method, path string) (found *route, params map[string]string, pathKnown bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	best := -1
	bestAny := -1
	for _, r := range rt.routes {
		p, literal, ok := r.match(parts)
		if !ok {
			continue
		}
		if literal > bestAny {
			bestAny = literal
		}
		if r.method == method && literal > best {
			found, params, best = r, p, literal
		}
	}
	return found, params, found == nil && bestAny >= 0
}

func apiRoutes() []*route {
	return []*route{
		{method: "GET", path: "/gateway", handle: (*call).getGateway},
		{method: "GET", path: "/gateway/bot", handle: (*call).getGatewayBot},
		{method: "GET", path: "/users/@me", handle: (*call).getCurrentUser},
		{method: "GET", path: "/users/@me/guilds", handle: (*call).getCurrentUserGuilds},
		{method: "GET", path: "/oauth2/applications/@me", handle: (*call).getCurrentApplication},
		{method: "GET", path: "/users/{user_id}", handle: (*call).getUser},
		{method: "POST", path: "/users/@me/channels", handle: (*call).createDM},
		{method: "GET", path: "/channels/{channel_id}", major: []string{"channel_id"}, handle: (*call).getChannel},
		{method: "GET", path: "/channels/{channel_id}/messages", major: []string{"channel_id"}, handle: (*call).listMessages},
		{method: "POST", path: "/channels/{channel_id}/messages", major: []string{"channel_id"}, handle: (*call).createMessage},
		{method: "GET", path: "/channels/{channel_id}/messages/{message_id}", major: []string{"channel_id"}, handle: (*call).getMessage},
		{method: "PATCH", path: "/channels/{channel_id}/messages/{message_id}", major: []string{"channel_id"}, handle: (*call).editMessage},
		{method: "DELETE", path: "/channels/{channel_id}/messages/{message_id}", major: []string{"channel_id"}, handle: (*call).deleteMessage},
		{method: "GET", path: "/channels/{channel_id}/pins", major: []string{"channel_id"}, handle: (*call).listPinsOld},
		{method: "PUT", path: "/channels/{channel_id}/pins/{message_id}", major: []string{"channel_id"}, handle: (*call).pin},
		{method: "DELETE", path: "/channels/{channel_id}/pins/{message_id}", major: []string{"channel_id"}, handle: (*call).unpin},
		{method: "GET", path: "/channels/{channel_id}/messages/pins", bucket: "GET /channels/{channel_id}/pins", major: []string{"channel_id"}, handle: (*call).listPins},
		{method: "PUT", path: "/channels/{channel_id}/messages/pins/{message_id}", bucket: "PUT /channels/{channel_id}/pins/{message_id}", major: []string{"channel_id"}, handle: (*call).pin},
		{method: "DELETE", path: "/channels/{channel_id}/messages/pins/{message_id}", bucket: "DELETE /channels/{channel_id}/pins/{message_id}", major: []string{"channel_id"}, handle: (*call).unpin},
		{method: "GET", path: "/guilds/{guild_id}/members/{user_id}", major: []string{"guild_id"}, handle: (*call).getMember},
		{method: "GET", path: "/applications/{application_id}/commands", major: []string{"application_id"}, handle: (*call).getCommands},
		{method: "PUT", path: "/applications/{application_id}/commands", major: []string{"application_id"}, handle: (*call).putCommands},
		{method: "GET", path: "/applications/{application_id}/guilds/{guild_id}/commands", major: []string{"application_id", "guild_id"}, handle: (*call).getCommands},
		{method: "PUT", path: "/applications/{application_id}/guilds/{guild_id}/commands", major: []string{"application_id", "guild_id"}, handle: (*call).putCommands},
		{method: "POST", path: "/interactions/{interaction_id}/{interaction_token}/callback", major: []string{"interaction_id", "interaction_token"}, interaction: true, handle: (*call).callback},
		{method: "POST", path: "/webhooks/{webhook_id}/{webhook_token}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).createFollowup},
		{method: "GET", path: "/webhooks/{webhook_id}/{webhook_token}/messages/@original", bucket: "GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).getWebhookMessage},
		{method: "PATCH", path: "/webhooks/{webhook_id}/{webhook_token}/messages/@original", bucket: "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).editWebhookMessage},
		{method: "DELETE", path: "/webhooks/{webhook_id}/{webhook_token}/messages/@original", bucket: "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).deleteWebhookMessage},
		{method: "GET", path: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).getWebhookMessage},
		{method: "PATCH", path: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).editWebhookMessage},
		{method: "DELETE", path: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", major: []string{"webhook_id", "webhook_token"}, interaction: true, handle: (*call).deleteWebhookMessage},
	}
}
