package io.vertebra.console.client.ui;

import com.google.gwt.dom.client.ButtonElement;
import com.google.gwt.dom.client.InputElement;
import com.google.gwt.dom.client.TextAreaElement;
import io.vertebra.console.client.model.TriggerRequest;
import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.Collections;
import java.util.Map;

/**
 * The event creator: channel, event name and JSON data, triggered through the console's API with the HTTP API's
 * rules. The server's verdict is shown as is: a {@code 400} names the bad field, a success says what was sent.
 */
public final class TriggerView extends View {

  public TriggerView() {
    super(new ViewOptions().className("trigger-view"));
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    return Collections.singletonMap("submit form", event -> {
      event.preventDefault();
      submit();
    });
  }

  @Override
  public TriggerView render() {
    html(ConsoleTemplates.T.trigger());
    return this;
  }

  private void submit() {
    String channel = value(".channel-input").trim();
    String name = value(".event-input").trim();
    Map<String, Object> attrs = new StringMap<>();
    attrs.put(ConsoleApi.CHANNEL, channel);
    attrs.put(ConsoleApi.NAME, name);
    attrs.put(ConsoleApi.DATA, TextAreaElement.as(findFirst(".data-input")).getValue());
    show("", "");
    busy(true);
    new TriggerRequest().save(attrs, new Options()
        .success((target, response, options) -> {
          busy(false);
          show("", "Triggered " + name + " on " + channel);
        })
        .error((target, response, options) -> {
          busy(false);
          SyncError error = (SyncError) response;
          show(error.getStatus() == 0 ? "The server could not be reached." : error.getMessage(), "");
        }));
  }

  private String value(String selector) {
    return InputElement.as(findFirst(selector)).getValue();
  }

  private void show(String error, String result) {
    findFirst(".error").setInnerText(error);
    findFirst(".result").setInnerText(result);
  }

  private void busy(boolean busy) {
    ButtonElement.as(findFirst("button")).setDisabled(busy);
  }
}
