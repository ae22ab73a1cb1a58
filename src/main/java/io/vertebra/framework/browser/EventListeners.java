package io.vertebra.framework.browser;

import com.google.gwt.core.client.JavaScriptObject;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.NativeEvent;

/**
 * The DOM's {@code addEventListener}/{@code removeEventListener} with a Java callback: unlike GWT's widget event
 * system it works on any element and any event type (including ones GWT does not know, like {@code focusin}).
 */
public final class EventListeners {

  private EventListeners() {
  }

  /** Receives one DOM event. */
  @FunctionalInterface
  public interface Listener {

    /** Handles {@code event}; exceptions go to GWT's uncaught exception handler. */
    void onEvent(NativeEvent event);
  }

  /** One attached listener; {@link #remove()} detaches exactly it. */
  public static final class Registration {

    private final Element target;
    private final String type;
    private JavaScriptObject function;

    private Registration(Element target, String type, JavaScriptObject function) {
      this.target = target;
      this.type = type;
      this.function = function;
    }

    /** Detaches the listener. Calling it twice is harmless. */
    public void remove() {
      if (function != null) {
        detach(target, type, function);
        function = null;
      }
    }
  }

  /** Calls {@code listener} for every {@code type} event dispatched to or bubbling through {@code target}. */
  public static Registration add(Element target, String type, Listener listener) {
    return new Registration(target, type, attach(target, type, listener));
  }

  private static native JavaScriptObject attach(Element target, String type, Listener listener) /*-{
    var fn = $entry(function(event) {
      listener.@io.vertebra.framework.browser.EventListeners.Listener::onEvent(Lcom/google/gwt/dom/client/NativeEvent;)(event);
    });
    target.addEventListener(type, fn, false);
    return fn;
  }-*/;

  private static native void detach(Element target, String type, JavaScriptObject fn) /*-{
    target.removeEventListener(type, fn, false);
  }-*/;
}
