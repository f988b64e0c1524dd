-- A migration whose second statement fails: the first must not survive.
CREATE TABLE added_by_v2 (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
