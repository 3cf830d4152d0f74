package discordtest

import (
	"encoding/json"
	"strings"
)

// Message flags the stand-in looks at.
const (
	flagSuppressEmbeds = 1 << 2
	flagEphemeral      = 1 << 6
	flagLoading        = 1 << 7
	flagComponentsV2   = 1 << 15
)

// msgPayload is the message part of a create, edit, followup or callback
// body. present records which keys were sent, because an edit replaces only
// those (and null clears).
type msgPayload struct {
	present     map[string]bool
	Content     *string           `json:"content"`
	Embeds      []json.RawMessage `json:"embeds"`
	Components  []json.RawMessage `json:"components"`
	Attachments []struct {
		ID json.RawMessage `json:"id"`
	} `json:"attachments"`
	Flags        *int64          `json:"flags"`
	Nonce        json.RawMessage `json:"nonce"`
	EnforceNonce bool            `json:"enforce_nonce"`
	StickerIDs   []string        `json:"sticker_ids"`
	Poll         json.RawMessage `json:"poll"`
}

// parseMsgPayload decodes a message payload; a body that is not an object
// or has fields of the wrong JSON type is a form error.
func parseMsgPayload(data []byte, prefix string) (*msgPayload, *apiError) {
	p := &msgPayload{present: map[string]bool{}}
	if len(data) == 0 || string(data) == "null" {
		return p, nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		var f formErrors
		f.add(prefix, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
		return nil, f.err()
	}
	for k, v := range keys {
		p.present[k] = string(v) != "null"
	}
	if err := json.Unmarshal(data, p); err != nil {
		var f formErrors
		f.add(prefix, "MODEL_TYPE_CONVERT", err.Error())
		return nil, f.err()
	}
	return p, nil
}

func (p *msgPayload) flags() int64 {
	if p.Flags == nil {
		return 0
	}
	return *p.Flags
}

func (p *msgPayload) content() string {
	if p.Content == nil {
		return ""
	}
	return *p.Content
}

// checkLimits adds Discord's errors for content, embeds and components.
func (p *msgPayload) checkLimits(f *formErrors, prefix string) {
	if p.Content != nil {
		f.checkLen(join(prefix, "content"), *p.Content, 0, 2000)
	}
	checkEmbeds(f, join(prefix, "embeds"), p.Embeds)
	checkMessageComponents(f, join(prefix, "components"), p.Components, p.flags()&flagComponentsV2 != 0)
	if len(p.Attachments) > 10 {
		f.checkCount(join(prefix, "attachments"), len(p.Attachments), 0, 10)
	}
}

// isEmpty reports whether a message with this payload and nFiles uploads
// would show nothing; Discord answers those with 50006.
func (p *msgPayload) isEmpty(nFiles int) bool {
	return strings.TrimSpace(p.content()) == "" && len(p.Embeds) == 0 && len(p.Components) == 0 &&
		nFiles == 0 && len(p.StickerIDs) == 0 && !p.present["poll"]
}

// normalisedEmbeds returns the embeds as a JSON array, each with
// "type":"rich" when the bot left the type out, as Discord stores them.
func normalisedEmbeds(embeds []json.RawMessage) json.RawMessage {
	out := make([]map[string]any, 0, len(embeds))
	for _, e := range embeds {
		var m map[string]any
		if json.Unmarshal(e, &m) != nil || m == nil {
			continue
		}
		if t, _ := m["type"].(string); t == "" {
			m["type"] = "rich"
		}
		out = append(out, m)
	}
	b, _ := json.Marshal(out) // maps of decoded JSON always marshal.
	return b
}

func rawArray(items []json.RawMessage) json.RawMessage {
	if len(items) == 0 {
		return json.RawMessage("[]")
	}
	b, _ := json.Marshal(items) // valid raw JSON always marshals.
	return b
}
