package bot

import (
	"encoding/json"
	"maps"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestParseExtrasReadsTheResolvedChannelsPermissions(t *testing.T) {
	for name, tc := range map[string]struct {
		raw  string
		want map[string]int64
	}{
		"command with a channel option": {
			raw:  `{"id":"1","type":2,"data":{"name":"tip","type":1,"options":[{"name":"in","type":7,"value":"20"}],"resolved":{"channels":{"20":{"id":"20","type":0,"permissions":"8192"},"21":{"id":"21","type":0,"permissions":"x"}}}}}`,
			want: map[string]int64{"20": 8192},
		},
		"command without one": {
			raw: `{"id":"1","type":2,"data":{"name":"help","type":1}}`,
		},
		"command resolving only users": {
			raw: `{"id":"1","type":2,"data":{"name":"sore-back","type":1,"options":[{"name":"for","type":6,"value":"30"}],"resolved":{"users":{"30":{"id":"30"}}}}}`,
		},
		"channel select": {
			raw:  `{"id":"1","type":3,"data":{"custom_id":"pick","component_type":8,"values":["20"],"resolved":{"channels":{"20":{"id":"20","type":0,"permissions":"16"}}}}}`,
			want: map[string]int64{"20": 16},
		},
	} {
		t.Run(name, func(t *testing.T) {
			var i discordgo.Interaction
			if err := json.Unmarshal([]byte(tc.raw), &i); err != nil {
				t.Fatal(err)
			}
			if got := parseExtras(&i, []byte(tc.raw)).channelPerms; !maps.Equal(got, tc.want) {
				t.Errorf("channel permissions = %v, want %v", got, tc.want)
			}
		})
	}
}
