package io.vertebra.console.client.model;

import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Model;

/**
 * The event creator's request ({@code POST /console/api/events}): {@code {channel, name, data}} with data as
 * JSON text. Always new (the resource has no id), so every {@code save} is a POST.
 */
public class TriggerRequest extends Model {

  public TriggerRequest() {
    setUrl(ConsoleApi.EVENTS_PATH);
  }

  @Override
  public String idAttribute() {
    return "_none";
  }
}
