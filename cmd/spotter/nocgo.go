//go:build !cgo

package main

// cgoEnabled says whether SQLite (go-sqlite3, a cgo package) is linked in:
// built with CGO_ENABLED=0, or without a C compiler, it is a stub that
// opens nothing.
const cgoEnabled = false
