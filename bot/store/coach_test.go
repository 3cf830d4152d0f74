package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

const coachC = "180000000000000003"

// shareWeekly shares member's summary with coach, weekly, through StartShare.
func shareWeekly(t *testing.T, s *Store, member, coach string) spotter.CoachShare {
	t.Helper()
	job := spotter.NewJob{Kind: "coach.update", Key: spotter.CoachShareKey(member, coach), UserID: member, RecipientID: coach, DueAt: s.now().Add(24 * time.Hour),
		Payload: []byte(fmt.Sprintf(`{"member":%q,"coach":%q}`, member, coach)), Spec: "0 9 * * 1", Zone: "UTC"}
	sh, err := s.StartShare(context.Background(), spotter.CoachShare{GuildID: guild, MemberID: member, CoachID: coach, Weekly: true,
		Zone: "UTC", ZoneSource: spotter.ZoneFromDefault}, &job)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func TestCoachRolesAddListRemove(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if added, err := s.AddCoachRole(ctx, guild, "500000000000000001", memberA); err != nil || !added {
		t.Fatalf("add: %v %v", added, err)
	}
	if added, _ := s.AddCoachRole(ctx, guild, "500000000000000001", memberA); added {
		t.Error("adding a role twice reported it added")
	}
	if roles, _ := s.CoachRoles(ctx, guild); !slices.Equal(roles, []string{"500000000000000001"}) {
		t.Errorf("roles %v", roles)
	}
	if removed, _ := s.RemoveCoachRole(ctx, guild, "500000000000000001"); !removed {
		t.Error("remove reported nothing removed")
	}
	if roles, _ := s.CoachRoles(ctx, guild); len(roles) != 0 {
		t.Errorf("roles after remove %v", roles)
	}
}

func TestShareStartEndAndItsWeeklyJob(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	sh := shareWeekly(t, s, memberA, coachC)
	if sh.Status != spotter.ShareActive || !sh.Weekly || sh.NextDue.IsZero() {
		t.Fatalf("share = %+v", sh)
	}
	again := shareWeekly(t, s, memberA, coachC)
	if again.ID != sh.ID {
		t.Errorf("sharing again with the same coach made a second share (%d, %d)", sh.ID, again.ID)
	}
	if err := s.RecordShareSend(ctx, sh.ID, 42, spotter.ShareSendWeekly, s.now()); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordShareSend(ctx, sh.ID, 42, spotter.ShareSendWeekly, s.now()); err != nil {
		t.Fatal(err)
	}
	if sent, _ := s.ShareJobSent(ctx, 42); !sent {
		t.Error("the job's send was not recorded")
	}
	if got, _, _ := s.Share(ctx, sh.ID); got.Sends != 1 {
		t.Errorf("a job's send recorded twice counts %d sends", got.Sends)
	}
	if ended, err := s.EndShare(ctx, sh.ID, spotter.ShareByMember, ""); err != nil || !ended {
		t.Fatalf("end: %v %v", ended, err)
	}
	if ended, _ := s.EndShare(ctx, sh.ID, spotter.ShareByMember, ""); ended {
		t.Error("ending an ended share reported it ended")
	}
	if _, ok, _ := s.PendingJob(ctx, spotter.CoachShareKey(memberA, coachC)); ok {
		t.Error("the weekly update is still queued after the share ended")
	}
	if _, ok, _ := s.LiveShare(ctx, memberA, coachC); ok {
		t.Error("an ended share is still live")
	}
	fresh := shareWeekly(t, s, memberA, coachC)
	if fresh.ID == sh.ID {
		t.Error("sharing after an end reopened the ended share instead of making a new one")
	}
	if all, _ := s.MemberShares(ctx, memberA, 10); len(all) != 2 || all[0].ID != fresh.ID || all[1].Status != spotter.ShareEnded {
		t.Errorf("member's shares = %+v", all)
	}
}

func TestSharePauseAndEndInGuildTellTheMember(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	sh := shareWeekly(t, s, memberA, coachC)
	shareWeekly(t, s, memberB, coachC)
	if paused, err := s.PauseShare(ctx, sh.ID, spotter.ShareCoachDMsClosed, spotter.NoticeShareCoachDMsClosed); err != nil || !paused {
		t.Fatalf("pause: %v %v", paused, err)
	}
	if _, ok, _ := s.PendingJob(ctx, spotter.CoachShareKey(memberA, coachC)); ok {
		t.Error("a paused share still has an update queued")
	}
	if kinds, _ := s.TakeMemberNotices(ctx, memberA); !slices.Equal(kinds, []string{spotter.NoticeShareCoachDMsClosed}) {
		t.Errorf("notices %v", kinds)
	}
	n, err := s.EndSharesInGuild(ctx, guild, coachC, true, spotter.ShareCoachLostRole, spotter.NoticeShareEnded)
	if err != nil || n != 2 {
		t.Fatalf("ended %d (%v), want both shares to the coach", n, err)
	}
	if live, _ := s.CoachShares(ctx, coachC); len(live) != 0 {
		t.Errorf("live shares left %+v", live)
	}
	if kinds, _ := s.TakeMemberNotices(ctx, memberB); !slices.Equal(kinds, []string{spotter.NoticeShareEnded}) {
		t.Errorf("member B notices %v", kinds)
	}
}

func TestDeletingEitherSideOfAShare(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	mine := shareWeekly(t, s, memberA, coachC)
	if err := s.RecordShareSend(ctx, mine.ID, 0, spotter.ShareSendFirst, s.now()); err != nil {
		t.Fatal(err)
	}
	shareWeekly(t, s, memberB, coachC)
	if _, err := s.AddCoachRole(ctx, guild, "500000000000000001", coachC); err != nil {
		t.Fatal(err)
	}

	export, err := s.ExportMember(ctx, coachC)
	if err != nil {
		t.Fatal(err)
	}
	if len(export.SharesWithYou) != 2 || export.SharesWithYou[0].MemberID != memberA || export.ModeratorTrail.CoachRolesNamed != 1 {
		t.Errorf("coach's export: %+v", export)
	}
	export, _ = s.ExportMember(ctx, memberA)
	if len(export.CoachShares) != 1 || export.CoachShares[0].CoachID != coachC || len(export.CoachShares[0].Sends) != 1 || !export.CoachShares[0].Weekly {
		t.Errorf("member's export: %+v", export.CoachShares)
	}

	if err := s.DeleteMember(ctx, coachC); err != nil {
		t.Fatal(err)
	}
	if left := rowsMentioning(t, s, coachC); len(left) > 0 {
		t.Errorf("after the coach's delete, rows still mention them: %s", strings.Join(left, ", "))
	}
	for _, m := range []string{memberA, memberB} {
		if kinds, _ := s.TakeMemberNotices(ctx, m); !slices.Contains(kinds, spotter.NoticeShareCoachDeleted) {
			t.Errorf("member %s was not told (notices %v)", m, kinds)
		}
	}
	history, _ := s.MemberShares(ctx, memberA, 10)
	if len(history) != 1 || history[0].Status != spotter.ShareEnded || history[0].Reason != spotter.ShareCoachDeleted || history[0].CoachID != "" {
		t.Errorf("member's history after the coach's delete: %+v", history)
	}

	if err := s.DeleteMember(ctx, memberA); err != nil {
		t.Fatal(err)
	}
	if left := rowsMentioning(t, s, memberA); len(left) > 0 {
		t.Errorf("after the member's delete, rows still mention them: %s", strings.Join(left, ", "))
	}
	if rest, _ := s.MemberShares(ctx, memberB, 10); len(rest) != 1 {
		t.Errorf("another member's share history was touched: %+v", rest)
	}
}
