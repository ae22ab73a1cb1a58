package io.vertebra.posts.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The connection pool to the posts database: an H2 file under {@code DATA_DIR} by default, or any JDBC URL from
 * {@code DATABASE_URL} (PostgreSQL tested). The schema is created or migrated when it opens.
 */
public final class Database implements AutoCloseable {

  /** File name (without H2's {@code .mv.db}) of the default embedded database. */
  static final String H2_FILE = "vertebra";

  private final HikariDataSource pool;
  private final String dialect;

  private Database(HikariDataSource pool, String dialect) {
    this.pool = pool;
    this.dialect = dialect;
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
    return url.substring(0, cut) + " (" + dialect + ")";
  }

  /**
   * Opens the database at {@code databaseUrl} (a JDBC URL, or {@code postgres://user:pass@host:port/db}), or the
   * embedded H2 file in {@code dataDir} when it is null, and brings its schema up to date.
   */
  public static Database open(String databaseUrl, Path dataDir) {
    HikariConfig config = new HikariConfig();
    if (databaseUrl == null) {
      // WRITE_DELAY=0: H2 writes each commit out instead of batching commits for up to half a second (PostStore
      // adds a checkpoint after each write: CrashSafetyIT showed a SIGKILL-proof acknowledgement needs it).
      // DB_CLOSE_ON_EXIT=FALSE: the pool closes the database after the server has drained; H2's own shutdown hook
      // would close it under requests still being answered.
      config.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_FILE)
          + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
      config.setUsername("sa");
      config.setPassword("");
    } else {
      configureExternal(config, databaseUrl);
    }
    config.setPoolName("posts-db");
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Database db = new Database(pool, config.getJdbcUrl().startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
      Migrations.apply(pool);
      return db;
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw new StoreException("Cannot prepare the posts database: " + e.getMessage(), e);
    }
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

  /** A pooled connection with auto-commit off; the caller commits and closes it. */
  Connection connection() throws SQLException {
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

  /** {@code "h2"} or {@code "postgresql"}. */
  public String dialect() {
    return dialect;
  }

  @Override
  public void close() {
    pool.close();
  }
}
