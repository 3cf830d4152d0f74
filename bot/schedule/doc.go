// Package schedule runs Spotter's scheduled work: a durable due-job queue
// in the database (the source of truth, behind the Store port), a runner
// that claims due jobs in a transaction with a lease, hands each to the
// handler registered for its kind and records the outcome, and a paced
// sender for the Discord messages the handlers send.
//
// Several replicas may share one queue. Only the one that holds the lead
// (Leadership, a PostgreSQL advisory lock in production) claims jobs, so
// the fleet sends from one pacer and stays under Discord's global limit. A
// new leader ends the leases of the jobs the old one had claimed and holds
// its first request until the old one has certainly stopped.
//
// Jobs are generic: a kind, a key, a JSON payload, a due time and, for a
// recurring series, a 5-field cron spec read in an IANA time zone (see
// Recurrence). robfig/cron parses those specs and beats the runner's
// heartbeat; it never holds state that would be lost in a restart.
//
// Delivery is exactly once as far as Discord allows: a job claimed by a
// process that dies is claimed again when its lease expires, and every
// message carries a nonce derived from the job with enforce_nonce, so a
// re-send after a crash between sending and recording returns the message
// already created instead of posting a second one. Discord remembers nonces
// for a few minutes, which is why leases are short.
//
// After downtime, a job missed by less than the late grace runs once,
// marked late; an older one is skipped and its series moves to the next
// occurrence after now, so a restart never releases a backlog burst.
// Transient failures (rate limits, 5xx, network) are retried with
// exponential backoff; Discord's definite answers (such as 50007, the user
// does not accept DMs) are not.
package schedule
