package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.InputElement;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.posts.client.model.Session;
import io.vertebra.posts.shared.SessionFields;

/** Sign in with a display name; triggers {@code "signed-in"} once the server set the session cookie. */
public final class SignInView extends AppView {

  private final Session session;

  public SignInView(Session session) {
    super("div", "sign-in-page");
    this.session = session;
  }

  @Override
  public SignInView render() {
    html(Templates.T.signIn(SessionFields.NAME_MAX_LENGTH));
    return this;
  }

  @Override
  protected void onSubmit(Element form) {
    String name = InputElement.as(byClass("name")).getValue().trim();
    if (name.isEmpty()) {
      Forms.showError(el(), "Please enter a display name.");
      return;
    }
    Forms.setBusy(el(), true);
    session.save(SessionFields.NAME, name, new Options().waitForServer(true)
        .success((target, response, options) -> trigger("signed-in"))
        .error((target, response, options) -> {
          Forms.setBusy(el(), false);
          Forms.showError(el(), Forms.describe((SyncError) response));
        }));
  }
}
