package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;

/** The page frame: header (brand, then whatever the app adds: connection badge, user menu) and the main area. */
public final class ShellView extends DomView {

  private DomView page;

  public ShellView() {
    super("div", "shell");
  }

  @Override
  public ShellView render() {
    setHtml(Templates.T.shell());
    return this;
  }

  /** Adds a view to the header, right of the brand. */
  public void addToHeader(DomView view) {
    find("top").appendChild(view.render().element());
  }

  /** The page currently shown, or null. */
  public DomView page() {
    return page;
  }

  /** Replaces the page in the main area (the old one is removed, releasing what it followed). */
  public void show(DomView next) {
    if (page != null) {
      page.remove();
    }
    page = next;
    Element main = find("main");
    main.removeAllChildren();
    main.appendChild(next.render().element());
  }
}
