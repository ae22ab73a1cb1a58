package io.vertebra.framework.view;

import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.NativeEvent;
import com.google.gwt.dom.client.Node;
import com.google.gwt.safehtml.shared.SafeHtml;
import io.vertebra.framework.browser.EventListeners;
import io.vertebra.framework.browser.Selectors;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.StringMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A piece of UI bound to one DOM element, as Backbone's View: it owns an element ({@link #el()}), renders a model
 * or collection into it, and reacts to DOM events inside it through a declarative events map.
 *
 * <p>A view either gets an existing element ({@link ViewOptions#el}) or creates one from {@link #tagName()},
 * {@link #id()}, {@link #className()} and {@link #attributes()} (options win over these). Its events map binds
 * "event selector" keys to handlers, all served by ONE listener per event type on the view's element, which finds
 * the elements matching the selector between the event's target and the view's element (deepest first, like
 * jQuery's delegated events). So re-rendering the content never loses handlers.
 *
 * <p>Render with GWT SafeHtml ({@code SafeHtmlTemplates} or {@code SafeHtmlBuilder}) and {@link #html(SafeHtml)}:
 * model data is escaped unless you explicitly say it is safe.
 *
 * <pre>{@code
 * class PostView extends View {
 *   interface Templates extends SafeHtmlTemplates {
 *     @Template("<h2>{0}</h2><button class=\"delete\">Delete</button>")
 *     SafeHtml post(String title);
 *   }
 *   static final Templates TEMPLATES = GWT.create(Templates.class);
 *
 *   PostView(Post post) { super(new ViewOptions().model(post)); }
 *
 *   protected String tagName() { return "article"; }
 *   protected Map<String, ViewEventHandler> events() { return Map.of("click .delete", e -> model().destroy()); }
 *   protected void initialize(ViewOptions options) { listenTo(model(), "change", args -> render()); }
 *
 *   public PostView render() { html(TEMPLATES.post(model().get("title").toString())); return this; }
 * }
 * }</pre>
 *
 * <p>As in Backbone, the constructor calls {@link #preinitialize} (before the element exists), {@link #tagName()},
 * {@link #events()} and {@link #initialize} before the subclass's own field initializers have run: let those
 * methods return constants or use {@code this} methods only. Events given in the options replace {@link #events()},
 * as Backbone's {@code events} option replaces the class's.
 */
public class View extends Events {

  private static int nextCid;

  private final String cid = "view" + (++nextCid);
  private final Model model;
  private final Collection<?> collection;
  /** Backbone's {@code this.events} when given in the options (or set): replaces {@link #events()}; else null. */
  private Map<String, ? extends ViewEventHandler> events;
  private Element el;
  private final List<Delegation> delegations = new ArrayList<>();
  private final Map<String, EventListeners.Registration> rootListeners = new StringMap<>();

  /** A view with a new {@code <div>} (or whatever the subclass declares) and no model. */
  public View() {
    this(new ViewOptions());
  }

  /** A view built with {@code options}: {@link #preinitialize} runs first, {@link #initialize} last. */
  public View(ViewOptions options) {
    ViewOptions opts = options == null ? new ViewOptions() : options;
    preinitialize(opts);
    this.model = opts.model;
    this.collection = opts.collection;
    this.events = opts.events == null ? null : new StringMap<>(opts.events);
    setElement(opts.el != null ? opts.el : createElement(opts));
    initialize(opts);
  }

  // What a subclass declares, as Backbone's class properties: the element it creates, the events it delegates.

  /** The tag of the element a view creates ("div"). */
  protected String tagName() {
    return "div";
  }

  /** The id of the element a view creates (none). */
  protected String id() {
    return null;
  }

  /** The class attribute of the element a view creates (none). */
  protected String className() {
    return null;
  }

  /** Further attributes of the element a view creates (none); {@link #id()} and {@link #className()} win. */
  protected Map<String, String> attributes() {
    // A new empty map rather than Collections.emptyMap(): the JRE's empty-collection classes would ship just for these.
    return new StringMap<>();
  }

  /**
   * The declarative events map: "click" (the element itself) or "click .save button" (elements inside it that
   * match the selector) → handler; an entry without a handler is skipped. Use an ordered map when order matters.
   * Events given in the options ({@link ViewOptions#event}) or with {@link #setEvents} replace these.
   */
  protected Map<String, ViewEventHandler> events() {
    return new StringMap<>();
  }

  /** Called first in construction, before the view has its model, collection or element. Does nothing. */
  protected void preinitialize(ViewOptions options) {
  }

  /** Called at the end of construction, after the element exists and events are delegated. Does nothing. */
  protected void initialize(ViewOptions options) {
  }

  // The element and what the view shows in it.

  /** This view's unique client id ("view1", "view2", ...). */
  public String cid() {
    return cid;
  }

  /** The view's element. */
  public Element el() {
    return el;
  }

  /** The model given in the options, or null. */
  public Model model() {
    return model;
  }

  /** The collection given in the options, or null. */
  public Collection<?> collection() {
    return collection;
  }

  /**
   * Moves the view to another element: undelegates the events from the old one and delegates them on the new one
   * (Backbone's setElement).
   */
  public View setElement(Element element) {
    if (element == null) {
      throw new IllegalArgumentException("setElement needs an element");
    }
    undelegateEvents();
    el = element;
    delegateEvents();
    return this;
  }

  /** Renders the view into its element. Does nothing here; override it and return {@code this}. */
  public View render() {
    return this;
  }

  /**
   * {@code task} (a render, or part of one) wrapped to run once at the end of the current turn however often a
   * burst of events requests it: call {@link OncePerTurn#request()} from the listeners. See {@link OncePerTurn}.
   */
  protected final OncePerTurn oncePerTurn(Runnable task) {
    return new OncePerTurn(task);
  }

  /** Replaces the element's content with {@code html}, which SafeHtml guarantees to be escaped where needed. */
  public View html(SafeHtml html) {
    el.setInnerSafeHtml(html);
    return this;
  }

  /** The elements inside this view's element that match a CSS {@code selector} (Backbone's {@code view.$}). */
  public List<Element> find(String selector) {
    return Selectors.querySelectorAll(el, selector);
  }

  /** The first element inside this view's element that matches {@code selector}, or null. */
  public Element findFirst(String selector) {
    return Selectors.querySelector(el, selector);
  }

  /**
   * Takes the view out of the page: detaches its element, removes its delegated DOM listeners and stops listening
   * to models and collections ({@link #stopListening()}).
   */
  public View remove() {
    el.removeFromParent();
    undelegateEvents();
    stopListening();
    return this;
  }

  // Event delegation: one DOM listener per event type on the element serves every "event selector" entry, so
  // re-rendering the content never loses a handler.

  /** Delegates the events map (the options' or {@link #setEvents}'s, else {@link #events()}), replacing the current. */
  public View delegateEvents() {
    return delegateEvents(events != null ? events : events());
  }

  /**
   * Replaces the view's events map, as assigning Backbone's {@code view.events} does: delegated from the next
   * {@link #delegateEvents()} or {@link #setElement} on. Null returns to {@link #events()}.
   */
  public View setEvents(Map<String, ? extends ViewEventHandler> eventsMap) {
    this.events = eventsMap == null ? null : new StringMap<>(eventsMap);
    return this;
  }

  /**
   * Delegates {@code eventsMap} ("event selector" → handler) after removing all current delegations; entries
   * without a handler are skipped, as Backbone skips a method name the view does not have.
   */
  public View delegateEvents(Map<String, ? extends ViewEventHandler> eventsMap) {
    undelegateEvents();
    for (Map.Entry<String, ? extends ViewEventHandler> e : eventsMap.entrySet()) {
      Delegation d = Delegation.parse(e.getKey(), e.getValue());
      if (d.handler != null) {
        delegate(d.eventName, d.selector, d.handler);
      }
    }
    return this;
  }

  /** Calls {@code handler} for {@code eventName} events on elements inside the view that match {@code selector}. */
  public View delegate(String eventName, String selector, ViewEventHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("delegate needs a handler for \"" + eventName + "\"");
    }
    Delegation d = new Delegation(eventName, selector, handler);
    delegations.add(d);
    String type = d.domType();
    if (!rootListeners.containsKey(type)) {
      rootListeners.put(type, EventListeners.add(el, type, event -> dispatch(type, event)));
    }
    return this;
  }

  /** Calls {@code handler} for {@code eventName} events on the view's element itself (and bubbling to it). */
  public View delegate(String eventName, ViewEventHandler handler) {
    return delegate(eventName, "", handler);
  }

  /**
   * Removes the delegations for {@code eventName} that match {@code selector} and {@code handler}; a null
   * selector or handler matches any.
   */
  public View undelegate(String eventName, String selector, ViewEventHandler handler) {
    delegations.removeIf(d -> d.matches(eventName, selector, handler));
    releaseUnusedListeners();
    return this;
  }

  /** Removes the delegations for {@code eventName} on elements matching {@code selector}. */
  public View undelegate(String eventName, String selector) {
    return undelegate(eventName, selector, null);
  }

  /** Removes the delegations of {@code handler} for {@code eventName}, whatever their selector. */
  public View undelegate(String eventName, ViewEventHandler handler) {
    return undelegate(eventName, null, handler);
  }

  /** Removes every delegation for {@code eventName}. */
  public View undelegate(String eventName) {
    return undelegate(eventName, null, null);
  }

  /** Removes all delegated events of this view (Backbone's undelegateEvents). */
  public View undelegateEvents() {
    delegations.clear();
    releaseUnusedListeners();
    return this;
  }

  private void releaseUnusedListeners() {
    List<String> types = new ArrayList<>(rootListeners.keySet());
    for (String type : types) {
      if (!hasDelegationFor(type)) {
        rootListeners.remove(type).remove();
      }
    }
  }

  private boolean hasDelegationFor(String type) {
    for (Delegation d : delegations) {
      if (d.domType().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** Serves one DOM event: selector handlers from the target outwards, then the element's own handlers. */
  private void dispatch(String type, NativeEvent event) {
    List<Delegation> current = new ArrayList<>(delegations);
    Element root = el;
    Element target = targetElement(event);
    ViewEvent.Dispatch state = new ViewEvent.Dispatch();
    for (Element node = target; node != null && node != root && !state.stopped; node = node.getParentElement()) {
      for (Delegation d : current) {
        if (!d.selector.isEmpty() && d.domType().equals(type) && Selectors.matches(node, d.selector)) {
          d.handler.handle(new ViewEvent(event, target, node, root, state));
        }
      }
    }
    if (state.stopped) {
      return;
    }
    for (Delegation d : current) {
      if (d.selector.isEmpty() && d.domType().equals(type)) {
        d.handler.handle(new ViewEvent(event, target, root, root, state));
      }
    }
  }

  /** The element the event happened on (a text node's parent when the target is text). */
  private static Element targetElement(NativeEvent event) {
    if (Element.is(event.getEventTarget())) {
      return Element.as(event.getEventTarget());
    }
    if (Node.is(event.getEventTarget())) {
      return Node.as(event.getEventTarget()).getParentElement();
    }
    return null;
  }

  private Element createElement(ViewOptions opts) {
    Element element = Document.get().createElement(opts.tagName != null ? opts.tagName : tagName());
    Map<String, String> attrs = new StringMap<>(opts.attributes != null ? opts.attributes : attributes());
    String idValue = opts.id != null ? opts.id : id();
    String classValue = opts.className != null ? opts.className : className();
    if (idValue != null) {
      attrs.put("id", idValue);
    }
    if (classValue != null) {
      attrs.put("class", classValue);
    }
    for (Map.Entry<String, String> a : attrs.entrySet()) {
      element.setAttribute(a.getKey(), a.getValue());
    }
    return element;
  }
}
