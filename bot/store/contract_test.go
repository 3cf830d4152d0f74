package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spotter-bot/spotter"
)

// The store contract: every behaviour the features rely on, run against
// both adapters. Each case is an ordinary test of this package; run alone
// it uses SQLite, and inside TestStoreContract it runs once per adapter
// (openTestStore looks at the test's name to choose).
var contract = map[string]func(*testing.T){
	"AKeyHasAtMostOnePendingJob":                           TestAKeyHasAtMostOnePendingJob,
	"ClaimTakesDueJobsOnceInDueOrder":                      TestClaimTakesDueJobsOnceInDueOrder,
	"AnExpiredLeaseIsReclaimed":                            TestAnExpiredLeaseIsReclaimedAndRemembersTheEarlierAttempt,
	"ExtendLeasesKeepsJobsInProgress":                      TestExtendLeasesKeepsJobsInProgress,
	"FinishQueuesTheNextOccurrenceAtomically":              TestFinishQueuesTheNextOccurrenceAtomically,
	"FinishDoesNotForkASeriesRescheduledMeanwhile":         TestFinishDoesNotForkASeriesRescheduledMeanwhile,
	"RetryPutsTheJobBackUnlessSuperseded":                  TestRetryPutsTheJobBackUnlessSuperseded,
	"CancelJobsMatchesWholePrefixes":                       TestCancelJobsMatchesWholePrefixesAndOnlyPendingJobs,
	"PruneDeletesOnlyOldFinishedJobs":                      TestPruneDeletesOnlyOldFinishedJobs,
	"DMChannelCache":                                       TestDMChannelCache,
	"EnqueueJobCancelsThePendingJobsItSupersedes":          TestEnqueueJobCancelsThePendingJobsItSupersedes,
	"ClaimKeepsOneJobPerLaneAcrossReplicas":                testClaimKeepsOneJobPerLaneAcrossReplicas,
	"StartingAgainUpdatesThePlan":                          TestStartingAgainUpdatesThePlanInsteadOfDuplicatingIt,
	"PauseResumeAndStop":                                   TestPauseResumeAndStop,
	"ClosedDMsPauseThePlanAndLeaveOneNotice":               TestClosedDMsPauseThePlanAndLeaveOneNotice,
	"ResumingClearsAWaitingNotice":                         TestResumingClearsAWaitingNotice,
	"RescheduleReplacesTheQueuedCheckinOnlyWhileActive":    TestRescheduleReplacesTheQueuedCheckinOnlyWhileActive,
	"ASecondAnswerCorrectsTheFirst":                        TestASecondAnswerCorrectsTheFirst,
	"PainEntriesKeepOnlyWhatIsNeeded":                      TestPainEntriesKeepOnlyWhatIsNeeded,
	"CoachRolesAddListRemove":                              TestCoachRolesAddListRemove,
	"ShareStartEndAndItsWeeklyJob":                         TestShareStartEndAndItsWeeklyJob,
	"SharePauseAndEndInGuildTellTheMember":                 TestSharePauseAndEndInGuildTellTheMember,
	"DeletingEitherSideOfAShare":                           TestDeletingEitherSideOfAShare,
	"SaveFormTipKeepsEverythingAndStampsTheTime":           TestSaveFormTipKeepsEverythingAndStampsTheTime,
	"SaveFormTipTwiceKeepsOneEntry":                        TestSaveFormTipTwiceKeepsOneEntry,
	"FormTipsPagesNewestFirstPerServer":                    TestFormTipsPagesNewestFirstPerServer,
	"DeleteFormTipOnlyInItsServer":                         TestDeleteFormTipOnlyInItsServer,
	"ModeratorRolesAddListRemove":                          TestModeratorRolesAddListRemove,
	"FormTipScheduleLifecycle":                             TestFormTipScheduleLifecycle,
	"StartRedFlagRunKeepsOneRunPerMember":                  TestStartRedFlagRunKeepsOneRunPerMember,
	"RestartRedFlagRunReplacesTheOldRun":                   TestRestartRedFlagRunReplacesTheOldRun,
	"RestartRedFlagRunLeavesSomeoneElsesRunAlone":          TestRestartRedFlagRunLeavesSomeoneElsesRunAlone,
	"AdvanceRedFlagRunRefusesAnOldStep":                    TestAdvanceRedFlagRunRefusesAnOldStep,
	"FinishRedFlagRunKeepsOnlyTheLevelAndTime":             TestFinishRedFlagRunKeepsOnlyTheLevelAndTime,
	"StopRedFlagRunKeepsNothing":                           TestStopRedFlagRunKeepsNothing,
	"RedFlagRunRefusesAndDeletesAnExpiredRun":              TestRedFlagRunRefusesAndDeletesAnExpiredRun,
	"PurgeExpiredRedFlagRunsDeletesOnlyExpiredRuns":        TestPurgeExpiredRedFlagRunsDeletesOnlyExpiredRuns,
	"EveryTableIsClassifiedForMemberDeletion":              TestEveryTableIsClassifiedForMemberDeletion,
	"DeleteMemberLeavesNoRowReferringToThem":               TestDeleteMemberLeavesNoRowReferringToThem,
	"ExportHasEverythingStoredAboutTheMember":              TestExportHasEverythingStoredAboutTheMember,
	"PurgeDepartedGuildsHonoursTheGracePeriod":             TestPurgeDepartedGuildsHonoursTheGracePeriodAndARejoin,
	"PurgePainEntriesBeforeKeepsRecentOnes":                TestPurgePainEntriesBeforeKeepsRecentOnes,
	"DeleteAndExportRefuseIDsThatAreNotSnowflakes":         TestDeleteAndExportRefuseIDsThatAreNotSnowflakes,
	"ExportIncludesCheckinPrompts":                         TestExportIncludesCheckinPrompts,
	"RetentionPurgesOldCheckinPrompts":                     TestRetentionPurgesOldCheckinPrompts,
	"DetachFormTipsKeepsThemForModeratorsWithoutTheAuthor": TestDetachFormTipsKeepsThemForModeratorsWithoutTheAuthor,
	"MemberRegionDefaultsToEmptyAndCanBeCleared":           TestMemberRegionDefaultsToEmptyAndCanBeCleared,
	"PingWriteAndPing":                                     testPingWriteAndPing,
	"TakeOverJobsFreesOtherOwnersClaimsAtOnce":             TestTakeOverJobsFreesOtherOwnersClaimsAtOnce,
	"OneReplicaLeadsAndTheLeadPassesOn":                    TestOneReplicaLeadsAndTheLeadPassesOn,
}

// TestStoreContract runs the contract against SQLite and PostgreSQL.
func TestStoreContract(t *testing.T) {
	for _, adapter := range []string{"sqlite", "postgres"} {
		t.Run(adapter, func(t *testing.T) {
			if adapter == "postgres" {
				postgresTestURL(t) // skip (or, in CI, fail) once for the whole adapter
			}
			for name, test := range contract {
				t.Run(name, test)
			}
		})
	}
}

const postgresPrefix = "TestStoreContract/postgres/"

// openTestStore opens an empty store for t: SQLite in a temporary file,
// or, inside the contract suite's postgres branch, a fresh schema of this
// run's PostgreSQL database. where opens the same store again (reopen).
func openTestStore(t *testing.T, opts ...Option) (s *Store, where string) {
	t.Helper()
	if strings.HasPrefix(t.Name(), postgresPrefix) {
		where = freshSchema(t)
	} else {
		where = filepath.Join(t.TempDir(), "spotter.db")
	}
	return reopen(t, where, opts...), where
}

// reopen opens the store openTestStore returned where for, again.
func reopen(t *testing.T, where string, opts ...Option) *Store {
	t.Helper()
	var s *Store
	var err error
	if strings.HasPrefix(where, "postgres://") {
		s, err = OpenPostgres(context.Background(), where, opts...)
	} else {
		s, err = Open(context.Background(), where, opts...)
	}
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The PostgreSQL database of this test run, created on first use and
// dropped by TestMain.
var pgRun struct {
	once             sync.Once
	admin, url, name string
	err              error
	schemas          atomic.Int64
}

// postgresTestURL returns the URL of this run's own database, creating it
// on first use. Without a server the test is skipped, except in CI.
func postgresTestURL(t *testing.T) string {
	t.Helper()
	pgRun.once.Do(func() {
		pgRun.admin = os.Getenv("SPOTTER_TEST_POSTGRES_URL")
		if pgRun.admin == "" {
			pgRun.admin = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
		}
		b := make([]byte, 6)
		rand.Read(b)
		name := "spotter_test_" + hex.EncodeToString(b)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, pgRun.admin)
		if err != nil {
			pgRun.err = err
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
			pgRun.err = err
			return
		}
		u, err := url.Parse(pgRun.admin)
		if err != nil {
			pgRun.err = err
			return
		}
		u.Path = "/" + name
		pgRun.url, pgRun.name = u.String(), name
	})
	if pgRun.err != nil {
		msg := fmt.Sprintf("PostgreSQL is not reachable at SPOTTER_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test): %v; start it (pg_ctlcluster 15 main start) to run the PostgreSQL contract tests", pgRun.err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return pgRun.url
}

// freshSchema creates an empty schema in this run's database and returns a
// URL whose connections use it.
func freshSchema(t *testing.T) string {
	t.Helper()
	base := postgresTestURL(t)
	schema := fmt.Sprintf("t%d", pgRun.schemas.Add(1))
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// dropPostgresTestDB drops this run's database, if it made one.
func dropPostgresTestDB() error {
	if pgRun.name == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, pgRun.admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgRun.name+" WITH (FORCE)")
	return err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if err := dropPostgresTestDB(); err != nil {
		fmt.Fprintf(os.Stderr, "drop the test database %s: %v\n", pgRun.name, err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// Two replicas claiming at once never hold two jobs of one lane, and every
// due job is claimed exactly once.
func testClaimKeepsOneJobPerLaneAcrossReplicas(t *testing.T) {
	s, where := openTestStore(t)
	other := reopen(t, where)
	ctx := context.Background()
	const lanes, perLane = 20, 3
	for l := range lanes {
		for k := range perLane {
			mustEnqueue(t, s, job(fmt.Sprintf("checkin:%d:%d", 1000+l, k), at.Add(-time.Duration(perLane-k)*time.Minute)))
		}
	}
	var mu sync.Mutex
	claimedBy := map[int64]string{}
	held := map[string]bool{} // lanes with a job claimed and not yet finished
	var wg sync.WaitGroup
	for i, st := range []*Store{s, other, s, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := fmt.Sprintf("replica-%d", i)
			for round := 0; round < perLane*4; round++ {
				jobs, err := st.ClaimJobs(ctx, owner, at, time.Hour, 7)
				if err != nil {
					t.Errorf("claim: %v", err)
					return
				}
				mu.Lock()
				for _, j := range jobs {
					if prev, dup := claimedBy[j.ID]; dup {
						t.Errorf("job %d claimed by %s and %s", j.ID, prev, owner)
					}
					claimedBy[j.ID] = owner
					if held[spotter.JobLane(j.Key)] {
						t.Errorf("%s claimed job %d while its lane was held", owner, j.ID)
					}
					held[spotter.JobLane(j.Key)] = true
				}
				mu.Unlock()
				lanesHeld := map[string]bool{}
				for _, j := range jobs {
					lanesHeld[spotter.JobLane(j.Key)] = true
					mu.Lock()
					delete(held, spotter.JobLane(j.Key)) // before the finish commits: no false alarm
					mu.Unlock()
					if err := st.FinishJob(ctx, j.ID, owner, spotter.JobResult{State: spotter.JobDone}); err != nil {
						t.Errorf("finish: %v", err)
					}
				}
				if len(lanesHeld) != len(jobs) {
					t.Errorf("one claim took two jobs of one lane: %+v", jobs)
				}
			}
		}()
	}
	wg.Wait()
	if len(claimedBy) != lanes*perLane {
		t.Errorf("claimed %d jobs, want all %d", len(claimedBy), lanes*perLane)
	}
}

func testPingWriteAndPing(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.PingWrite(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.PingWrite(ctx); err != nil {
		t.Fatalf("second write check: %v", err)
	}
}
