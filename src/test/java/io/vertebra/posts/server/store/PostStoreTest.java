package io.vertebra.posts.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.kit.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded SQLite file: versions, conflicts, pagination, migrations, ids. */
class PostStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  @TempDir
  Path dataDir;

  private Database db;
  private PostStore store;

  @BeforeEach
  void open() {
    db = PostsDatabase.open(null, dataDir);
    store = new PostStore(db, Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("create starts at version 1 with both timestamps and the author; update bumps the version and "
      + "updatedAt and records who wrote (issue 21)")
  void versions() throws Exception {
    Post created = store.create(new PostChanges("t", "b"), "Ann", "id-Ann");
    assertEquals(new Post(created.id(), "t", "b", "Ann", 1, T0, T0, "id-Ann", "Ann"), created);
    PostStore later = new PostStore(db, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    Post updated = later.update(created.id(), 1L, new PostChanges(null, "b2"), "Bob");
    assertEquals(new Post(created.id(), "t", "b2", "Ann", 2, T0, T0.plusSeconds(60), "id-Ann", "Bob"), updated);
    assertTrue(updated.deletableBy("id-Ann"));
    assertFalse(updated.deletableBy("id-Bob"), "editing is shared, deleting is the author's");
    assertEquals(updated, store.find(created.id()).orElseThrow());
    Post unconditional = store.update(created.id(), null, new PostChanges("t3", null), "Ann");
    assertEquals(3, unconditional.version());
  }

  @Test
  @DisplayName("a stale update or delete throws a conflict carrying the current post and changes nothing")
  void conflicts() throws Exception {
    Post post = store.create(new PostChanges("t", "b"), "Ann", "id-Ann");
    Post v2 = store.update(post.id(), 1L, new PostChanges("t2", null), "Ann");
    VersionConflictException stale = assertThrows(VersionConflictException.class,
        () -> store.update(post.id(), 1L, new PostChanges("lost", null), "Ann"));
    assertEquals(v2, stale.current());
    assertEquals(1, stale.expected());
    assertThrows(VersionConflictException.class, () -> store.delete(post.id(), 1L));
    assertEquals(v2, store.find(post.id()).orElseThrow());
    store.delete(post.id(), 2L);
    assertTrue(store.find(post.id()).isEmpty());
    assertThrows(PostNotFoundException.class, () -> store.delete(post.id(), null));
    assertThrows(PostNotFoundException.class, () -> store.update(post.id(), null, new PostChanges("x", null), "Ann"));
  }

  @Test
  @DisplayName("eight threads updating from the same version: exactly one succeeds")
  void racingUpdates() throws Exception {
    Post post = store.create(new PostChanges("t", "b"), "Ann", "id-Ann");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String title = "writer " + i;
        results.add(pool.submit(() -> {
          start.await();
          try {
            store.update(post.id(), 1L, new PostChanges(title, null), "Ann");
            return true;
          } catch (VersionConflictException e) {
            return false;
          }
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertEquals(1, winners);
      assertEquals(2, store.find(post.id()).orElseThrow().version());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("pages are newest first, each starting after the previous page's cursor; the last has none")
  void pagination() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(0, store.create(new PostChanges("p" + i, ""), "Ann", "id-Ann").id());
    }
    PostPage first = store.list(null, 3);
    assertEquals(ids.subList(0, 3), first.posts().stream().map(Post::id).toList());
    PostPage second = store.list(first.nextCursor(), 3);
    assertEquals(ids.subList(3, 6), second.posts().stream().map(Post::id).toList());
    PostPage last = store.list(second.nextCursor(), 3);
    assertEquals(ids.subList(6, 7), last.posts().stream().map(Post::id).toList());
    assertNull(last.nextCursor());
    assertNull(store.list(null, 7).nextCursor(), "exactly full page: no further page");
    assertThrows(IllegalArgumentException.class, () -> store.list("x", 3));
    assertThrows(IllegalArgumentException.class, () -> store.list("0", 3));
  }

  @Test
  @DisplayName("reopening applies no migration twice and keeps the data")
  void reopen() throws Exception {
    long id = store.create(new PostChanges("kept", ""), "Ann", "id-Ann").id();
    db.close();
    db = PostsDatabase.open(null, dataDir);
    assertEquals("kept", new PostStore(db, Clock.systemUTC()).find(id).orElseThrow().title());
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
      rs.next();
      assertEquals(PostsSchema.SCHEMA.latest(), rs.getInt(1));
      assertEquals(PostsSchema.SCHEMA.latest(), rs.getInt(2));
    }
  }

  @Test
  @DisplayName("a DATABASE_URL of an unsupported database is refused with a message naming the supported ones")
  void unsupportedDatabase() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> PostsDatabase.open("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", dataDir.resolve("other")));
    assertTrue(refused.getMessage().contains("jdbc:h2:mem:x") && refused.getMessage().contains("PostgreSQL"),
        refused.getMessage());
  }

  @Test
  @DisplayName("the id of a deleted post is never handed out again, even the newest one's after a restart")
  void idsAreNotReused() throws Exception {
    store.create(new PostChanges("first", ""), "Ann", "id-Ann");
    long newest = store.create(new PostChanges("newest", ""), "Ann", "id-Ann").id();
    store.delete(newest, null);
    db.close();
    db = PostsDatabase.open(null, dataDir);
    store = new PostStore(db, Clock.systemUTC());
    assertTrue(store.create(new PostChanges("later", ""), "Ann", "id-Ann").id() > newest,
        "a client holding the deleted post must never see another post under its id");
  }
}
