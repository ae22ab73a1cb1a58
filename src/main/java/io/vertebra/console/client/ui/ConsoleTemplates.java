package io.vertebra.console.client.ui;

import com.google.gwt.core.client.GWT;
import com.google.gwt.safehtml.client.SafeHtmlTemplates;
import com.google.gwt.safehtml.shared.SafeHtml;

/**
 * Every piece of markup the console renders. Channel names, event data, user ids and messages come from clients
 * and API callers: they only ever enter as template arguments, which GWT escapes for their context.
 */
public interface ConsoleTemplates extends SafeHtmlTemplates {

  /** The one instance. */
  ConsoleTemplates T = GWT.create(ConsoleTemplates.class);

  @Template("<header><h1>Realtime debug console</h1><span class='feed-state'></span></header>"
      + "<p class='banner' role='alert'></p>"
      + "<div class='grid'><div class='side'><section class='card stats-slot'></section>"
      + "<section class='card trigger-slot'></section><section class='card channels-slot'></section></div>"
      + "<section class='card log-slot'></section></div>")
  SafeHtml shell();

  @Template("<i></i>{0}")
  SafeHtml feedState(String label);

  @Template("<div class='stat connections'><b>{0}</b><span>connections</span></div>"
      + "<div class='stat channel-count'><b>{1}</b><span>channels</span></div>")
  SafeHtml stats(int connections, int channels);

  @Template("<h2>Channels</h2><p class='muted empty'>{0}</p>"
      + "<table><thead><tr><th>Channel</th><th>Type</th><th class='count'>Subscribers</th></tr></thead>"
      + "<tbody>{1}</tbody></table>")
  SafeHtml channels(String note, SafeHtml rows);

  @Template("<tr class='channel' data-channel='{0}'><td class='name'>{0}{3}</td><td class='type'>{1}</td>"
      + "<td class='count'>{2}</td></tr>")
  SafeHtml channelRow(String name, String type, int subscriptions, SafeHtml members);

  @Template("<ul class='members'>{0}</ul>")
  SafeHtml members(SafeHtml items);

  @Template("<li class='member' data-user='{0}'>{0}</li>")
  SafeHtml member(String userId);

  @Template("<h2>Event creator</h2><form class='trigger'>"
      + "<label>Channel<input name='channel' class='channel-input' placeholder='post-1' required></label>"
      + "<label>Event<input name='event' class='event-input' placeholder='post:change' required></label>"
      + "<label>Data (JSON)<textarea name='data' class='data-input' rows='6'>{}</textarea></label>"
      + "<p class='error' role='alert'></p><p class='result' role='status'></p>"
      + "<button class='primary' type='submit'>Trigger event</button></form>")
  SafeHtml trigger();

  @Template("<div class='log-head'><h2>Event log</h2><span class='muted dropped'>{0}</span></div>"
      + "<ul class='log'></ul>")
  SafeHtml log(String dropped);

  @Template("<span class='time'>{0}</span><span class='kind'>{1}</span>"
      + "<span class='what'><span class='summary'>{2}</span><span class='data'>{3}</span></span>")
  SafeHtml logEntry(String time, String kind, String summary, String data);
}
