package io.vertebra.framework.suite;

import com.google.gwt.core.client.GWT;
import com.google.gwt.safehtml.client.SafeHtmlTemplates;
import com.google.gwt.safehtml.shared.SafeHtml;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEvent;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A typical application view for the checks: declared element, events map, SafeHtml template, model binding. */
class ItemView extends View {

  interface Templates extends SafeHtmlTemplates {
    @Template("<h2 class=\"title\">{0}</h2><div class=\"outer\"><button class=\"save inner\">"
        + "<span class=\"label\">{1}</span></button></div><a class=\"link\" href=\"{2}\">link</a>")
    SafeHtml item(String title, String label, String href);
  }

  private static final Templates TEMPLATES = GWT.create(Templates.class);

  /** What the handlers saw, as "handler:currentTarget class" entries. */
  List<String> log;
  int renders;

  ItemView(ViewOptions options) {
    super(options);
  }

  @Override
  protected String tagName() {
    return "article";
  }

  @Override
  protected String className() {
    return "item card";
  }

  @Override
  protected Map<String, String> attributes() {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("data-kind", "item");
    attrs.put("class", "ignored-because-className-wins");
    return attrs;
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    Map<String, ViewEventHandler> events = new LinkedHashMap<>();
    events.put("click .save", e -> record("save", e));
    events.put("click", e -> record("root", e));
    return events;
  }

  @Override
  protected void initialize(ViewOptions options) {
    log = new ArrayList<>();
    if (model() != null) {
      listenTo(model(), "change", args -> render());
    }
  }

  @Override
  public ItemView render() {
    renders++;
    Object title = model() == null ? "" : model().get("title");
    html(TEMPLATES.item(String.valueOf(title), "Save", "javascript:alert(1)"));
    return this;
  }

  void record(String handler, ViewEvent event) {
    log.add(handler + ":" + event.currentTarget().getTagName().toLowerCase());
  }
}
