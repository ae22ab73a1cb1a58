package __PACKAGE__.client.ui;

import __PACKAGE__.client.model.Session;
import com.google.gwt.dom.client.InputElement;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import java.util.Map;

/** Sign in with a display name; triggers {@code "signed-in"} once the server has set the session cookie. */
public final class SignInView extends View {

  private Session session;

  /** A form that signs {@code session} in. */
  public static SignInView of(Session session) {
    SignInView view = new SignInView();
    view.session = session;
    return view;
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    return Map.of("submit form", event -> {
      event.preventDefault();
      signIn();
    });
  }

  @Override
  public SignInView render() {
    html(Templates.T.signIn());
    return this;
  }

  private void signIn() {
    String name = InputElement.as(findFirst(".name")).getValue().trim();
    if (name.isEmpty()) {
      findFirst(".error").setInnerText("Please enter your name.");
      return;
    }
    session.save(Map.of("name", name), new Options().waitForServer(true)
        .success((target, response, options) -> trigger("signed-in"))
        .error((target, response, options) ->
            findFirst(".error").setInnerText(((SyncError) response).getMessage())));
  }
}
