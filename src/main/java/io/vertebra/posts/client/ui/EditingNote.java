package io.vertebra.posts.client.ui;

import io.vertebra.posts.client.model.Viewer;
import io.vertebra.posts.client.realtime.PostPresence;
import java.util.ArrayList;
import java.util.List;

/** "Alice is editing…" under the presence bar, from the other viewers' {@code client-editing} events. */
public final class EditingNote extends AppView {

  private final PostPresence presence;
  private final String myUserId;

  public EditingNote(PostPresence presence, String myUserId) {
    super("p", "editing-note");
    this.presence = presence;
    this.myUserId = myUserId;
    el().setAttribute("aria-live", "polite");
    listenTo(presence.viewers(), "add remove reset change", args -> render());
  }

  @Override
  public EditingNote render() {
    List<String> names = new ArrayList<>();
    for (Viewer viewer : presence.viewers()) {
      if (viewer.isEditing() && !myUserId.equals(String.valueOf(viewer.getId()))) {
        names.add(viewer.getName());
      }
    }
    el().setInnerText(sentence(names));
    return this;
  }

  static String sentence(List<String> names) {
    switch (names.size()) {
      case 0:
        return "";
      case 1:
        return names.get(0) + " is editing…";
      case 2:
        return names.get(0) + " and " + names.get(1) + " are editing…";
      default:
        return names.get(0) + " and " + (names.size() - 1) + " others are editing…";
    }
  }
}
