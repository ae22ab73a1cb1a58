package io.vertebra.framework.suite;

import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.NativeEvent;

/** The page fixture of the view checks (Backbone's {@code #qunit-fixture}) and DOM events to dispatch in it. */
final class Dom {

  private Dom() {
  }

  /** A container in the page for one check; {@link #clean()} empties it. */
  static Element sandbox() {
    Element box = Document.get().getElementById("sandbox");
    if (box == null) {
      box = Document.get().createDivElement();
      box.setId("sandbox");
      Document.get().getBody().appendChild(box);
    }
    return box;
  }

  static void clean() {
    sandbox().removeAllChildren();
  }

  /** A detached element parsed from markup (jQuery's {@code $('<p>...</p>')}). */
  static Element parse(String html) {
    Element holder = Document.get().createDivElement();
    holder.setInnerHTML(html);
    return holder.getFirstChildElement();
  }

  static void click(Element target) {
    dispatch(target, Document.get().createClickEvent(1, 0, 0, 0, 0, false, false, false, false));
  }

  /** Dispatches a bubbling event of any type, custom ones included. */
  static void trigger(Element target, String type) {
    dispatch(target, Document.get().createHtmlEvent(type, true, true));
  }

  static void dispatch(Element target, NativeEvent event) {
    target.dispatchEvent(event);
  }
}
