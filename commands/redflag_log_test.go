package commands

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// TestRedFlagLogsNeverRevealAnswers runs checks to an emergency, a crisis,
// a stop and a refused click through the router and the logging middleware,
// and looks for any answer or outcome in the log.
func TestRedFlagLogsNeverRevealAnswers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := bot.NewRouter()
	registerRedFlag(r, Deps{Store: db, Knowledge: kb})
	serve := bot.Chain(r.Serve, bot.Logging())
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	user := &discordgo.User{ID: "1800000000000000001"}
	send := func(i *discordgo.Interaction) *bot.Response {
		t.Helper()
		i.User, i.ChannelID = user, "1900000000000000001"
		resp, err := serve(ctx, &bot.Request{Interaction: i, Received: time.Now(), Log: logger})
		if ue, ok := bot.AsUserError(err); ok {
			return bot.Ephemeral(ue.Message)
		}
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	start := func() *bot.Response {
		return send(&discordgo.Interaction{Type: discordgo.InteractionApplicationCommand, Data: discordgo.ApplicationCommandInteractionData{Name: redFlagName}})
	}
	// click uses a component of from, the message as the member sees it.
	click := func(from *bot.Response, customID string, values ...string) *bot.Response {
		return send(&discordgo.Interaction{Type: discordgo.InteractionMessageComponent, Data: discordgo.MessageComponentInteractionData{CustomID: customID, Values: values},
			Message: &discordgo.Message{ID: "1900000000000000002", Components: from.Components}})
	}
	answerAll := func(resp *bot.Response, replies map[string]redflag.Answer) (runID string) {
		for {
			s, ok := redFlagScreenShown(resp.Embeds)
			if !ok {
				return runID
			}
			stop := redFlagButtonWhere(t, resp, func(id string) bool { return strings.HasPrefix(id, redFlagStopID+":") })
			runID = strings.Split(stop, ":")[2]
			if s.Checklist {
				var ticked []string
				for _, q := range s.Questions {
					if _, ok := replies[q.ID]; ok {
						ticked = append(ticked, q.ID)
					}
				}
				if len(ticked) > 0 {
					resp = click(resp, redFlagMenuID(t, resp), ticked...)
				} else {
					resp = click(resp, redFlagButtonWhere(t, resp, func(id string) bool { return strings.HasPrefix(id, redFlagNoneID+":") }))
				}
				continue
			}
			reply, ok := replies[s.ID]
			if !ok {
				reply = redflag.AnswerNo
			}
			resp = click(resp, redFlagButtonEndingIn(t, resp, ":"+string(reply)))
		}
	}

	runs := []string{
		answerAll(start(), map[string]redflag.Answer{"saddle": redflag.AnswerYes}),
		answerAll(start(), map[string]redflag.Answer{"fever": redflag.AnswerYes, "one_leg": redflag.AnswerYes, "low_mood": redflag.AnswerCrisis}),
		answerAll(start(), map[string]redflag.Answer{"dark_pee": redflag.AnswerNotSure}),
	}
	first := start()
	next := click(first, redFlagButtonEndingIn(t, first, ":"+string(redflag.AnswerNo)))
	if refusal := click(first, redFlagButtonEndingIn(t, first, ":"+string(redflag.AnswerYes))); refusal.Content != redFlagStaleMsg {
		t.Fatalf("stale click answered %q", refusal.Content)
	}
	click(next, redFlagButtonWhere(t, next, func(id string) bool { return strings.HasPrefix(id, redFlagStopID) }))
	if _, asks := redFlagScreenShown(start().Embeds); !asks {
		t.Error("after Stop, starting again should begin a new check")
	}

	logged := logs.String()
	for _, id := range runs {
		if !strings.Contains(logged, id) {
			t.Errorf("the log does not name run %s, so it cannot be traced:\n%s", id, logged)
		}
	}
	secrets := []string{"saddle="}
	for _, q := range redflag.Questions() {
		secrets = append(secrets, q.ID)
	}
	for _, s := range redflag.Screens() {
		secrets = append(secrets, s.ID)
	}
	for l := redflag.LevelSelfCare; l <= redflag.LevelCrisis; l++ {
		secrets = append(secrets, l.String())
	}
	for _, s := range secrets {
		if strings.Contains(logged, s) {
			t.Errorf("the log reveals %q:\n%s", s, logged)
		}
	}
}

func redFlagButtonEndingIn(t *testing.T, resp *bot.Response, suffix string) string {
	t.Helper()
	return redFlagButtonWhere(t, resp, func(id string) bool { return strings.HasSuffix(id, suffix) })
}

func redFlagButtonWhere(t *testing.T, resp *bot.Response, match func(customID string) bool) string {
	t.Helper()
	for _, row := range resp.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if b, ok := c.(discordgo.Button); ok && match(b.CustomID) {
				return b.CustomID
			}
		}
	}
	t.Fatal("no matching button")
	return ""
}

// redFlagMenuID is the custom_id of a checklist's select menu.
func redFlagMenuID(t *testing.T, resp *bot.Response) string {
	t.Helper()
	for _, row := range resp.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if m, ok := c.(discordgo.SelectMenu); ok {
				return m.CustomID
			}
		}
	}
	t.Fatal("no select menu")
	return ""
}
