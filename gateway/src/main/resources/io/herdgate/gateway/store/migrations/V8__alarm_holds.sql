-- Why the desk did not send an alarm, written when it decides so (one row per alarm, the latest
-- decision): silenced, held while a gateway problem explains it, held as flapping, no route, every
-- recipient opted out, or over (cleared or acknowledged) before its message was due. released_ms is set
-- when a hold ends and the alarm is sent after all; a row without it is an alarm never sent, for the
-- stated reason. Times are milliseconds since 1970-01-01T00:00Z.
CREATE TABLE alarm_hold (
    alarm_id    INTEGER PRIMARY KEY REFERENCES alarm (id),
    reason      TEXT    NOT NULL CHECK (reason IN ('silenced', 'gateway_problem', 'flapping', 'no_route',
                                                   'opted_out', 'over_before_sending')),
    detail      TEXT    NOT NULL,
    held_ms     INTEGER NOT NULL,
    released_ms INTEGER
);
