package io.vertebra.console.client.ui;

import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import io.vertebra.console.client.model.EventLog;
import io.vertebra.console.client.model.LogEntry;
import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.core.Values;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;
import java.util.Map;

/**
 * The live event log, newest first. Entries are added and removed one by one as the {@link EventLog} changes,
 * never by redrawing the list, so a busy feed stays cheap and text being selected does not vanish.
 */
public final class LogView extends View {

  private final EventLog log;
  private final Map<String, Element> items = new StringMap<>();

  public LogView(EventLog log) {
    super(new ViewOptions().className("log-view"));
    this.log = log;
    listenTo(log, "add", args -> added((LogEntry) args[0]));
    listenTo(log, "remove", args -> removed((LogEntry) args[0]));
    listenTo(log, "dropped", args -> showDropped());
  }

  @Override
  public LogView render() {
    items.clear();
    html(ConsoleTemplates.T.log(""));
    for (int i = log.length() - 1; i >= 0; i--) {
      added(log.at(i));
    }
    showDropped();
    return this;
  }

  private void added(LogEntry entry) {
    Element list = findFirst(".log");
    Element item = Document.get().createLIElement();
    item.setAttribute("data-kind", entry.getKind());
    item.setInnerSafeHtml(ConsoleTemplates.T.logEntry(LogLines.time(entry.getTime()), entry.getKind(),
        LogLines.summary(entry), entry.text(ConsoleApi.DATA)));
    list.insertFirst(item);
    items.put(entry.getCid(), item);
  }

  private void removed(LogEntry entry) {
    Element item = items.remove(entry.getCid());
    if (item != null) {
      item.removeFromParent();
    }
  }

  private void showDropped() {
    double dropped = log.getDropped();
    findFirst(".dropped").setInnerText(dropped > 0 ? Values.asText(dropped) + " entries dropped (server busy)" : "");
  }
}
