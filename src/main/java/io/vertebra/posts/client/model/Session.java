package io.vertebra.posts.client.model;

import io.vertebra.framework.core.Model;
import io.vertebra.posts.shared.PostApi;
import io.vertebra.posts.shared.SessionFields;

/**
 * The signed-in user ({@code /api/session}): {@code fetch} says who is signed in (an error with status 401 when
 * nobody is), {@code save} with a name signs in, {@code destroy} signs out. Its id is also the user's presence id.
 */
public class Session extends Model {

  public Session() {
    setUrl(PostApi.SESSION_PATH);
  }

  /** Not keyed by id: the session is a singleton resource, so saving is always a POST of the name. */
  @Override
  public String idAttribute() {
    return "_none";
  }

  public String getUserId() {
    String id = getString(SessionFields.ID);
    return id == null ? "" : id;
  }

  public String getName() {
    String name = getString(SessionFields.NAME);
    return name == null ? "" : name;
  }

  public String getColor() {
    String color = getString(SessionFields.COLOR);
    return color == null ? "#6b7280" : color;
  }

  public boolean isSignedIn() {
    return !getUserId().isEmpty();
  }
}
