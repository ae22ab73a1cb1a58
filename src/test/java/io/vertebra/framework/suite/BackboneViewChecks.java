package io.vertebra.framework.suite;

import static io.vertebra.framework.suite.Dom.clean;
import static io.vertebra.framework.suite.Dom.click;
import static io.vertebra.framework.suite.Dom.parse;
import static io.vertebra.framework.suite.Dom.sandbox;
import static io.vertebra.framework.suite.Dom.trigger;
import static io.vertebra.framework.suite.Expect.equal;
import static io.vertebra.framework.suite.Expect.isTrue;

import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import io.vertebra.framework.browser.EventListeners;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backbone 1.6.1 test/view.js, ported: each check's name is the QUnit title. The fixture is Backbone's: a
 * {@code <div id="testElement"><h1>Test</h1></div>} in the page ({@link #testElement()}) and a view built with
 * {@code id}, {@code className} and a non-special option ({@link #view()}).
 */
final class BackboneViewChecks {

  private BackboneViewChecks() {
  }

  static void register(Checks runner) {
    runner.test("constructor", () -> {
      ViewOptions options = fixtureOptions();
      View view = new View(options);
      equal("test-view", view.el().getId(), "id");
      equal("test-view", view.el().getClassName(), "className");
      isTrue(!view.el().hasAttribute("other") && view.el().getPropertyObject("other") == null,
          "a non-special option does not reach the element");
    });
    runner.test("$", () -> {
      View myView = new View();
      myView.setElement(parse("<p><a><b>test</b></a></p>"));
      List<Element> result = myView.find("a b");
      equal("test", result.get(0).getInnerHTML(), "first match");
      equal(1, result.size(), "a list of matches");
    });
    runner.test("initialize", () -> equal(1, new CountingView().one, "set in initialize"));
    runner.test("preinitialize", () -> equal(1, new PreinitializedView().one, "set in preinitialize"));
    runner.test("preinitialize occurs before the view is set up", () -> {
      boolean[] elWasNull = {false};
      View view = new View(new ViewOptions()) {
        @Override
        protected void preinitialize(ViewOptions options) {
          elWasNull[0] = el() == null;
        }
      };
      isTrue(elWasNull[0], "no element yet in preinitialize");
      isTrue(view.el() != null, "an element afterwards");
    });
    runner.test("render", () -> {
      View myView = new View();
      isTrue(myView.render() == myView, "#render returns the view instance");
    });
    runner.test("delegateEvents", () -> {
      ClickCounts counts = new ClickCounts();
      counts.clickH1(1, 1);
      counts.clickH1(2, 2);
      counts.view.delegateEvents(counts.events);
      counts.clickH1(3, 3);
      clean();
    });
    runner.test("delegate", () -> {
      int[] calls = {0};
      View myView = new View(new ViewOptions().el(testElement()));
      myView.delegate("click", "h1", e -> calls[0]++);
      View returned = myView.delegate("click", e -> calls[0]++);
      click(myView.findFirst("h1"));
      equal(2, calls[0], "both handlers");
      isTrue(returned == myView, "#delegate returns the view instance");
      clean();
    });
    runner.test("delegateEvents allows functions for callbacks", () -> {
      int[] counter = {0};
      View myView = new View(new ViewOptions().el(parse("<p></p>")));
      Map<String, ViewEventHandler> events = Collections.singletonMap("click", e -> counter[0]++);
      myView.delegateEvents(events);
      click(myView.el());
      equal(1, counter[0], "counter");
      click(myView.el());
      equal(2, counter[0], "counter");
      myView.delegateEvents(events);
      click(myView.el());
      equal(3, counter[0], "counter after delegating again");
    });
    runner.test("delegateEvents ignore undefined methods", () -> {
      // Backbone looks the method name up on the view; Java's counterpart of a missing method is no handler.
      View myView = new View(new ViewOptions().el(parse("<p></p>")));
      myView.delegateEvents(Collections.singletonMap("click", null));
      click(myView.el());
    });
    runner.test("undelegateEvents", () -> {
      ClickCounts counts = new ClickCounts();
      counts.clickH1(1, 1);
      counts.view.undelegateEvents();
      counts.clickH1(1, 2);
      counts.view.delegateEvents(counts.events);
      counts.clickH1(2, 3);
      isTrue(counts.view.undelegateEvents() == counts.view, "#undelegateEvents returns the view instance");
      clean();
    });
    runner.test("undelegate", () -> {
      View myView = new View(new ViewOptions().el(testElement()));
      myView.delegate("click", e -> fail());
      myView.delegate("click", "h1", e -> fail());
      View returned = myView.undelegate("click");
      click(myView.findFirst("h1"));
      click(myView.el());
      isTrue(returned == myView, "#undelegate returns the view instance");
      clean();
    });
    runner.test("undelegate with passed handler", () -> {
      int[] calls = {0};
      View myView = new View(new ViewOptions().el(testElement()));
      ViewEventHandler listener = e -> fail();
      myView.delegate("click", listener);
      myView.delegate("click", e -> calls[0]++);
      myView.undelegate("click", listener);
      click(myView.el());
      equal(1, calls[0], "the other handler only");
      clean();
    });
    runner.test("undelegate with selector", () -> {
      int[] calls = {0};
      View myView = new View(new ViewOptions().el(testElement()));
      myView.delegate("click", e -> calls[0]++);
      myView.delegate("click", "h1", e -> fail());
      myView.undelegate("click", "h1");
      click(myView.findFirst("h1"));
      click(myView.el());
      equal(2, calls[0], "the element's own handler, twice");
      clean();
    });
    runner.test("undelegate with handler and selector", () -> {
      int[] calls = {0};
      View myView = new View(new ViewOptions().el(testElement()));
      myView.delegate("click", e -> calls[0]++);
      ViewEventHandler handler = e -> fail();
      myView.delegate("click", "h1", handler);
      myView.undelegate("click", "h1", handler);
      click(myView.findFirst("h1"));
      click(myView.el());
      equal(2, calls[0], "the element's own handler, twice");
      clean();
    });
    runner.test("tagName can be provided as a string", () -> equal("SPAN", new View() {
      @Override
      protected String tagName() {
        return "span";
      }
    }.el().getTagName().toUpperCase(), "tag"));
    runner.test("tagName can be provided as a function", () -> {
      View view = new View() {
        @Override
        protected String tagName() {
          return "p";
        }
      };
      equal("P", view.el().getTagName().toUpperCase(), "tag");
    });
    runner.test("_ensureElement with DOM node el", () ->
        isTrue(new BodyView().el() == Document.get().getBody(), "el is the node given by the class"));
    runner.test("with className and id functions", () -> {
      View view = new View() {
        @Override
        protected String className() {
          return "className";
        }

        @Override
        protected String id() {
          return "id";
        }
      };
      equal("className", view.el().getClassName(), "className");
      equal("id", view.el().getId(), "id");
    });
    runner.test("with attributes", () -> {
      View view = new View() {
        @Override
        protected Map<String, String> attributes() {
          return map("id", "id", "class", "class");
        }
      };
      equal("class", view.el().getClassName(), "class from attributes");
      equal("id", view.el().getId(), "id from attributes");
    });
    runner.test("with attributes as a function", () -> {
      View view = new View() {
        @Override
        protected Map<String, String> attributes() {
          return map("class", "dyna" + "mic");
        }
      };
      equal("dynamic", view.el().getClassName(), "class");
    });
    runner.test("should default to className/id properties", () -> {
      View myView = new View() {
        @Override
        protected String className() {
          return "backboneClass";
        }

        @Override
        protected String id() {
          return "backboneId";
        }

        @Override
        protected Map<String, String> attributes() {
          return map("class", "attributeClass", "id", "attributeId");
        }
      };
      equal("backboneClass", myView.el().getClassName(), "className");
      equal("backboneId", myView.el().getId(), "id");
      equal("backboneClass", myView.el().getAttribute("class"), "class attribute");
      equal("backboneId", myView.el().getAttribute("id"), "id attribute");
    });
    runner.test("multiple views per element", () -> {
      int[] count = {0};
      Element el = parse("<p></p>");
      ViewEventHandler handler = e -> count[0]++;
      View view1 = new View(new ViewOptions().el(el).event("click", handler));
      click(el);
      equal(1, count[0], "one view");
      new View(new ViewOptions().el(el).event("click", handler));
      click(el);
      equal(3, count[0], "two views");
      view1.delegateEvents();
      click(el);
      equal(5, count[0], "re-delegating does not double");
    });
    runner.test("custom events", () -> {
      int[] calls = {0};
      Element body = Document.get().getBody();
      View myView = new View(new ViewOptions().el(body).event("fake$event", e -> calls[0]++));
      trigger(body, "fake$event");
      trigger(body, "fake$event");
      // Backbone removes the handler with jQuery's off(); without jQuery, the view is asked to.
      myView.undelegate("fake$event");
      trigger(body, "fake$event");
      equal(2, calls[0], "custom event delegated");
    });
    runner.test("#1048 - setElement uses provided object.", () -> {
      Element body = Document.get().getBody();
      View myView = new View(new ViewOptions().el(body));
      isTrue(myView.el() == body, "the given element");
      Element other = sandbox();
      myView.setElement(other);
      isTrue(myView.el() == other, "the element given to setElement");
      myView.undelegateEvents();
    });
    runner.test("#986 - Undelegate before changing element.", () -> {
      Element button1 = parse("<button></button>");
      Element button2 = parse("<button></button>");
      int[] calls = {0};
      View[] myView = {null};
      myView[0] = new View(new ViewOptions().el(button1).event("click", e -> {
        isTrue(myView[0].el() == e.target(), "target is the view's element");
        calls[0]++;
      }));
      myView[0].setElement(button2);
      click(button1);
      click(button2);
      equal(1, calls[0], "only the new element delegates");
    });
    runner.test("#1172 - Clone attributes object", () -> {
      View view1 = new FooBarView(new ViewOptions().id("foo"));
      equal("foo", view1.el().getId(), "id from the options");
      View view2 = new FooBarView(new ViewOptions());
      isTrue(view2.el().getId().isEmpty(), "the class's attributes were not changed");
      equal(map("foo", "bar"), FooBarView.ATTRIBUTES, "attributes map untouched");
    });
    runner.test("views stopListening", () -> {
      View myView = new View(new ViewOptions().model(new Model()).collection(new Collection<>())) {
        @Override
        protected void initialize(ViewOptions options) {
          listenTo(model(), "all x", args -> fail());
          listenTo(collection(), "all x", args -> fail());
        }
      };
      myView.stopListening();
      myView.model().trigger("x");
      myView.collection().trigger("x");
    });
    runner.test("events passed in options", () -> {
      int[] counter = {0};
      View myView = new View(new ViewOptions().el(testElement()).event("click h1", e -> counter[0]++)) {
        @Override
        protected Map<String, ViewEventHandler> events() {
          return Collections.singletonMap("click h1", e -> fail());
        }
      };
      click(myView.findFirst("h1"));
      click(myView.findFirst("h1"));
      equal(2, counter[0], "the options' events, not the class's");
      clean();
    });
    runner.test("remove", () -> {
      View myView = new View();
      Document.get().getBody().appendChild(myView.el());
      myView.delegate("click", e -> fail());
      myView.listenTo(myView, "all x", args -> fail());
      isTrue(myView.remove() == myView, "#remove returns the view instance");
      click(myView.el());
      myView.trigger("x");
      isTrue(myView.el().getParentElement() != Document.get().getBody(), "detached from the body");
    });
    runner.test("setElement", () -> {
      int[] calls = {0};
      View myView = new View(new ViewOptions().event("click", e -> fail()));
      myView.setEvents(Collections.singletonMap("click", e -> calls[0]++));
      Element oldEl = myView.el();
      myView.setElement(Document.get().createDivElement());
      click(oldEl);
      click(myView.el());
      equal(1, calls[0], "the new events, on the new element only");
      isTrue(oldEl != myView.el(), "a new element");
    });
  }

  /** Backbone's beforeEach view options: id, className and an option views do not know. */
  private static ViewOptions fixtureOptions() {
    return new ViewOptions().id("test-view").className("test-view").set("other", "non-special-option");
  }

  /** Backbone's fixture element, fresh for each check. */
  private static Element testElement() {
    clean();
    Element element = parse("<div id=\"testElement\"><h1>Test</h1></div>");
    sandbox().appendChild(element);
    return element;
  }

  private static void fail() {
    throw Expect.fail("this handler must not run");
  }

  private static Map<String, String> map(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /**
   * The fixture of "delegateEvents" and "undelegateEvents": a view on the test element with {@code 'click h1'}
   * delegated (counter1) and a listener bound on its element directly, as jQuery's {@code $el.on} (counter2).
   */
  private static final class ClickCounts {
    final int[] counter1 = {0};
    final int[] counter2 = {0};
    final View view = new View(new ViewOptions().el(testElement()));
    final Map<String, ViewEventHandler> events = Collections.singletonMap("click h1", e -> counter1[0]++);

    ClickCounts() {
      EventListeners.add(view.el(), "click", e -> counter2[0]++);
      view.delegateEvents(events);
    }

    void clickH1(int expected1, int expected2) {
      click(view.findFirst("h1"));
      equal(expected1, counter1[0], "counter1");
      equal(expected2, counter2[0], "counter2");
    }
  }

  /** A view whose initialize sets a property. */
  static final class CountingView extends View {
    int one;

    @Override
    protected void initialize(ViewOptions options) {
      one = 1;
    }
  }

  /** A view whose preinitialize sets a property. */
  static final class PreinitializedView extends View {
    int one;

    @Override
    protected void preinitialize(ViewOptions options) {
      one = 1;
    }
  }

  /** A view whose class declares the body as its element (Backbone's {@code el: document.body}). */
  static final class BodyView extends View {
    BodyView() {
      super(new ViewOptions().el(Document.get().getBody()));
    }
  }

  /** A view whose class declares one attribute, in one map shared by all its instances. */
  static final class FooBarView extends View {
    static final Map<String, String> ATTRIBUTES = map("foo", "bar");

    FooBarView(ViewOptions options) {
      super(options);
    }

    @Override
    protected Map<String, String> attributes() {
      return ATTRIBUTES;
    }
  }
}
