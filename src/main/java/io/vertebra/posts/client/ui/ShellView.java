package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import io.vertebra.framework.view.View;

/** The page frame: header (brand, then whatever the app adds: connection badge, user menu) and the main area. */
public final class ShellView extends AppView {

  private AppView page;

  public ShellView() {
    super("div", "shell");
  }

  @Override
  public ShellView render() {
    html(Templates.T.shell());
    return this;
  }

  /** Adds a view to the header, right of the brand. */
  public void addToHeader(View view) {
    byClass("top").appendChild(view.render().el());
  }

  /** The page currently shown, or null. */
  public AppView page() {
    return page;
  }

  /** Replaces the page in the main area (the old one is removed, releasing what it followed). */
  public void show(AppView next) {
    if (page != null) {
      page.remove();
    }
    page = next;
    Element main = byClass("main");
    main.removeAllChildren();
    main.appendChild(next.render().el());
  }
}
