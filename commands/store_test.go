package commands

import "github.com/spotter-bot/spotter/bot/store"

// The SQLite adapter serves every feature's store interface.
var (
	_ Store        = (*store.Store)(nil)
	_ checkinStore = (*store.Store)(nil)
	_ noticeStore  = (*store.Store)(nil)
	_ coachStore   = (*store.Store)(nil)
	_ formTipStore = (*store.Store)(nil)
	_ privacyStore = (*store.Store)(nil)
	_ redFlagStore = (*store.Store)(nil)
	_ regionStore  = (*store.Store)(nil)
)
