package io.vertebra.posts.client.model;

import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import java.util.Map;

/** Someone viewing a post (a presence member): {@code {id, name, color, editing}}. */
public class Viewer extends Model {

  public static final String NAME = "name";
  public static final String COLOR = "color";
  public static final String EDITING = "editing";

  public Viewer(Map<String, ?> attributes, Options options) {
    super(attributes, options);
  }

  public String getName() {
    String name = getString(NAME);
    return name == null || name.isEmpty() ? "Someone" : name;
  }

  public String getColor() {
    return getString(COLOR);
  }

  public boolean isEditing() {
    return Boolean.TRUE.equals(get(EDITING));
  }
}
