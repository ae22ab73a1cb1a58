package io.vertebra.posts.server;

import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.identity.User;
import io.vertebra.kit.live.LiveHooks;
import io.vertebra.kit.live.LiveOperation;
import io.vertebra.kit.live.LiveRecord;
import io.vertebra.kit.web.ApiException;
import io.vertebra.posts.shared.PostFields;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * What posts add to the kit's live resource: writes need a session (401 without); a new post's author is the
 * signed-in user, and every write records who made it; editing is collaborative, deleting is the author's alone.
 */
final class PostAuthorship implements LiveHooks {

  private static final String USER = PostAuthorship.class.getName() + ".user";

  private final Sessions sessions;

  PostAuthorship(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void check(HttpServletRequest request, LiveOperation operation) {
    if (operation.writes()) {
      request.setAttribute(USER, sessions.require(request));
    }
  }

  @Override
  public void beforeCreate(HttpServletRequest request, Map<String, Object> values) {
    User user = user(request);
    values.put(PostFields.AUTHOR, user.name());
    values.put(PostFields.AUTHOR_ID, user.id());
    values.put(PostFields.UPDATED_BY, user.name());
  }

  @Override
  public void beforeUpdate(HttpServletRequest request, long id, Map<String, Object> changes) {
    changes.put(PostFields.UPDATED_BY, user(request).name());
  }

  @Override
  public void beforeDelete(HttpServletRequest request, LiveRecord current) {
    // The author id never changes, so checking it before the (version-checked) delete leaves no race. A post
    // whose author is unknown (written before it was recorded) may be deleted by anyone.
    String authorId = current.text(PostFields.AUTHOR_ID);
    if (authorId != null && !authorId.equals(user(request).id())) {
      throw ApiException.forbidden("Only the author of this post (" + current.text(PostFields.AUTHOR)
          + ") may delete it");
    }
  }

  private static User user(HttpServletRequest request) {
    return (User) request.getAttribute(USER);
  }
}
