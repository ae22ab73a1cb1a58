package io.vertebra.posts.server.store;

import io.vertebra.kit.files.DurableFiles;
import io.vertebra.kit.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The upgrade path from releases that kept posts in an embedded H2 file ({@code DATA_DIR/vertebra.mv.db}): on the
 * first start of this release the posts are copied, ids, versions and timestamps unchanged, into the SQLite file, and
 * the H2 file is renamed to {@code vertebra.mv.db.imported} (kept as a fallback; delete it when satisfied).
 *
 * <p>Crash-safe: the copy is written to {@code vertebra.db.importing} in one transaction and synced, then renamed to
 * {@code vertebra.db}; only then is the H2 file renamed. A crash before the rename leaves the H2 file untouched and
 * the next start imports again from scratch; the SQLite file never exists half imported. H2 was dropped as the
 * default because a SIGKILL could lose acknowledged writes on it (RELIABILITY.md).
 */
final class LegacyH2Import {

  /** The H2 database file of earlier releases, in {@code DATA_DIR}. */
  static final String H2_FILE = "vertebra.mv.db";
  /** What the H2 file is renamed to once imported. */
  static final String IMPORTED_SUFFIX = ".imported";

  private static final Logger LOG = Logger.getLogger(LegacyH2Import.class.getName());
  private static final String COLUMNS = "id, title, body, author, version, created_at, updated_at";

  private LegacyH2Import() {}

  /**
   * Imports {@code DATA_DIR/vertebra.mv.db} into {@code sqliteFile} (in the same folder) when the H2 file exists and
   * the SQLite one does not yet; otherwise does nothing.
   *
   * @throws StoreException when the H2 database cannot be read or the copy cannot be written
   */
  static void importIfPresent(Path sqliteFile) {
    Path h2 = sqliteFile.resolveSibling(H2_FILE);
    if (!Files.exists(h2)) {
      return;
    }
    if (Files.exists(sqliteFile)) {
      LOG.warning(h2 + " is left over from an H2-based release and was not imported, because " + sqliteFile
          + " already exists; move it away once you have checked nothing is missing");
      return;
    }
    Path importing = sqliteFile.resolveSibling(sqliteFile.getFileName() + ".importing");
    try {
      deleteWithJournals(importing);
      long posts = copy(h2, importing);
      DurableFiles.syncFile(importing);
      Files.move(importing, sqliteFile, StandardCopyOption.ATOMIC_MOVE);
      DurableFiles.syncFolder(sqliteFile);
      Files.move(h2, h2.resolveSibling(H2_FILE + IMPORTED_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
      DurableFiles.syncFolder(sqliteFile);
      LOG.info("Imported " + posts + " posts from " + h2 + " into " + sqliteFile + "; the H2 file is kept as "
          + H2_FILE + IMPORTED_SUFFIX);
    } catch (SQLException | IOException e) {
      throw new StoreException("Cannot import the H2 database " + h2 + " of an earlier release: " + e.getMessage(), e);
    }
  }

  /** Copies every post into a new SQLite file at {@code target}; returns how many. */
  private static long copy(Path h2, Path target) throws SQLException {
    String h2Url = "jdbc:h2:file:" + h2.resolveSibling(H2_FILE.substring(0, H2_FILE.indexOf('.')))
        + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    // A rollback journal (not WAL) for the copy: once committed, everything is in the one file that gets renamed.
    String sqliteUrl = "jdbc:sqlite:" + target + "?journal_mode=DELETE&synchronous=FULL";
    try (Connection from = DriverManager.getConnection(h2Url, "sa", "");
        Connection to = DriverManager.getConnection(sqliteUrl)) {
      int schema = schemaVersion(from);
      if (schema != 1) {
        throw new SQLException("its schema is at version " + schema + ", and this release imports version 1 only");
      }
      PostsSchema.SCHEMA.applySqlite(to);
      long count = 0;
      long maxId = 0;
      try (Statement read = from.createStatement();
          ResultSet rows = read.executeQuery("SELECT " + COLUMNS + " FROM posts ORDER BY id");
          PreparedStatement insert = to.prepareStatement(
              "INSERT INTO posts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        while (rows.next()) {
          for (int column = 1; column <= 7; column++) {
            insert.setObject(column, rows.getObject(column));
          }
          insert.addBatch();
          maxId = Math.max(maxId, rows.getLong(1));
          if (++count % 1_000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      // Ids handed out by H2 for posts deleted since must not come back: start after H2's next value.
      long next = Math.max(maxId, identityBase(from) - 1);
      // sqlite_sequence has a row for posts once one was inserted, and no unique name to upsert on.
      try (PreparedStatement update = to.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = 'posts'");
          PreparedStatement insert = to.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES ('posts', ?)")) {
        update.setLong(1, next);
        if (update.executeUpdate() == 0) {
          insert.setLong(1, next);
          insert.executeUpdate();
        }
      }
      to.commit();
      return count;
    }
  }

  private static int schemaVersion(Connection h2) throws SQLException {
    try (Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The next value H2's identity column of {@code posts} would have given. */
  private static long identityBase(Connection h2) throws SQLException {
    try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'POSTS' AND COLUMN_NAME = 'ID'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void deleteWithJournals(Path file) throws IOException {
    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
    }
  }
}
