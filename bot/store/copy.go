package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// copyOrder lists every table in an order that inserts a row's parents
// before it. checkin_prompts and pain_entries point at each other, so the
// prompts' workout_entry_id is copied in a second pass (see CopyToPostgres).
var copyOrder = []string{
	"member_settings", "redflag_runs", "redflag_outcomes", "scheduled_jobs", "dm_channels",
	"checkin_plans", "checkin_prompts", "pain_entries", "member_notices", "form_tips",
	"moderator_roles", "form_tip_schedules", "guild_departures", "form_tip_offers", "health_probe",
	"coach_roles", "coach_shares", "coach_share_sends",
}

// TableCopy is how many rows one table holds on each side after a copy.
type TableCopy struct {
	Table          string
	Source, Target int64
}

// ErrTargetDiffers means the PostgreSQL database holds rows the SQLite one
// does not: it is not a copy of this database, and nothing is overwritten.
var ErrTargetDiffers = errors.New("the PostgreSQL database holds rows the SQLite database does not")

// CopyToPostgres copies every row of src, a SQLite store, into dst, a
// PostgreSQL store with its migrations applied, in one transaction, then
// compares row counts table by table. Rows already there (same primary key)
// are left as they are, so it is safe to run again; a target with rows
// that the source lacks is refused with ErrTargetDiffers.
func CopyToPostgres(ctx context.Context, src, dst *Store) ([]TableCopy, error) {
	if src.dialect != sqliteDialect || dst.dialect != postgresDialect {
		return nil, errors.New("copy to PostgreSQL: the source must be SQLite and the target PostgreSQL")
	}
	if err := checkTableList(ctx, src.db); err != nil {
		return nil, err
	}
	err := dst.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range copyOrder {
			if err := copyTable(ctx, src.db, tx, table); err != nil {
				return fmt.Errorf("copy %s: %w", table, err)
			}
		}
		// The second pass of the prompts' link to their workout reading.
		rows, err := src.db.QueryContext(ctx, "SELECT id, workout_entry_id FROM checkin_prompts WHERE workout_entry_id IS NOT NULL")
		if err != nil {
			return fmt.Errorf("read prompt links: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, entry int64
			if err := rows.Scan(&id, &entry); err != nil {
				return fmt.Errorf("read prompt links: %w", err)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE checkin_prompts SET workout_entry_id = ? WHERE id = ? AND workout_entry_id IS NULL", entry, id); err != nil {
				return fmt.Errorf("link prompt %d: %w", id, err)
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read prompt links: %w", err)
		}
		// Ids were copied as they were: new rows must be numbered after them.
		return renumberIdentities(ctx, tx)
	})
	if err != nil {
		return nil, fmt.Errorf("copy to PostgreSQL: %w", err)
	}
	return compareCounts(ctx, src.db, dst.db)
}

// renumberIdentities moves each identity column's sequence past the
// largest id copied (or back to 1 for an empty table).
func renumberIdentities(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT table_name FROM information_schema.columns
		WHERE column_name = 'id' AND is_identity = 'YES' AND table_schema = current_schema()`)
	if err != nil {
		return fmt.Errorf("list identity columns: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return fmt.Errorf("list identity columns: %w", err)
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list identity columns: %w", err)
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), GREATEST(m, 1), m > 0)
			FROM (SELECT COALESCE(MAX(id), 0) AS m FROM `+t+`) AS top`); err != nil {
			return fmt.Errorf("renumber %s: %w", t, err)
		}
	}
	return nil
}

// checkTableList refuses a SQLite database with a table the copy does not
// know, so no table is ever left behind silently.
func checkTableList(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
	if err != nil {
		return fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	known := map[string]bool{}
	for _, t := range copyOrder {
		known[t] = true
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("list tables: %w", err)
		}
		if !known[name] {
			return fmt.Errorf("copy to PostgreSQL: table %s is not known to the copy; update copyOrder", name)
		}
	}
	return rows.Err()
}

// copyTable inserts every row of table, skipping rows whose primary key is
// already there. The prompts' workout link waits for the second pass.
func copyTable(ctx context.Context, from *sql.DB, tx *sql.Tx, table string) error {
	cols, err := tableColumns(ctx, from, table)
	if err != nil {
		return err
	}
	rows, err := from.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+table)
	if err != nil {
		return err
	}
	defer rows.Close()
	insert := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ") ON CONFLICT DO NOTHING"
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		args := make([]any, len(vals))
		for i, v := range vals {
			switch {
			case table == "checkin_prompts" && cols[i] == "workout_entry_id":
				args[i] = nil
			default:
				if b, ok := v.([]byte); ok {
					v = string(b) // every column is TEXT or a number on both sides
				}
				args[i] = v
			}
		}
		if _, err := tx.ExecContext(ctx, insert, args...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// tableColumns lists a SQLite table's columns in order.
func tableColumns(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// compareCounts reports each table's rows on both sides, and fails when
// they differ.
func compareCounts(ctx context.Context, src, dst *sql.DB) ([]TableCopy, error) {
	var out []TableCopy
	var differs []string
	for _, table := range copyOrder {
		c := TableCopy{Table: table}
		if err := src.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&c.Source); err != nil {
			return nil, fmt.Errorf("count %s in SQLite: %w", table, err)
		}
		if err := dst.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&c.Target); err != nil {
			return nil, fmt.Errorf("count %s in PostgreSQL: %w", table, err)
		}
		if c.Source != c.Target {
			differs = append(differs, fmt.Sprintf("%s: %d in SQLite, %d in PostgreSQL", table, c.Source, c.Target))
		}
		out = append(out, c)
	}
	if len(differs) > 0 {
		return out, fmt.Errorf("%w: %s", ErrTargetDiffers, strings.Join(differs, "; "))
	}
	return out, nil
}
