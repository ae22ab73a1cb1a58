package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import com.google.gwt.safehtml.shared.SafeHtmlUtils;
import io.vertebra.posts.client.model.Session;

/**
 * The signed-in user's avatar and name, and the sign-out buttons (which trigger {@code "sign-out"} and
 * {@code "sign-out-everywhere"}).
 */
public final class UserMenu extends AppView {

  private final Session session;

  public UserMenu(Session session) {
    super("span", "user");
    this.session = session;
    listenTo(session, "change", args -> render());
  }

  @Override
  public UserMenu render() {
    if (!session.isSignedIn()) {
      html(SafeHtmlUtils.EMPTY_SAFE_HTML);
      return this;
    }
    html(Templates.T.user(Avatars.background(session.getColor()), Avatars.initials(session.getName()),
        session.getName()));
    return this;
  }

  @Override
  protected void onAction(String action, Element target) {
    if ("sign-out".equals(action) || "sign-out-everywhere".equals(action)) {
      trigger(action);
    }
  }
}
