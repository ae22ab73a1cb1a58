package io.vertebra.kit.live;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * What is the app's own in a {@link LiveResource}: who may do what, the values of server-owned fields, and extra
 * endpoints on the collection URL. Every method has a default that does nothing; override what you need. To refuse,
 * throw an {@code io.vertebra.kit.web.ApiException} ({@code unauthorized()}, {@code forbidden(...)}): it becomes the
 * JSON error answer and nothing is written.
 *
 * <pre>{@code
 * LiveHooks signedInAuthors = new LiveHooks() {
 *   public void check(HttpServletRequest request, LiveOperation operation) {
 *     if (operation.writes()) {
 *       sessions.require(request);                      // 401 without a session
 *     }
 *   }
 *   public void beforeCreate(HttpServletRequest request, Map<String, Object> values) {
 *     values.put("author", sessions.require(request).name());   // a serverOwned() field
 *   }
 * };
 * }</pre>
 *
 * <p>Order of a write: {@link #check}, then the {@code X-Socket-Id} header and the body are read and validated,
 * then {@link #beforeCreate}/{@link #beforeUpdate}/{@link #beforeDelete}, then the database write, then the event.
 */
public interface LiveHooks {

  /** No app-specific behaviour. */
  LiveHooks NONE = new LiveHooks() { };

  /** First on every request, before anything is read: refuse here what needs no body (e.g. no session). */
  default void check(HttpServletRequest request, LiveOperation operation) {
  }

  /** A validated create: {@code values} (every field, mutable) may be changed, e.g. to set server-owned ones. */
  default void beforeCreate(HttpServletRequest request, Map<String, Object> values) {
  }

  /** A validated PUT or PATCH of record {@code id}: {@code changes} (mutable) holds only the fields it sets. */
  default void beforeUpdate(HttpServletRequest request, long id, Map<String, Object> changes) {
  }

  /** A delete of {@code current} (the record as stored), e.g. to allow it to its author only. */
  default void beforeDelete(HttpServletRequest request, LiveRecord current) {
  }

  /**
   * Extra methods on the collection URL, by HTTP method (e.g. {@code "PATCH"} to change many records in one
   * request); they may not take {@code GET} or {@code POST}.
   */
  default Map<String, LiveAction> collectionActions() {
    return Map.of();
  }
}
