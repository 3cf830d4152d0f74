package store

import (
	"context"
	"fmt"
)

// ModeratorRoles returns the roles a server's admins named as moderator
// roles, in the order they were added; it has the shape of
// bot.ModeratorRoles.
func (s *Store) ModeratorRoles(ctx context.Context, guildID string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT role_id FROM moderator_roles WHERE guild_id = ? ORDER BY added_at, role_id", guildID)
	if err != nil {
		return nil, fmt.Errorf("list moderator roles: %w", err)
	}
	defer rows.Close()
	var roles []string
	for rows.Next() {
		var role string
		if err := rows.Scan(&role); err != nil {
			return nil, fmt.Errorf("list moderator roles: %w", err)
		}
		roles = append(roles, role)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list moderator roles: %w", err)
	}
	return roles, nil
}

// AddModeratorRole makes roleID a moderator role of the server; added is
// false when it already was one.
func (s *Store) AddModeratorRole(ctx context.Context, guildID, roleID, addedBy string) (added bool, err error) {
	res, err := s.db.ExecContext(ctx, "INSERT INTO moderator_roles (guild_id, role_id, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		guildID, roleID, addedBy, s.now().Unix())
	if err != nil {
		return false, fmt.Errorf("add moderator role: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("add moderator role: %w", err)
	}
	return n == 1, nil
}

// RemoveModeratorRole stops roleID being a moderator role of the server;
// removed is false when it was not one.
func (s *Store) RemoveModeratorRole(ctx context.Context, guildID, roleID string) (removed bool, err error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM moderator_roles WHERE guild_id = ? AND role_id = ?", guildID, roleID)
	if err != nil {
		return false, fmt.Errorf("remove moderator role: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("remove moderator role: %w", err)
	}
	return n == 1, nil
}
