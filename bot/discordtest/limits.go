package discordtest

import (
	"encoding/json"
	"fmt"
)

type embedBody struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

// checkEmbeds applies Discord's embed limits: at most 10 embeds; title 256,
// description 4096, 25 fields of name 256 and value 1024, footer 2048,
// author name 256; and 6000 characters across all embeds of the message.
func checkEmbeds(f *formErrors, prefix string, embeds []json.RawMessage) {
	if len(embeds) > 10 {
		f.checkCount(prefix, len(embeds), 0, 10)
	}
	total := 0
	for i, raw := range embeds {
		p := join(prefix, fmt.Sprint(i))
		var e embedBody
		if err := json.Unmarshal(raw, &e); err != nil {
			f.add(p, "MODEL_TYPE_CONVERT", err.Error())
			continue
		}
		f.checkLen(join(p, "title"), e.Title, 0, 256)
		f.checkLen(join(p, "description"), e.Description, 0, 4096)
		total += runeLen(e.Title) + runeLen(e.Description)
		if len(e.Fields) > 25 {
			f.checkCount(join(p, "fields"), len(e.Fields), 0, 25)
		}
		for j, fl := range e.Fields {
			fp := join(join(p, "fields"), fmt.Sprint(j))
			f.checkLen(join(fp, "name"), fl.Name, 1, 256)
			f.checkLen(join(fp, "value"), fl.Value, 1, 1024)
			total += runeLen(fl.Name) + runeLen(fl.Value)
		}
		if e.Footer != nil {
			f.checkLen(join(p, "footer.text"), e.Footer.Text, 1, 2048)
			total += runeLen(e.Footer.Text)
		}
		if e.Author != nil {
			f.checkLen(join(p, "author.name"), e.Author.Name, 1, 256)
			total += runeLen(e.Author.Name)
		}
	}
	if total > 6000 {
		f.add(prefix, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
	}
}

// checkChoices applies the autocomplete result limits: at most 25 choices,
// names of 1-100 characters, string values of at most 100.
func checkChoices(f *formErrors, prefix string, choices []json.RawMessage) {
	if len(choices) > 25 {
		f.checkCount(prefix, len(choices), 0, 25)
	}
	for i, raw := range choices {
		p := join(prefix, fmt.Sprint(i))
		var c struct {
			Name  *string `json:"name"`
			Value any     `json:"value"`
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			f.add(p, "MODEL_TYPE_CONVERT", err.Error())
			continue
		}
		if c.Name == nil {
			f.required(join(p, "name"))
		} else {
			f.checkLen(join(p, "name"), *c.Name, 1, 100)
		}
		switch v := c.Value.(type) {
		case nil:
			f.required(join(p, "value"))
		case string:
			f.checkLen(join(p, "value"), v, 0, 100)
		}
	}
}
