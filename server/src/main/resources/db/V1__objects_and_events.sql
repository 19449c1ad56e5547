-- One row holds the global revision counter. Every write takes its row lock first, so writers
-- commit in revision order, and a rolled-back write gives its number back: no gaps.
CREATE TABLE vessel_revision (
  id integer PRIMARY KEY CHECK (id = 1),
  rv bigint NOT NULL
);
INSERT INTO vessel_revision (id, rv) VALUES (1, 0);

-- COLLATE "C": byte order, so key ranges and ordered pages use the primary-key index.
CREATE TABLE vessel_objects (
  resource  text COLLATE "C" NOT NULL,
  namespace text COLLATE "C" NOT NULL,
  name      text COLLATE "C" NOT NULL,
  rv        bigint NOT NULL,
  value     bytea NOT NULL,
  PRIMARY KEY (resource, namespace, name)
);

-- The change log the watch caches of every replica tail. type: 0 ADDED, 1 MODIFIED, 2 DELETED.
CREATE TABLE vessel_events (
  rv         bigint PRIMARY KEY,
  type       smallint NOT NULL,
  resource   text COLLATE "C" NOT NULL,
  namespace  text COLLATE "C" NOT NULL,
  name       text COLLATE "C" NOT NULL,
  value      bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The highest revision whose events were removed; older resumes answer 410 Expired.
CREATE TABLE vessel_compaction (
  id integer PRIMARY KEY CHECK (id = 1),
  compacted_rv bigint NOT NULL
);
INSERT INTO vessel_compaction (id, compacted_rv) VALUES (1, 0);
