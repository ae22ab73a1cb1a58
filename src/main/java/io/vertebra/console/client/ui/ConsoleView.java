package io.vertebra.console.client.ui;

import com.google.gwt.dom.client.Element;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;

/** The console's page layout: header, a banner for problems, and the slots the other views render into. */
public final class ConsoleView extends View {

  public ConsoleView() {
    super(new ViewOptions().className("console-shell"));
  }

  @Override
  public ConsoleView render() {
    html(ConsoleTemplates.T.shell());
    return this;
  }

  /** Puts {@code view} (rendered) into the slot with class {@code slot}. */
  public void place(String slot, View view) {
    Element target = findFirst("." + slot);
    target.removeAllChildren();
    target.appendChild(view.render().el());
  }

  /** Shows a problem above everything (null or empty hides it). */
  public void banner(String message) {
    findFirst(".banner").setInnerText(message == null ? "" : message);
  }
}
