package io.vertebra.framework.suite;

import static io.vertebra.framework.suite.Dom.clean;
import static io.vertebra.framework.suite.Dom.click;
import static io.vertebra.framework.suite.Dom.dispatch;
import static io.vertebra.framework.suite.Dom.sandbox;
import static io.vertebra.framework.suite.Expect.equal;
import static io.vertebra.framework.suite.Expect.isTrue;

import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.InputElement;
import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.framework.browser.Selectors;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** View in a real DOM: element creation, escaping, find, event delegation, setElement, remove. */
final class ViewChecks {

  private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\">&<b>bold</b>";

  private ViewChecks() {
  }

  static void register(Checks runner) {
    runner.test("View creates its element from tagName, className, id and attributes", () -> {
      ItemView view = new ItemView(new ViewOptions().id("item-1"));
      Element el = view.el();
      equal("ARTICLE", el.getTagName().toUpperCase(), "tag");
      equal("item card", el.getClassName(), "className wins over attributes' class");
      equal("item-1", el.getId(), "id from options");
      equal("item", el.getAttribute("data-kind"), "attribute");
      isTrue(el.getParentElement() == null, "a new element is not in the page yet");
      isTrue(view.cid().startsWith("view"), "cid " + view.cid());
    });
    runner.test("View options override the declared tagName and className", () -> {
      ItemView view = new ItemView(new ViewOptions().tagName("section").className("other"));
      equal("SECTION", view.el().getTagName().toUpperCase(), "tag");
      equal("other", view.el().getClassName(), "className");
    });
    runner.test("View uses an element given as el and creates none", () -> {
      Element existing = sandbox();
      existing.setClassName("given");
      ItemView view = new ItemView(new ViewOptions().el(existing));
      isTrue(view.el() == existing, "el is the given element");
      equal("given", existing.getClassName(), "given element untouched");
      clean();
    });
    runner.test("render returns this and escapes model data through SafeHtmlTemplates", () -> {
      Model model = new Model(Collections.singletonMap("title", HOSTILE));
      ItemView view = new ItemView(new ViewOptions().model(model));
      isTrue(view.render() == view, "render returns the view");
      Element title = view.findFirst(".title");
      equal(HOSTILE, title.getInnerText(), "title text is the raw string");
      equal(0, view.find("img").size(), "no <img> element was created from data");
      equal(0, view.find("b").size(), "no <b> element was created from data");
      String href = view.findFirst(".link").getAttribute("href");
      isTrue(!href.startsWith("javascript:"), "unsafe URL sanitized, was " + href);
    });
    runner.test("SafeHtmlBuilder escapes text appended with appendEscaped; html() renders it", () -> {
      View view = new View();
      SafeHtmlBuilder html = new SafeHtmlBuilder().appendHtmlConstant("<p class=\"body\">")
          .appendEscaped(HOSTILE).appendHtmlConstant("</p>");
      view.html(html.toSafeHtml());
      equal(HOSTILE, view.findFirst("p.body").getInnerText(), "escaped text");
      equal(0, view.find("img").size(), "no injected element");
    });
    runner.test("model change re-renders through listenTo", () -> {
      Model model = new Model(Collections.singletonMap("title", "one"));
      ItemView view = new ItemView(new ViewOptions().model(model)).render();
      model.set("title", "two");
      equal("two", view.findFirst(".title").getInnerText(), "re-rendered title");
      equal(2, view.renders, "renders");
    });
    runner.test("find returns matches inside the element only", () -> {
      Element box = sandbox();
      ItemView view = new ItemView(new ViewOptions()).render();
      Element outside = Document.get().createSpanElement();
      outside.setClassName("label");
      box.appendChild(outside);
      box.appendChild(view.el());
      List<Element> labels = view.find(".label");
      equal(1, labels.size(), "labels in the view");
      isTrue(labels.get(0) != outside, "not the outside one");
      isTrue(view.findFirst(".missing") == null, "no match gives null");
      clean();
    });
    runner.test("'click .save' fires for the button and its children with currentTarget = the match", () -> {
      ItemView view = attached();
      click(view.findFirst(".label"));
      click(view.findFirst(".save"));
      click(view.findFirst(".title"));
      equal(Arrays.asList("save:button", "root:article", "save:button", "root:article", "root:article"), view.log,
          "delegated calls (selector handlers first, then the element's own)");
      clean();
    });
    runner.test("delegated handlers run deepest match first; stopPropagation stops outer ones", () -> {
      ItemView view = attached();
      List<String> order = new ArrayList<>();
      view.undelegateEvents();
      view.delegate("click", ".outer", e -> order.add("outer"));
      view.delegate("click", ".inner", e -> order.add("inner"));
      view.delegate("click", e -> order.add("root"));
      click(view.findFirst(".label"));
      equal(Arrays.asList("inner", "outer", "root"), order, "bubbling order");
      order.clear();
      view.delegate("click", ".save", e -> e.stopPropagation());
      click(view.findFirst(".label"));
      equal(Arrays.asList("inner"), order, "after stopPropagation on .save (same level still runs)");
      clean();
    });
    runner.test("delegation survives re-rendering the content", () -> {
      ItemView view = attached();
      view.render();
      view.render();
      click(view.findFirst(".save"));
      equal(Arrays.asList("save:button", "root:article"), view.log, "calls after re-render");
      clean();
    });
    runner.test("undelegateEvents removes all handlers; delegateEvents restores the declared ones", () -> {
      ItemView view = attached();
      view.undelegateEvents();
      click(view.findFirst(".save"));
      equal(0, view.log.size(), "no calls when undelegated");
      view.delegateEvents();
      view.delegateEvents();
      click(view.findFirst(".save"));
      equal(Arrays.asList("save:button", "root:article"), view.log, "restored once, not twice");
      clean();
    });
    runner.test("undelegate removes only the matching event, selector and handler", () -> {
      ItemView view = attached();
      List<String> calls = new ArrayList<>();
      ViewEventHandler a = e -> calls.add("a");
      ViewEventHandler b = e -> calls.add("b");
      view.undelegateEvents();
      view.delegate("click", ".save", a);
      view.delegate("click", ".save", b);
      view.delegate("mouseover", ".save", a);
      view.undelegate("click", ".save", a);
      click(view.findFirst(".save"));
      equal(Arrays.asList("b"), calls, "only b remains for click");
      view.undelegate("click");
      click(view.findFirst(".save"));
      equal(Arrays.asList("b"), calls, "no click handlers left");
      dispatch(view.findFirst(".save"), Document.get().createMouseOverEvent(0, 0, 0, 0, 0, false, false, false,
          false, 0, null));
      equal(Arrays.asList("b", "a"), calls, "mouseover still delegated");
      clean();
    });
    runner.test("events given in ViewOptions replace the declared ones, as Backbone's events option does", () -> {
      List<String> calls = new ArrayList<>();
      ItemView view = new ItemView(new ViewOptions().event("click .title", e -> calls.add("title")));
      sandbox().appendChild(view.render().el());
      click(view.findFirst(".title"));
      click(view.findFirst(".save"));
      equal(Arrays.asList("title"), calls, "option event");
      equal(0, view.log.size(), "the declared events are not delegated");
      clean();
    });
    runner.test("delegated 'focus input' listens to focusin, since focus does not bubble", () -> {
      List<String> calls = new ArrayList<>();
      View view = new View(new ViewOptions().event("focus input", e -> calls.add(e.type())));
      InputElement input = Document.get().createTextInputElement();
      view.el().appendChild(input);
      sandbox().appendChild(view.el());
      input.focus();
      equal(Arrays.asList("focusin"), calls, "focus delegated");
      clean();
    });
    runner.test("setElement moves the delegated events to the new element", () -> {
      ItemView view = attached();
      Element old = view.el();
      Element replacement = Document.get().createDivElement();
      replacement.setInnerHTML("<button class=\"save\">x</button>");
      sandbox().appendChild(replacement);
      isTrue(view.setElement(replacement) == view, "setElement returns the view");
      click(firstIn(old, ".save"));
      equal(0, view.log.size(), "old element no longer delegates");
      click(view.findFirst(".save"));
      equal(Arrays.asList("save:button", "root:div"), view.log, "new element delegates");
      clean();
    });
    runner.test("remove detaches the element, stops listening and stops DOM handlers", () -> {
      Model model = new Model(Collections.singletonMap("title", "t"));
      ItemView view = new ItemView(new ViewOptions().model(model)).render();
      Element box = sandbox();
      box.appendChild(view.el());
      Element save = view.findFirst(".save");
      isTrue(view.remove() == view, "remove returns the view");
      isTrue(view.el().getParentElement() == null, "detached");
      equal(0, model.listenerCount(), "model has no listeners left");
      equal(0, view.listeningToCount(), "view listens to nothing");
      model.set("title", "changed");
      equal(1, view.renders, "no re-render after remove");
      click(save);
      equal(0, view.log.size(), "no DOM handler after remove");
      clean();
    });
    runner.test("an events key without an event name is a clear error", () -> {
      try {
        new View().delegateEvents(Collections.singletonMap("  ", (ViewEventHandler) e -> { }));
        throw Expect.fail("expected IllegalArgumentException");
      } catch (IllegalArgumentException expected) {
        isTrue(expected.getMessage().contains("event name"), expected.getMessage());
      }
    });
    runner.test("an events map delegates every key, one call each per event", () -> {
      List<String> calls = new ArrayList<>();
      View view = new View();
      view.el().setInnerHTML("<p class=\"a b\">x</p>");
      sandbox().appendChild(view.el());
      Map<String, ViewEventHandler> map = new LinkedHashMap<>();
      map.put("click .a", e -> calls.add("a"));
      map.put("click  .b", e -> calls.add("b"));
      view.delegateEvents(map);
      click(view.findFirst("p"));
      equal(Arrays.asList("a", "b"), calls, "both keys, once each");
      clean();
    });
  }

  private static Element firstIn(Element root, String selector) {
    return Selectors.querySelector(root, selector);
  }

  private static ItemView attached() {
    ItemView view = new ItemView(new ViewOptions()).render();
    sandbox().appendChild(view.el());
    return view;
  }
}
