package io.vertebra.posts.client.ui;

import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.posts.client.model.Viewer;
import io.vertebra.posts.client.realtime.PostPresence;

/** The avatars of everyone viewing the post; an editing viewer's avatar is ringed. */
public final class PresenceView extends DomView {

  private final PostPresence presence;

  public PresenceView(PostPresence presence) {
    super("div", "viewers");
    this.presence = presence;
    listenTo(presence.viewers(), "add remove reset change", args -> render());
  }

  @Override
  public PresenceView render() {
    SafeHtmlBuilder html = new SafeHtmlBuilder();
    for (Viewer viewer : presence.viewers()) {
      html.append(Templates.T.avatar(viewer.isEditing() ? " editing" : "", Avatars.background(viewer.getColor()),
          viewer.getName(), Avatars.initials(viewer.getName())));
    }
    element().setAttribute("data-count", String.valueOf(presence.viewers().length()));
    setHtml(html.toSafeHtml());
    return this;
  }
}
