package io.vertebra.bench.data;

import io.vertebra.bench.Percentiles;
import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.kit.store.Database;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.server.store.PostsDatabase;
import io.vertebra.posts.shared.PostApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.function.IntToLongFunction;

/**
 * Data-scale benchmark: {@code posts} posts (100,000) bulk-inserted into the embedded SQLite store, then the time to
 * read one page of the cursor listing ({@link PostStore#list}) at the first, middle and last page. The baseline is
 * the first page (so flat = ratios near 1); for contrast the same depths read with SQL OFFSET, which a naive listing
 * would use. System properties: {@code posts}, {@code samples} per depth (300). Writes target/benchmarks/data-scale.json.
 */
public final class DataScaleBench {

  private static final int JITTER = 97;

  private DataScaleBench() {}

  public static void main(String[] args) throws Exception {
    int posts = Integer.getInteger("posts", 100_000);
    int samples = Integer.getInteger("samples", 300);
    int limit = PostApi.DEFAULT_LIMIT;
    Path dir = Scratch.directory("vertebra-data-bench");
    Report report = new Report("data-scale").put("posts", posts).put("page_size", limit).put("samples", samples);
    try (Database db = PostsDatabase.open(null, dir)) {
      long t0 = System.nanoTime();
      long maxId = insert(db, posts);
      report.put("insert_s", Report.round((System.nanoTime() - t0) / 1e9));
      PostStore store = new PostStore(db, Clock.systemUTC());
      // Cursor = ids below it; the first page's is past the newest id. Each sample moves a little (below JITTER)
      // so that no read repeats the previous one exactly (a cached answer would measure nothing).
      long[] cursors = {maxId + 1, maxId - posts / 2, limit + 1 + JITTER};
      long[] offsets = {0, posts / 2, posts - limit - JITTER};
      String[] depths = {"first", "middle", "last"};
      Percentiles[] cursor = new Percentiles[3];
      Percentiles[] offset = new Percentiles[3];
      for (int i = 0; i < 3; i++) {
        long c = cursors[i];
        long off = offsets[i];
        cursor[i] = time(samples, j -> store.list(Long.toString(c - j % JITTER), limit).posts().size());
        offset[i] = time(samples, j -> offsetPage(db, off + j % JITTER, limit));
        report.put("cursor." + depths[i], cursor[i]).put("offset." + depths[i], offset[i]);
      }
      for (int i = 1; i < 3; i++) {
        report.ratio("ratio.cursor_" + depths[i] + "_vs_first_p50", cursor[i].p50(), cursor[0].p50());
        report.ratio("ratio.offset_" + depths[i] + "_vs_first_p50", offset[i].p50(), offset[0].p50());
      }
      report.ratio("ratio.cursor_vs_offset_last_p50", cursor[2].p50(), offset[2].p50());
    }
    report.write();
  }

  // One multi-row batch per 1,000 posts, committed once: the fastest way in that is still plain SQL.
  private static long insert(Database db, int posts) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO posts (title, body, author, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)")) {
      long now = System.currentTimeMillis();
      for (int i = 0; i < posts; i++) {
        p.setString(1, "Post number " + i);
        p.setString(2, "The body of post " + i + ", of a typical short length for a post in a list.");
        p.setString(3, "author" + (i % 50));
        p.setLong(4, now + i);
        p.setLong(5, now + i);
        p.addBatch();
        if (i % 1000 == 999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
      c.commit();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id), COUNT(*) FROM posts")) {
        rs.next();
        if (rs.getLong(2) != posts) {
          throw new IllegalStateException("expected " + posts + " posts, found " + rs.getLong(2));
        }
        return rs.getLong(1);
      }
    }
  }

  private static int offsetPage(Database db, long offset, int limit) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(
            "SELECT id, title, body, author, version, created_at, updated_at FROM posts ORDER BY id DESC LIMIT ? OFFSET ?")) {
      p.setInt(1, limit);
      p.setLong(2, offset);
      int n = 0;
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      c.commit();
      return n;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // Warm up with a third of the samples, then time each read; every page must be full.
  private static Percentiles time(int samples, IntToLongFunction page) {
    long[] nanos = new long[samples];
    for (int i = -samples / 3; i < samples; i++) {
      long t = System.nanoTime();
      long n = page.applyAsLong(i + samples);
      long took = System.nanoTime() - t;
      if (n != PostApi.DEFAULT_LIMIT) {
        throw new IllegalStateException("a page had " + n + " posts");
      }
      if (i >= 0) {
        nanos[i] = took;
      }
    }
    return Percentiles.of(nanos, samples);
  }
}
