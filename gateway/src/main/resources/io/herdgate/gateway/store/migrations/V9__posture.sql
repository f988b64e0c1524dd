-- Each cow's posture reference for the behaviour classifier (rules: PostureReference): the summed unit
-- gravity directions of her windows classified walking and grazing, and how many windows each holds. Eight
-- numbers per cow, rewritten with the detector checkpoint, so a restarted gateway tells her standing from
-- lying at once instead of after her next 30 s of walking and of grazing.
CREATE TABLE posture_reference (
    cow             TEXT    PRIMARY KEY,
    walking_x       REAL    NOT NULL,
    walking_y       REAL    NOT NULL,
    walking_z       REAL    NOT NULL,
    walking_windows INTEGER NOT NULL CHECK (walking_windows >= 0),
    grazing_x       REAL    NOT NULL,
    grazing_y       REAL    NOT NULL,
    grazing_z       REAL    NOT NULL,
    grazing_windows INTEGER NOT NULL CHECK (grazing_windows >= 0)
) WITHOUT ROWID;
