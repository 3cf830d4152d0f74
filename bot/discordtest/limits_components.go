package discordtest

import (
	"encoding/json"
	"fmt"
)

// Component types the limits distinguish.
const (
	compActionRow   = 1
	compButton      = 2
	compStringMenu  = 3
	compTextInput   = 4
	compChannelMenu = 8
	compTextDisplay = 10
	compLabel       = 18
	buttonLink      = 5
	buttonPremium   = 6
)

type componentBody struct {
	Type        int             `json:"type"`
	CustomID    *string         `json:"custom_id"`
	Label       *string         `json:"label"`
	Style       int             `json:"style"`
	URL         string          `json:"url"`
	Emoji       json.RawMessage `json:"emoji"`
	Components  []componentBody `json:"components"`
	Component   *componentBody  `json:"component"`
	Accessory   *componentBody  `json:"accessory"`
	Placeholder string          `json:"placeholder"`
	MinValues   *int            `json:"min_values"`
	MaxValues   *int            `json:"max_values"`
	MinLength   *int            `json:"min_length"`
	MaxLength   *int            `json:"max_length"`
	Required    *bool           `json:"required"`
	Value       string          `json:"value"`
	Options     []struct {
		Label       string `json:"label"`
		Value       string `json:"value"`
		Description string `json:"description"`
	} `json:"options"`
}

func isSelect(t int) bool { return t == compStringMenu || (t >= 5 && t <= compChannelMenu) }

// checkMessageComponents applies Discord's message component rules: at most
// 5 action rows, each with 1-5 buttons or exactly one select; custom_id of
// 1-100 characters, unique in the message; button labels of at most 80;
// selects with at most 25 options. Messages flagged IS_COMPONENTS_V2 have a
// different layout, left to the schema check; only custom_ids are checked.
func checkMessageComponents(f *formErrors, prefix string, raw []json.RawMessage, v2 bool) {
	comps, ok := decodeComponents(f, prefix, raw)
	if !ok {
		return
	}
	ids := map[string]bool{}
	if v2 {
		for i := range comps {
			walkCustomIDs(f, join(prefix, fmt.Sprint(i)), &comps[i], ids)
		}
		return
	}
	if len(comps) > 5 {
		f.checkCount(prefix, len(comps), 0, 5)
	}
	for i, row := range comps {
		p := join(prefix, fmt.Sprint(i))
		if row.Type != compActionRow {
			f.add(join(p, "type"), "UNION_TYPE_CHOICES", fmt.Sprintf("Value of field \"type\" must be one of (%d,).", compActionRow))
			continue
		}
		checkActionRow(f, p, row, ids)
	}
}

func decodeComponents(f *formErrors, prefix string, raw []json.RawMessage) ([]componentBody, bool) {
	comps := make([]componentBody, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &comps[i]); err != nil {
			f.add(join(prefix, fmt.Sprint(i)), "MODEL_TYPE_CONVERT", err.Error())
			return nil, false
		}
	}
	return comps, true
}

func checkActionRow(f *formErrors, p string, row componentBody, ids map[string]bool) {
	kids := join(p, "components")
	f.checkCount(kids, len(row.Components), 1, 5)
	selects := 0
	for _, c := range row.Components {
		if isSelect(c.Type) {
			selects++
		}
	}
	if selects > 0 && len(row.Components) > 1 {
		f.add(kids, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width")
	}
	for j := range row.Components {
		c := &row.Components[j]
		cp := join(kids, fmt.Sprint(j))
		switch {
		case c.Type == compButton:
			checkButton(f, cp, c)
		case isSelect(c.Type):
			checkSelect(f, cp, c)
		default:
			f.add(join(cp, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (2, 3, 5, 6, 7, 8).")
		}
		checkCustomID(f, cp, c, ids)
	}
}

func checkButton(f *formErrors, p string, c *componentBody) {
	if c.Label != nil {
		f.checkLen(join(p, "label"), *c.Label, 0, 80)
	}
	switch c.Style {
	case buttonLink:
		if c.URL == "" {
			f.required(join(p, "url"))
		}
		if c.CustomID != nil {
			f.add(join(p, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id cannot be set on a link button")
		}
	case buttonPremium:
	default:
		if c.CustomID == nil {
			f.add(join(p, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", "A custom id is required")
		}
	}
	if (c.Label == nil || *c.Label == "") && len(c.Emoji) == 0 && c.Style != buttonPremium {
		f.add(join(p, "label"), "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED", "A label or an emoji is required")
	}
}

func checkSelect(f *formErrors, p string, c *componentBody) {
	if c.CustomID == nil {
		f.required(join(p, "custom_id"))
	}
	f.checkLen(join(p, "placeholder"), c.Placeholder, 0, 150)
	if c.Type == compStringMenu {
		f.checkCount(join(p, "options"), len(c.Options), 1, 25)
		for i, o := range c.Options {
			op := join(join(p, "options"), fmt.Sprint(i))
			f.checkLen(join(op, "label"), o.Label, 1, 100)
			f.checkLen(join(op, "value"), o.Value, 1, 100)
			f.checkLen(join(op, "description"), o.Description, 0, 100)
		}
	}
	if c.MinValues != nil && (*c.MinValues < 0 || *c.MinValues > 25) {
		f.add(join(p, "min_values"), "NUMBER_TYPE_MAX", "int value should be between 0 and 25.")
	}
	if c.MaxValues != nil && (*c.MaxValues < 1 || *c.MaxValues > 25) {
		f.add(join(p, "max_values"), "NUMBER_TYPE_MAX", "int value should be between 1 and 25.")
	}
}

// checkCustomID checks one component's custom_id length and uniqueness.
func checkCustomID(f *formErrors, p string, c *componentBody, ids map[string]bool) {
	if c.CustomID == nil {
		return
	}
	id := *c.CustomID
	f.checkLen(join(p, "custom_id"), id, 1, 100)
	if ids[id] {
		f.add(join(p, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
	}
	ids[id] = true
}

// walkCustomIDs checks custom_ids anywhere in a components-v2 tree.
func walkCustomIDs(f *formErrors, p string, c *componentBody, ids map[string]bool) {
	checkCustomID(f, p, c, ids)
	if c.Type == compButton && c.Label != nil {
		f.checkLen(join(p, "label"), *c.Label, 0, 80)
	}
	for i := range c.Components {
		walkCustomIDs(f, join(join(p, "components"), fmt.Sprint(i)), &c.Components[i], ids)
	}
	if c.Accessory != nil {
		walkCustomIDs(f, join(p, "accessory"), c.Accessory, ids)
	}
	if c.Component != nil {
		walkCustomIDs(f, join(p, "component"), c.Component, ids)
	}
}

// checkModal applies the modal rules: title 1-45, custom_id 1-100, 1-5
// top-level components; an action row holds exactly one text input with a
// custom_id of 1-100 and a label of 1-45 characters.
func checkModal(f *formErrors, p string, data json.RawMessage) {
	var m struct {
		Title      *string           `json:"title"`
		CustomID   *string           `json:"custom_id"`
		Components []json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(data, &m); err != nil || len(data) == 0 {
		f.required(p)
		return
	}
	if m.Title == nil {
		f.required(join(p, "title"))
	} else {
		f.checkLen(join(p, "title"), *m.Title, 1, 45)
	}
	if m.CustomID == nil {
		f.required(join(p, "custom_id"))
	} else {
		f.checkLen(join(p, "custom_id"), *m.CustomID, 1, 100)
	}
	kids := join(p, "components")
	f.checkCount(kids, len(m.Components), 1, 5)
	comps, ok := decodeComponents(f, kids, m.Components)
	if !ok {
		return
	}
	ids := map[string]bool{}
	for i := range comps {
		cp := join(kids, fmt.Sprint(i))
		switch c := &comps[i]; c.Type {
		case compActionRow:
			f.checkCount(join(cp, "components"), len(c.Components), 1, 1)
			for j := range c.Components {
				checkTextInput(f, join(join(cp, "components"), fmt.Sprint(j)), &c.Components[j], ids)
			}
		case compLabel:
			if c.Component != nil {
				walkCustomIDs(f, join(cp, "component"), c.Component, ids)
			}
		case compTextDisplay:
		default:
			f.add(join(cp, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1, 10, 18).")
		}
	}
}

func checkTextInput(f *formErrors, p string, c *componentBody, ids map[string]bool) {
	if c.Type != compTextInput {
		f.add(join(p, "type"), "UNION_TYPE_CHOICES", fmt.Sprintf("Value of field \"type\" must be one of (%d,).", compTextInput))
		return
	}
	if c.CustomID == nil {
		f.required(join(p, "custom_id"))
	}
	checkCustomID(f, p, c, ids)
	if c.Label == nil {
		f.required(join(p, "label"))
	} else {
		f.checkLen(join(p, "label"), *c.Label, 1, 45)
	}
	if c.Style != 1 && c.Style != 2 {
		f.add(join(p, "style"), "BASE_TYPE_CHOICES", "Value must be one of (1, 2).")
	}
	f.checkLen(join(p, "placeholder"), c.Placeholder, 0, 100)
	f.checkLen(join(p, "value"), c.Value, 0, 4000)
}
