package io.vessel.server.storage.pg;

/** The SQL of {@link PgStorage}, {@link PgChangeFeed} and {@link PgCompactor}, in one place. */
final class PgQueries {
  private PgQueries() {}

  /** Takes the global write lock and the next revision. Rolled back if the write fails. */
  static final String NEXT_REVISION =
      "UPDATE vessel_revision SET rv = rv + 1 WHERE id = 1 RETURNING rv";

  static final String CURRENT_REVISION = "SELECT rv FROM vessel_revision WHERE id = 1";

  /** A batch takes the write lock once, then assigns revisions to the writes that succeed. */
  static final String LOCK_REVISION = "SELECT rv FROM vessel_revision WHERE id = 1 FOR UPDATE";

  /** Ends a batch: the counter moves to the last revision given out, and wakes every feed. */
  static final String SET_REVISION =
      """
      WITH u AS (UPDATE vessel_revision SET rv = $1 WHERE id = 1 RETURNING rv)
      SELECT pg_notify('vessel_events', rv::text) FROM u
      """;


  /** A batched write: one row back iff written; the batch notifies once at the end. */
  static final String BATCH_CREATE =
      """
      WITH ins AS (
        INSERT INTO vessel_objects (resource, namespace, name, rv, value)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING rv),
      ev AS (
        INSERT INTO vessel_events (rv, type, resource, namespace, name, value)
        SELECT rv, 0, $1, $2, $3, $5 FROM ins RETURNING rv)
      SELECT rv FROM ev
      """;


  /** A batched write: one row back iff written; the batch notifies once at the end. */
  static final String BATCH_UPDATE =
      """
      WITH upd AS (
        UPDATE vessel_objects SET rv = $4, value = $5
        WHERE resource = $1 AND namespace = $2 AND name = $3 AND rv = $6 RETURNING rv),
      ev AS (
        INSERT INTO vessel_events (rv, type, resource, namespace, name, value)
        SELECT rv, 1, $1, $2, $3, $5 FROM upd RETURNING rv)
      SELECT rv FROM ev
      """;


  /** A batched write: one row back iff written; the batch notifies once at the end. */
  static final String BATCH_DELETE =
      """
      WITH del AS (
        DELETE FROM vessel_objects
        WHERE resource = $1 AND namespace = $2 AND name = $3 AND rv = $6 RETURNING rv),
      ev AS (
        INSERT INTO vessel_events (rv, type, resource, namespace, name, value)
        SELECT $4, 2, $1, $2, $3, $5 FROM del RETURNING rv),
      released AS (
        DELETE FROM vessel_claims
        WHERE resource = $1 AND namespace = $2 AND name = $3 AND EXISTS (SELECT 1 FROM del))
      SELECT rv FROM ev
      """;

  /** Drops the claims of object $1/$2/$3 before it takes its new set. */
  static final String RELEASE_CLAIMS =
      "DELETE FROM vessel_claims WHERE resource = $1 AND namespace = $2 AND name = $3";

  /**
   * Claims pools $4[i] / values $5[i] for object $1/$2/$3; returns the rows written, so a claim
   * missing from the result is held by another object.
   */
  static final String INSERT_CLAIMS =
      """
      INSERT INTO vessel_claims (pool, value, resource, namespace, name)
      SELECT p, v, $1, $2, $3 FROM unnest($4::text[], $5::bigint[]) AS t(p, v)
      ON CONFLICT DO NOTHING RETURNING pool, value
      """;

  static final String CLAIMED = "SELECT value FROM vessel_claims WHERE pool = $1";

  static final String GET =
      "SELECT rv, value FROM vessel_objects WHERE resource = $1 AND namespace = $2 AND name = $3";

  static final String CURRENT_RV_OF_KEY =
      "SELECT rv FROM vessel_objects WHERE resource = $1 AND namespace = $2 AND name = $3";

  static final String BEGIN_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

  /** $1 resource, $2 namespace ('' = all), $3/$4 the key to start after, $5 limit (NULL = all). */
  static final String LIST_PAGE =
      """
      SELECT namespace, name, rv, value, count(*) OVER () AS total FROM vessel_objects
      WHERE resource = $1 AND ($2 = '' OR namespace = $2) AND (namespace, name) > ($3, $4)
      ORDER BY namespace, name LIMIT $5
      """;

  /**
   * The state at revision $6: unchanged objects from the table, and for every key changed after
   * $6 its latest event at or before $6 (unless that was a delete). $1 resource, $2 namespace
   * ('' = all), $3/$4 the key to start after, $5 limit (NULL = all).
   */
  static final String LIST_AT =
      """
      WITH changed AS (
        SELECT DISTINCT namespace, name FROM vessel_events
        WHERE rv > $6 AND resource = $1 AND ($2 = '' OR namespace = $2)),
      before AS (
        SELECT DISTINCT ON (e.namespace, e.name) e.namespace, e.name, e.rv, e.type, e.value
        FROM vessel_events e JOIN changed c ON e.namespace = c.namespace AND e.name = c.name
        WHERE e.resource = $1 AND e.rv <= $6
        ORDER BY e.namespace, e.name, e.rv DESC),
      state AS (
        SELECT namespace, name, rv, value FROM vessel_objects
        WHERE resource = $1 AND ($2 = '' OR namespace = $2) AND rv <= $6
        UNION ALL
        SELECT namespace, name, rv, value FROM before WHERE type <> 2)
      SELECT namespace, name, rv, value, count(*) OVER () AS total FROM state
      WHERE (namespace, name) > ($3, $4)
      ORDER BY namespace, name LIMIT $5
      """;

  /** $1 resource, $2 namespace ('' = all), $3/$4 the key after which to count. */

  static final String LIST_EVERYTHING =
      "SELECT resource, namespace, name, rv, value FROM vessel_objects";

  /** $1 the last revision seen, $2 batch size. */
  static final String EVENTS_AFTER =
      """
      SELECT rv, type, resource, namespace, name, value FROM vessel_events
      WHERE rv > $1 ORDER BY rv LIMIT $2
      """;


  /**
   * Compacts the change log up to the newest revision older than $1 seconds, as etcd compacts:
   * entries superseded by a later one of the same key, and deletes, go; the latest entry of each
   * live key stays, so the state at any revision from the compaction point on can be rebuilt.
   */
  static final String COMPACT =
      """
      WITH target AS (
        SELECT coalesce(max(rv), 0) AS c FROM vessel_events
        WHERE created_at < now() - make_interval(secs => $1)),
      gone AS (
        DELETE FROM vessel_events e USING target t
        WHERE e.rv <= t.c AND (e.type = 2 OR EXISTS (
          SELECT 1 FROM vessel_events n
          WHERE n.resource = e.resource AND n.namespace = e.namespace AND n.name = e.name
            AND n.rv > e.rv AND n.rv <= t.c))
        RETURNING e.rv)
      UPDATE vessel_compaction SET compacted_rv = greatest(compacted_rv, (SELECT c FROM target))
      WHERE id = 1 AND (SELECT c FROM target) > compacted_rv
      RETURNING compacted_rv, (SELECT count(*) FROM gone)
      """;

  static final String REVISION_AND_COMPACTION =
      "SELECT (SELECT rv FROM vessel_revision WHERE id = 1),"
          + " (SELECT compacted_rv FROM vessel_compaction WHERE id = 1)";

}
