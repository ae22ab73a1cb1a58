package io.vertebra.posts.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent zip of the database file
 * while the server keeps serving (its storage is copy-on-write). Backups go to {@code DATA_DIR/backups/} under a
 * timestamped name, never to a path chosen by the caller. PostgreSQL is backed up with its own tools (pg_dump).
 */
public final class Backups {

  /** The folder under {@code DATA_DIR} that receives backups. */
  public static final String FOLDER = "backups";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Database database;
  private final Path folder;
  private final Clock clock;

  /** Backups of {@code database} into {@code dataDir/backups}. */
  public Backups(Database database, Path dataDir, Clock clock) {
    this.database = database;
    this.folder = dataDir.toAbsolutePath().resolve(FOLDER);
    this.clock = clock;
  }

  /** Whether this database can be backed up here (the embedded H2 kind). */
  public boolean supported() {
    return "h2".equals(database.dialect());
  }

  /**
   * Writes a backup and returns its file. One at a time: a second request waits for the first.
   *
   * @throws StoreException when the database refuses (e.g. an in-memory H2 URL) or the folder is not writable
   */
  public synchronized Path backup() {
    Path target = folder.resolve("vertebra-" + STAMP.format(clock.instant()) + ".zip");
    try {
      Files.createDirectories(folder);
      try (Connection c = database.connection(); Statement s = c.createStatement()) {
        s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
      }
    } catch (SQLException | IOException e) {
      throw new StoreException("Backup to " + target + " failed: " + e.getMessage(), e);
    }
    return target;
  }
}
