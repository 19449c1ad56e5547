package io.vessel.conformance.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The benchmark's own PostgreSQL (zonky's embedded binaries), shared by the raw baseline and by
 * Vessel so both pay for the same disk and the same server. Durable like production: zonky defaults
 * to {@code synchronous_commit=off}, which would make every commit free and the baseline
 * meaningless, so commits wait for the WAL flush here.
 *
 * <p>Vessel gets database {@code vessel}; the baseline uses {@code postgres}.
 */
final class BenchPostgres implements AutoCloseable {

  static final String VESSEL_DATABASE = "vessel";

  private final EmbeddedPostgres pg;

  private BenchPostgres(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  /** Starts a fresh cluster in {@code dataDir}, logging to {@code logFile}. */
  static BenchPostgres start(Path dataDir, Path logFile) {
    try {
      Files.createDirectories(dataDir);
      var log = Redirect.appendTo(logFile.toFile());
      var pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(true)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setOutputRedirector(log)
              .setErrorRedirector(log)
              .start();
      try (var conn = pg.getPostgresDatabase().getConnection();
          var statement = conn.createStatement()) {
        statement.execute("CREATE DATABASE " + VESSEL_DATABASE);
      }
      return new BenchPostgres(pg);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + VESSEL_DATABASE, e);
    }
  }

  /** The URL for {@code vessel up --postgres-url}. */
  String vesselUrl() {
    return url(VESSEL_DATABASE);
  }

  /** The URL of the baseline's database. */
  String baselineUrl() {
    return url("postgres");
  }

  private String url(String database) {
    // zonky's initdb trusts local connections; the password is only there for URL parsers
    return "postgresql://postgres:postgres@127.0.0.1:" + pg.getPort() + "/" + database;
  }

  @Override
  public void close() {
    try {
      pg.close();
    } catch (IOException e) {
      System.err.println("bench: stopping PostgreSQL failed: " + e);
    }
  }
}
