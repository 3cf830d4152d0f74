//go:build cgo

package main

// cgoEnabled says whether SQLite (go-sqlite3, a cgo package) is linked in.
const cgoEnabled = true
