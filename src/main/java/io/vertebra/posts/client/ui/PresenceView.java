package io.vertebra.posts.client.ui;

import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.posts.client.model.Viewer;
import io.vertebra.posts.client.realtime.PostPresence;
import java.util.ArrayList;
import java.util.List;

/** The avatars and names of everyone viewing the post ("you" first); an editing viewer's avatar is ringed. */
public final class PresenceView extends AppView {

  private final PostPresence presence;
  private final String myUserId;

  public PresenceView(PostPresence presence, String myUserId) {
    super("div", "viewers");
    this.presence = presence;
    this.myUserId = myUserId;
    listenTo(presence.viewers(), "add remove reset change", args -> render());
  }

  @Override
  public PresenceView render() {
    SafeHtmlBuilder html = new SafeHtmlBuilder();
    List<String> others = new ArrayList<>();
    boolean me = false;
    for (Viewer viewer : presence.viewers()) {
      html.append(Templates.T.avatar(viewer.isEditing() ? " editing" : "", Avatars.background(viewer.getColor()),
          viewer.getName(), Avatars.initials(viewer.getName())));
      if (myUserId.equals(String.valueOf(viewer.getId()))) {
        me = true;
      } else {
        others.add(viewer.getName());
      }
    }
    html.append(Templates.T.viewerNames(names(me, others)));
    el().setAttribute("data-count", String.valueOf(presence.viewers().length()));
    html(html.toSafeHtml());
    return this;
  }

  /** "You and Alice are here", "Alice and 2 others are here", or "" before the channel reported anyone. */
  static String names(boolean me, List<String> others) {
    List<String> names = new ArrayList<>();
    if (me) {
      names.add("You");
    }
    names.addAll(others);
    switch (names.size()) {
      case 0:
        return "";
      case 1:
        return me ? "Only you are here" : names.get(0) + " is here";
      case 2:
        return names.get(0) + " and " + names.get(1) + " are here";
      default:
        return names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more are here";
    }
  }
}
