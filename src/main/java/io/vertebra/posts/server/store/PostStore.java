package io.vertebra.posts.server.store;

import io.vertebra.kit.live.LivePage;
import io.vertebra.kit.live.LiveRecord;
import io.vertebra.kit.live.LiveStore;
import io.vertebra.kit.live.RecordNotFoundException;
import io.vertebra.kit.store.Database;
import io.vertebra.posts.server.PostResource;
import io.vertebra.posts.shared.PostFields;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Posts in the database, typed: the kit's {@link LiveStore} of {@link PostResource} seen as {@link Post}s, for the
 * posts app's own code and tools (the REST API uses the live resource directly). Every method is one transaction;
 * a write returns only once durable; updates and deletes may name the version they were based on, and of two racing
 * writers exactly one wins ({@link LiveStore}).
 */
public final class PostStore {

  private final LiveStore store;

  public PostStore(Database db, Clock clock) {
    this.store = new LiveStore(PostResource.RESOURCE, db, clock);
  }

  /**
   * Stores a new post at version 1; {@code changes} must set the title and body.
   *
   * @param author the author's display name
   * @param authorId the author's user id (who alone may delete the post)
   */
  public Post create(PostChanges changes, String author, String authorId) {
    if (changes.title() == null || changes.body() == null) {
      throw new IllegalArgumentException("a new post needs a title and a body");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(PostFields.TITLE, changes.title());
    values.put(PostFields.BODY, changes.body());
    values.put(PostFields.AUTHOR, author);
    values.put(PostFields.AUTHOR_ID, authorId);
    values.put(PostFields.UPDATED_BY, author);
    return post(store.create(values));
  }

  /** The post with this id, if any. */
  public Optional<Post> find(long id) {
    return store.find(id).map(PostStore::post);
  }

  /**
   * One page of posts, newest first, after {@code cursor} (null for the first page).
   *
   * @throws IllegalArgumentException when the cursor is not one this store issued
   */
  public PostPage list(String cursor, int limit) {
    LivePage page = store.list(cursor, limit);
    return new PostPage(page.records().stream().map(PostStore::post).toList(), page.nextCursor());
  }

  /**
   * Applies {@code changes} (null fields stay) and bumps the version.
   *
   * @param expectedVersion the version the change was based on, or null to write whatever the current one is
   * @param updatedBy the display name of the user making the change (recorded as {@code updatedBy})
   */
  public Post update(long id, Long expectedVersion, PostChanges changes, String updatedBy)
      throws PostNotFoundException, VersionConflictException {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("nothing to change");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (changes.title() != null) {
      values.put(PostFields.TITLE, changes.title());
    }
    if (changes.body() != null) {
      values.put(PostFields.BODY, changes.body());
    }
    values.put(PostFields.UPDATED_BY, updatedBy);
    try {
      return post(store.update(id, expectedVersion, values));
    } catch (RecordNotFoundException e) {
      throw new PostNotFoundException(id);
    } catch (io.vertebra.kit.live.VersionConflictException e) {
      throw new VersionConflictException(post(e.current()), e.expected());
    }
  }

  /**
   * Deletes a post.
   *
   * @param expectedVersion the version the deletion was based on, or null to delete whatever the current one is
   */
  public void delete(long id, Long expectedVersion) throws PostNotFoundException, VersionConflictException {
    try {
      store.delete(id, expectedVersion);
    } catch (RecordNotFoundException e) {
      throw new PostNotFoundException(id);
    } catch (io.vertebra.kit.live.VersionConflictException e) {
      throw new VersionConflictException(post(e.current()), e.expected());
    }
  }

  private static Post post(LiveRecord record) {
    return new Post(record.id(), record.text(PostFields.TITLE), record.text(PostFields.BODY),
        record.text(PostFields.AUTHOR), record.version(), record.createdAt(), record.updatedAt(),
        record.text(PostFields.AUTHOR_ID), record.text(PostFields.UPDATED_BY));
  }
}
