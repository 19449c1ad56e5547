package io.vessel.server.storage.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and migrates the schema at start. Migrations are numbered resources under {@code db/};
 * an advisory lock makes concurrent replicas starting together apply each one exactly once.
 */
public final class PgSchema {
  private static final Logger LOG = LoggerFactory.getLogger(PgSchema.class);
  private static final long MIGRATION_LOCK = 0x76657373656cL; // "vessel"
  private static final List<String> MIGRATIONS = List.of(
      "V1__objects_and_events.sql", "V2__history_index.sql", "V3__claims.sql");

  private PgSchema() {}

  public static Future<Void> migrate(Pool pool) {
    return pool.withTransaction(
        conn ->
            conn.query("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")")
                .execute()
                .compose(
                    v ->
                        conn.query(
                                "CREATE TABLE IF NOT EXISTS vessel_schema (version integer"
                                    + " PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT"
                                    + " now())")
                            .execute())
                .compose(v -> conn.query("SELECT coalesce(max(version), 0) FROM vessel_schema").execute())
                .compose(rows -> applyFrom(conn, rows.iterator().next().getInteger(0))));
  }

  private static Future<Void> applyFrom(SqlConnection conn, int applied) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = applied; i < MIGRATIONS.size(); i++) {
      int version = i + 1;
      String sql = load(MIGRATIONS.get(i));
      chain =
          chain
              .compose(v -> conn.query(sql).execute())
              .compose(
                  v -> conn.query("INSERT INTO vessel_schema (version) VALUES (" + version + ")").execute())
              .map(
                  v -> {
                    LOG.info("applied schema migration {}", version);
                    return null;
                  });
    }
    return chain;
  }

  private static String load(String name) {
    try (InputStream in = PgSchema.class.getResourceAsStream("/db/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource db/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
