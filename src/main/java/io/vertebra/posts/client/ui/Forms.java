package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.ButtonElement;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.NodeList;
import io.vertebra.framework.browser.Selectors;
import io.vertebra.framework.sync.SyncError;

/** Form helpers shared by the views: error line, busy state, human messages for failed requests. */
final class Forms {

  private Forms() {
  }

  /** Shows (or with null/empty clears) the {@code .error} line of a view. */
  static void showError(Element root, String message) {
    Element error = Selectors.querySelector(root, ".error");
    if (error != null) {
      error.setInnerText(message == null ? "" : message);
    }
  }

  /** Disables the buttons while a request runs, so a double click does not send twice. */
  static void setBusy(Element root, boolean busy) {
    NodeList<Element> buttons = root.getElementsByTagName("button");
    for (int i = 0; i < buttons.getLength(); i++) {
      ButtonElement.as(buttons.getItem(i)).setDisabled(busy);
    }
  }

  /** What to tell the user about a failed request. */
  static String describe(SyncError error) {
    switch (error.getStatus()) {
      case 0:
        return "You appear to be offline: the server could not be reached. Nothing was lost; try again when the"
            + " connection is back.";
      case 401:
        return "Your session has ended. Sign in again (reload the page); your text stays here until then.";
      case 404:
        return "This post no longer exists.";
      default:
        String message = error.getMessage();
        return message == null || message.isEmpty() ? "Something went wrong (HTTP " + error.getStatus() + ")." : message;
    }
  }
}
