package io.vertebra.kit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.vertebra.kit.files.DurableFiles;
import io.vertebra.kit.files.OwnerOnly;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The app's database: a connection pool to a SQLite file under {@code DATA_DIR} by default ({@link Dialect#SQLITE}:
 * every acknowledged write survives a crash), or to PostgreSQL from {@code DATABASE_URL}. The app's {@link Schema}
 * is created or migrated when it opens.
 *
 * <pre>{@code
 * Database db = Database.open(config.databaseUrl(), config.dataDir(), schema, Database.BeforeOpen.NOTHING);
 * }</pre>
 */
public final class Database implements AutoCloseable {

  /** File name of the default embedded database in {@code DATA_DIR}. */
  public static final String FILE_NAME = "vertebra.db";

  private final HikariDataSource pool;
  private final Dialect dialect;
  /** SQLite: the database file, whose {@code -wal} file {@link #syncCommits} syncs; null for PostgreSQL. */
  private final Path file;
  /**
   * Every store's writers queue here when the database takes one writing transaction at a time (SQLite): one queue
   * per file, in this process, instead of SQLite's busy retries between stores. Null when the database handles
   * concurrent writers itself.
   */
  private final ReentrantLock writers;
  /** With {@link #writers}: one sync of the commits for all the writes made while the previous one ran. */
  private final GroupSync commits;

  private Database(HikariDataSource pool, Dialect dialect, Path file) {
    this.pool = pool;
    this.dialect = dialect;
    this.file = file;
    this.writers = dialect.singleWriter() ? new ReentrantLock() : null;
    this.commits = dialect.singleWriter() ? new GroupSync() : null;
  }

  /**
   * A store's committing transaction, which may end in up to two checked outcomes of the store's own. Unused ones
   * are inferred as unchecked; with two, name them: {@code db.<Post, NotFound, Conflict>write(...)}.
   */
  @FunctionalInterface
  public interface Commit<T, A extends Exception, B extends Exception> {
    /** Opens a connection, does the work, commits (or rolls back and throws). */
    T run() throws A, B;
  }

  /**
   * Runs {@code commit} as one of this database's writers and returns once it is durable. PostgreSQL: at once, a
   * commit is durable. SQLite: one writer at a time across every store on the file, and returned only once a sync
   * that began after this commit has finished; the sync runs outside the queue, so the next writers' transactions
   * run while it does and share the next one ({@link GroupSync}).
   *
   * @throws StoreException when the sync fails: the write may not have reached the disk
   */
  public <T, A extends Exception, B extends Exception> T write(Commit<T, A, B> commit) throws A, B {
    if (writers == null) {
      return commit.run();
    }
    T result;
    long ticket;
    writers.lock();
    try {
      result = commit.run();
      ticket = commits.committed();
    } finally {
      writers.unlock();
    }
    try {
      commits.awaitDurable(ticket, this::syncCommits);
    } catch (IOException e) {
      throw new StoreException("Database error: the write may not have reached the disk: " + e.getMessage(), e);
    }
    return result;
  }

  /** Where the data lives, for logs: the JDBC URL without its parameters (which may hold a password). */
  public String describe() {
    String url = pool.getJdbcUrl();
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return url.substring(0, cut) + " (" + dialect.label() + ")";
  }

  /**
   * Opens the database at {@code databaseUrl} (a JDBC URL, or {@code postgres://user:pass@host:port/db}), or the
   * embedded SQLite file in {@code dataDir} when it is null, and brings its schema up to date.
   *
   * @param schema the app's migration steps
   * @param beforeOpen run on the SQLite file's path before it is opened (not for PostgreSQL)
   * @throws IllegalArgumentException when {@code databaseUrl} names a database this store does not support
   */
  public static Database open(String databaseUrl, Path dataDir, Schema schema, BeforeOpen beforeOpen) {
    HikariConfig config = new HikariConfig();
    if (databaseUrl == null) {
      Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
      try {
        OwnerOnly.folder(file.getParent()); // DATA_DIR: secrets, the database, backups
      } catch (IOException e) {
        throw new StoreException("Cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
      }
      beforeOpen.prepare(file);
      config.setJdbcUrl("jdbc:sqlite:" + file);
    } else {
      configureExternal(config, databaseUrl);
    }
    Dialect dialect = Dialect.of(config.getJdbcUrl());
    dialect.configure(config);
    config.setPoolName("app-db");
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    config.setAutoCommit(false);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Database db = new Database(pool, dialect, dialect == Dialect.SQLITE ? sqliteFile(config.getJdbcUrl()) : null);
      try (Connection c = pool.getConnection()) {
        schema.apply(c, dialect);
      }
      if (db.file != null) {
        // SQLite creates the database with the umask's mode and its -wal and -shm files with the database's.
        OwnerOnly.files(db.file, db.file.resolveSibling(db.file.getFileName() + "-wal"),
            db.file.resolveSibling(db.file.getFileName() + "-shm"));
      }
      return db;
    } catch (SQLException | IOException | RuntimeException e) {
      pool.close();
      throw new StoreException("Cannot prepare the database: " + e.getMessage(), e);
    }
  }

  /**
   * SQLite only: syncs to the disk every commit made so far (the WAL file, where commits go until a checkpoint moves
   * them into the database file and syncs that). The store calls it, grouped ({@link GroupSync}), before a write is
   * acknowledged; it makes a commit survive a power loss, not only a crash.
   */
  public void syncCommits() throws IOException {
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    // No WAL: every commit is in the database file already (the last connection closed and checkpointed).
    DurableFiles.syncFile(Files.exists(wal) ? wal : file);
  }

  private static Path sqliteFile(String jdbcUrl) {
    String path = jdbcUrl.substring("jdbc:sqlite:".length()).split("\\?", 2)[0];
    return Path.of(path.startsWith("file:") ? path.substring("file:".length()) : path).toAbsolutePath();
  }

  /** Accepts a JDBC URL as is; turns {@code postgres[ql]://user:pass@host[:port]/db} into one plus credentials. */
  static void configureExternal(HikariConfig config, String url) {
    if (url.startsWith("jdbc:")) {
      config.setJdbcUrl(url);
      return;
    }
    URI uri = URI.create(url);
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("DATABASE_URL must be a JDBC URL or postgres://user:pass@host:port/db");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      config.setUsername(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
      if (parts.length == 2) {
        config.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
  }

  /** The pool; connections come with auto-commit off. */
  public DataSource dataSource() {
    return pool;
  }

  /** A pooled connection with auto-commit off; the caller commits (or rolls back) and closes it. */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** The pool's connections right now, for metrics. */
  public PoolStats poolStats() {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean == null) {
      return new PoolStats(0, 0, 0, pool.getMaximumPoolSize());
    }
    return new PoolStats(bean.getActiveConnections(), bean.getIdleConnections(),
        bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
  }

  /**
   * Connections of the pool at one moment.
   *
   * @param active lent out to requests
   * @param idle open and waiting in the pool
   * @param waiting requests waiting for a connection (a sign the pool or the database is too small or slow)
   * @param max the pool's size limit
   */
  public record PoolStats(int active, int idle, int waiting, int max) {}

  /** {@code "sqlite"} or {@code "postgresql"}. */
  public String dialect() {
    return dialect.label();
  }

  /**
   * The SQL type of a generated primary key column that never hands an id out twice, even after the newest row is
   * deleted (for tables an app creates itself, e.g. live resources'; {@link Schema} steps write {@code %1$s}).
   */
  public String generatedIdColumn() {
    return dialect.idColumn();
  }

  /** What this database needs done differently. */
  Dialect sqlDialect() {
    return dialect;
  }

  /**
   * Whether the database takes one writing transaction at a time and leaves syncing its commits to the caller
   * (SQLite): a store then queues its writers itself and, before acknowledging a write, calls {@link #syncCommits}
   * through a {@link GroupSync}. False for PostgreSQL, whose commits are durable when they return.
   */
  public boolean singleWriter() {
    return dialect.singleWriter();
  }

  /**
   * Runs on the embedded SQLite file's path before the pool opens it, e.g. to import an older release's data into
   * it (the file does not exist yet the first time).
   */
  @FunctionalInterface
  public interface BeforeOpen {
    /** Nothing to prepare. */
    BeforeOpen NOTHING = file -> { };

    void prepare(Path sqliteFile);
  }

  @Override
  public void close() {
    pool.close();
  }
}
