package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// tipChannel is what posting a scheduled tip needs of Discord.
type tipChannel interface {
	// send posts msg; a re-send of the same job returns the same message.
	send(ctx context.Context, channelID string, msg *discordgo.MessageSend) (*discordgo.Message, error)
	pin(ctx context.Context, channelID, messageID string) error
	unpin(ctx context.Context, channelID, messageID string) error
}

// postWeeklyTip runs one tip-of-the-week job: it posts the next card of the
// rotation, unpins the previous tip and pins the new one. When Discord says
// the schedule can never post again as it is (channel deleted, access or
// permission lost), the schedule is disabled with the reason, logged with
// ids only, and the series ends; transient failures are retried by the
// scheduler.
func (f *formTip) postWeeklyTip(ctx context.Context, job schedule.Job, d tipChannel, log *slog.Logger) error {
	var p formTipJob
	if err := job.Decode(&p); err != nil {
		return schedule.EndSeries(err)
	}
	log = log.With("job", job.ID, "guild", p.GuildID)
	sch, err := f.store.FormTipSchedule(ctx, p.GuildID)
	if errors.Is(err, spotter.ErrFormTipScheduleNotFound) {
		return schedule.EndSeries(nil)
	}
	if err != nil {
		return fmt.Errorf("tip of the week: %w", err)
	}
	if sch.DisabledReason != "" {
		return schedule.EndSeries(nil)
	}
	log = log.With("channel", sch.ChannelID)
	msg, cardID := f.tipOfTheWeek(sch.Rotation)
	posted, err := d.send(ctx, sch.ChannelID, msg)
	if err != nil {
		if reason := disabledReason(err); reason != "" {
			if derr := f.store.DisableFormTipSchedule(ctx, sch.GuildID, sch.ChannelID, reason); derr != nil {
				return fmt.Errorf("tip of the week: %w", derr)
			}
			log.Warn("tip of the week disabled: discord refused the post", "reason", reason, "code", bot.ErrorCode(err))
			return schedule.EndSeries(fmt.Errorf("tip of the week disabled (%s): %w", reason, err))
		}
		return fmt.Errorf("tip of the week: %w", err)
	}
	if posted.ID == sch.LastMessageID {
		// A re-run after this post was recorded: Discord matched the nonce
		// and returned the same message, so there is nothing left to do.
		return nil
	}
	log = log.With("message", posted.ID, "card", cardID)
	if sch.Pin {
		f.repin(ctx, d, sch, posted.ID, log)
	}
	recorded, err := f.store.RecordFormTipPosted(ctx, sch.GuildID, sch.ChannelID, sch.Rotation, posted.ID)
	if err != nil {
		return fmt.Errorf("tip of the week: %w", err)
	}
	if !recorded {
		log.Info("tip of the week posted while its schedule changed; the new schedule carries on")
	}
	return nil
}

// repin unpins the previous tip, then pins the new one: unpinning first
// frees a slot when the channel's pins are full. Pin trouble never undoes
// the post; it is logged.
func (f *formTip) repin(ctx context.Context, d tipChannel, sch spotter.FormTipSchedule, messageID string, log *slog.Logger) {
	if prev := sch.LastMessageID; prev != "" && prev != messageID {
		err := d.unpin(ctx, sch.ChannelID, prev)
		switch {
		case err == nil:
		case bot.ErrorCode(err) == bot.CodeUnknownMessage:
			// Someone deleted last week's tip: there is nothing to unpin,
			// and no reason to stop the schedule.
			log.Info("tip of the week: the previous tip was already deleted", "previous", prev)
		default:
			log.Warn("tip of the week: could not unpin the previous tip", "previous", prev, "code", bot.ErrorCode(err), "err", err)
		}
	}
	if err := d.pin(ctx, sch.ChannelID, messageID); err != nil {
		log.Warn("tip of the week posted but not pinned", "code", bot.ErrorCode(err), "err", err)
	}
}

// weeklyTipOut sends a scheduled tip through the scheduler's paced sender,
// with the job's nonce so that a re-send after a crash returns the message
// already posted, and pins through the same sender.
type weeklyTipOut struct {
	out   *schedule.Sender
	nonce string
}

func (w weeklyTipOut) send(ctx context.Context, channelID string, msg *discordgo.MessageSend) (*discordgo.Message, error) {
	m, err := w.out.Send(ctx, channelID, msg, w.nonce)
	if err != nil {
		return nil, fmt.Errorf("send tip of the week: %w", err)
	}
	return m, nil
}

func (w weeklyTipOut) pin(ctx context.Context, channelID, messageID string) error {
	return pinMessage(ctx, w.out, channelID, messageID, "tip of the week")
}

func (w weeklyTipOut) unpin(ctx context.Context, channelID, messageID string) error {
	return unpinMessage(ctx, w.out, channelID, messageID, "the next tip of the week replaces it")
}
