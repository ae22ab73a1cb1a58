package io.vertebra.framework.view;

import com.google.gwt.safehtml.shared.SafeHtml;
import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.framework.realtime.ConnectionState;
import io.vertebra.framework.realtime.Notifier;

/**
 * The live / reconnecting / offline badge every realtime app shows: {@code <span class="conn"><i></i><b>Live</b>
 * </span>}, kept up to date from the {@link Notifier}. Its {@code data-state} attribute is the pusher-js state, its
 * {@code data-status} one of {@code live}, {@code reconnecting}, {@code offline}, for styles and tests.
 *
 * <pre>{@code
 * header.appendChild(new ConnectionBadge(notifier).render().el());
 * }</pre>
 */
public final class ConnectionBadge extends View {

  private final Notifier notifier;

  /** A badge for {@code notifier}'s connection; it re-renders on every state change until {@link #remove()}. */
  public ConnectionBadge(Notifier notifier) {
    super(new ViewOptions().tagName("span").className("conn"));
    this.notifier = notifier;
    listenTo(notifier, Notifier.STATE_CHANGE, args -> render());
  }

  @Override
  public ConnectionBadge render() {
    ConnectionState state = notifier.state();
    String status = status(state);
    el().setAttribute("data-state", state.pusherName());
    el().setAttribute("data-status", status);
    el().setTitle("Realtime connection: " + state.pusherName());
    html(markup(label(status)));
    return this;
  }

  /** What the user needs to know: are changes arriving live? */
  public static String status(ConnectionState state) {
    switch (state) {
      case CONNECTED:
        return "live";
      case INITIALIZED:
      case CONNECTING:
        return "reconnecting";
      default:
        return "offline";
    }
  }

  /** The badge's words for a {@link #status}. */
  public static String label(String status) {
    switch (status) {
      case "live":
        return "Live";
      case "reconnecting":
        return "Connecting…";
      default:
        return "Offline";
    }
  }

  private static SafeHtml markup(String label) {
    return new SafeHtmlBuilder().appendHtmlConstant("<i></i><b>").appendEscaped(label).appendHtmlConstant("</b>")
        .toSafeHtml();
  }
}
