package __PACKAGE__.client.model;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.framework.core.Model;

/**
 * Who is signed in ({@code /api/session}): {@code fetch} says who (an error with status 401 when nobody is),
 * {@code save} with a {@code name} signs in. Its {@code id} is the user's id in presence channels.
 */
public class Session extends Model {

  public Session() {
    setUrl(NoteApi.SESSION_PATH);
  }

  /** A singleton resource: saving is always a POST of the name, never a PUT to an id. */
  @Override
  public String idAttribute() {
    return "_none";
  }

  public String getName() {
    String name = getString("name");
    return name == null ? "" : name;
  }
}
