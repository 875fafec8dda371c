-- A trigger's own Alertmanager labels (severity, team, ...), added to every message of it so that routing, grouping
-- and silences can tell triggers apart; severity is warning unless a trigger sets it. Parallel arrays, sorted by name
-- (as the outbox keeps attachments). Versions saved before have none.
ALTER TABLE triggers {{ON_CLUSTER}}
    ADD COLUMN IF NOT EXISTS label_names Array(String) DEFAULT [] AFTER include_money;

ALTER TABLE triggers {{ON_CLUSTER}}
    ADD COLUMN IF NOT EXISTS label_values Array(String) DEFAULT [] AFTER label_names
