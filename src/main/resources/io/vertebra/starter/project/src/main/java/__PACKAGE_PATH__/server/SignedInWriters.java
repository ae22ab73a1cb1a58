package __PACKAGE__.server;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.live.LiveHooks;
import io.vertebra.kit.live.LiveOperation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * The app's own rule for a live resource: anyone may read, only a signed-in user may write (401 otherwise), and a
 * new record's {@code author} is the writer's name, whatever the request says.
 */
final class SignedInWriters implements LiveHooks {

  private final Sessions sessions;

  SignedInWriters(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void check(HttpServletRequest request, LiveOperation operation) {
    if (operation.writes()) {
      sessions.require(request);
    }
  }

  @Override
  public void beforeCreate(HttpServletRequest request, Map<String, Object> values) {
    if (values.containsKey(NoteApi.AUTHOR)) {
      values.put(NoteApi.AUTHOR, sessions.require(request).name());
    }
  }
}
