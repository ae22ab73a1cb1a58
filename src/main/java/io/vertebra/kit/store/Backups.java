package io.vertebra.kit.store;

import io.vertebra.kit.files.DurableFiles;
import io.vertebra.kit.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Online backups of the embedded SQLite database: {@code VACUUM INTO} writes a consistent, compacted copy of the
 * database while the server keeps serving (it reads one snapshot; writers go on in the WAL). Backups go to
 * {@code DATA_DIR/backups/} under a timestamped name, never to a path chosen by the caller, and appear there only
 * whole (written under a temporary name, synced, renamed). PostgreSQL is backed up with its own tools (pg_dump).
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

  /** Whether this database can be backed up here (the embedded SQLite kind). */
  public boolean supported() {
    return database.sqlDialect() == Dialect.SQLITE;
  }

  /** Makes the backups folder 0700 and the backups in it 0600 (an older release left them readable by others). */
  public void tightenExisting() throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    OwnerOnly.folder(folder);
    try (var files = Files.list(folder)) {
      OwnerOnly.files(files.toArray(Path[]::new));
    }
  }

  /**
   * Writes a backup and returns its file: a SQLite database, restored by putting it in place of
   * {@code DATA_DIR/vertebra.db}. One at a time: a second request waits for the first.
   *
   * @throws StoreException when the database refuses or the folder is not writable
   */
  public synchronized Path backup() {
    Path target = folder.resolve("vertebra-" + STAMP.format(clock.instant()) + ".db");
    Path partial = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      OwnerOnly.folder(folder);
      Files.deleteIfExists(partial);
      OwnerOnly.createEmpty(partial); // VACUUM INTO writes into an empty file, keeping its 0600 mode
      try (Connection c = database.connection();
          PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
        c.setAutoCommit(true); // VACUUM cannot run inside a transaction
        try {
          vacuum.setString(1, partial.toString());
          vacuum.execute();
        } finally {
          c.setAutoCommit(false);
        }
      }
      DurableFiles.syncFile(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      DurableFiles.syncFolder(target);
    } catch (SQLException | IOException e) {
      throw new StoreException("Backup to " + target + " failed: " + e.getMessage(), e);
    }
    return target;
  }
}
