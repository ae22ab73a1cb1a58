package io.vertebra.posts.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Options;
import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.HttpResponse;
import io.vertebra.framework.sync.RecordingTransport;
import io.vertebra.framework.sync.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The app's post models on the JVM: order, cursor pages, the conflict-safe edit body, client-side validation. */
class PostsTest {

  private final RecordingTransport transport = new RecordingTransport();
  private Transport previous;

  @BeforeEach
  void install() {
    previous = DefaultSync.transport();
    DefaultSync.setTransport(transport);
  }

  @AfterEach
  void restore() {
    DefaultSync.setTransport(previous);
  }

  @Test
  @DisplayName("newest first: by createdAt, then id; an edit (updatedAt) does not move a post")
  void newestFirst() {
    Posts posts = new Posts();
    posts.add(List.of(post(1, "2026-11-28T05:00:00.000Z"), post(3, "2026-11-28T06:00:00.000Z"),
        post(2, "2026-11-28T06:00:00.000Z")));
    assertEquals(List.of("3", "2", "1"), posts.map(Post::getPostId));

    posts.get(1.0).set("updatedAt", "2026-11-28T07:00:00.000Z");
    posts.sort();
    assertEquals(List.of("3", "2", "1"), posts.map(Post::getPostId));
  }

  @Test
  @DisplayName("fetch asks for the first page; fetchMore follows X-Next-Cursor and appends; the last page ends it")
  void cursorPages() {
    Posts posts = new Posts();
    posts.fetch(new Options());
    assertEquals("/api/posts?limit=20", transport.lastRequest().url());
    transport.last().respond(new HttpResponse(200, Map.of("X-Next-Cursor", "abc=="),
        "[" + json(post(5, "2026-11-28T06:05:00.000Z")) + "]"));
    assertTrue(posts.hasMore());

    posts.fetchMore(new Options());
    assertEquals("/api/posts?limit=20&cursor=abc%3D%3D", transport.lastRequest().url());
    transport.last().respond(200, "[" + json(post(4, "2026-11-28T06:04:00.000Z")) + "]");
    assertEquals(List.of("5", "4"), posts.map(Post::getPostId), "older page appended, first page kept");
    assertFalse(posts.hasMore());

    int sent = transport.count();
    posts.fetchMore(new Options());
    assertEquals(sent, transport.count(), "no request after the last page");
  }

  @Test
  @DisplayName("an edit is sent on top of the version the form was loaded from (so a stale one gets 409)")
  void editCarriesBaseVersion() {
    Map<String, Object> edit = Post.edit("T", "B", 7);
    assertEquals(7.0, edit.get("version"));
    assertFalse(Post.edit("T", "B", 0).containsKey("version"), "a new post has no version");

    Post post = new Post(post(9, "2026-11-28T06:00:00.000Z"), null);
    post.save(Post.edit("New title", "B", 1), new Options().waitForServer(true));
    assertEquals("PUT", transport.lastRequest().method());
    assertEquals("/api/posts/9", transport.lastRequest().url());
    assertTrue(transport.lastRequest().body().contains("\"version\":1"), transport.lastRequest().body());
    assertEquals("Old", post.getTitle(), "wait: nothing shown before the server agrees");
  }

  @Test
  @DisplayName("validation mirrors the server: a title is required and limited; the body is limited")
  void validation() {
    assertEquals("Give the post a title.", Post.problem(Map.of("title", "  ", "body", "")));
    assertTrue(Post.problem(Map.of("title", "x".repeat(201))).contains("200"));
    assertTrue(Post.problem(Map.of("title", "ok", "body", "y".repeat(20_001))).contains("20000"));
    assertNull(Post.problem(Map.of("title", "<img src=x onerror=alert(1)>", "body", "")));
  }

  @Test
  @DisplayName("who edited last is shown once someone wrote after the creation; Delete is the author's (issue 21)")
  void editedByAndDeletable() {
    Post created = new Post(Map.of("id", 1.0, "author", "Ann", "authorId", "u1", "updatedBy", "Ann",
        "version", 1.0), null);
    assertEquals("", created.editedByNote());
    Post edited = new Post(Map.of("id", 1.0, "author", "Ann", "authorId", "u1", "updatedBy", "Bob",
        "version", 2.0), null);
    assertEquals(" · edited by Bob", edited.editedByNote());
    assertTrue(edited.deletableBy("u1"));
    assertFalse(edited.deletableBy("u2"));
    Post legacy = new Post(Map.of("id", 1.0, "author", "Ann", "version", 3.0), null);
    assertEquals("", legacy.editedByNote());
    assertTrue(legacy.deletableBy("u2"), "no recorded author: the server lets anyone delete it");
  }

  private static Map<String, Object> post(long id, String createdAt) {
    return Map.of("id", (double) id, "title", "Old", "body", "B", "author", "A", "version", 1.0,
        "createdAt", createdAt, "updatedAt", createdAt);
  }

  private static String json(Map<String, Object> post) {
    return io.vertebra.framework.core.Json.stringify(post);
  }
}
