package io.vertebra.posts.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.kit.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyset pagination stays fast at 100k posts: a page deep in the listing costs what the first page costs. */
class PostStorePaginationTest {

  private static final int POSTS = 100_000;

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("with 100k posts, a page near the end takes milliseconds, like the first page")
  void deepPagesAreFast() throws Exception {
    try (Database db = PostsDatabase.open(null, dataDir)) {
      insert(db);
      PostStore store = new PostStore(db, Clock.systemUTC());
      // Warm up the JIT and the database's caches so the measurement is about the query, not class loading.
      for (int i = 0; i < 20; i++) {
        store.list(null, 50);
        store.list("100", 50);
      }
      long firstNanos = bestOf(() -> store.list(null, 50));
      long deepNanos = bestOf(() -> store.list("120", 50));
      assertEquals(50, store.list("120", 50).posts().size());
      assertEquals(119, store.list("120", 50).posts().get(0).id(), "starts right after the cursor");
      assertEquals(70, store.list("120", 50).posts().get(50 - 1).id());
      // An OFFSET scan over 100k rows takes tens of milliseconds here; an index seek well under one.
      assertTrue(deepNanos < 20_000_000L, "deep page took " + deepNanos / 1000 + " µs");
      assertTrue(deepNanos < firstNanos * 10 + 5_000_000L,
          "deep page " + deepNanos / 1000 + " µs vs first page " + firstNanos / 1000 + " µs");
    }
  }

  private static long bestOf(Runnable query) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      query.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  private static void insert(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO posts (title, body, author, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)")) {
      for (int i = 1; i <= POSTS; i++) {
        p.setString(1, "post " + i);
        p.setString(2, "body of post " + i);
        p.setString(3, "Bench");
        p.setLong(4, i);
        p.setLong(5, i);
        p.addBatch();
        if (i % 5_000 == 0) {
          p.executeBatch();
        }
      }
      c.commit();
    }
  }
}
