package io.vertebra.todos.client;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import io.vertebra.framework.browser.WindowLocation;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.LiveModels;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.Reconnector;
import io.vertebra.framework.realtime.SocketIdHeader;
import io.vertebra.framework.realtime.pusher.PusherJsBackend;
import io.vertebra.framework.realtime.pusher.PusherOptions;
import io.vertebra.framework.sync.XhrTransport;
import io.vertebra.framework.view.ConnectionBadge;
import io.vertebra.todos.client.model.Todos;
import io.vertebra.todos.client.ui.TodoAppView;
import io.vertebra.todos.shared.TodoApi;

/**
 * TodoMVC on Vertebra: the spec's app on the host page's markup, over the team's shared list at {@code /api/todos},
 * live in every open browser. No sign-in: the list is the team's. The list and the realtime settings load in
 * parallel; the connection starts once the settings are here, and every change after that arrives live.
 */
public class TodosApp implements EntryPoint {

  private final Todos todos = new Todos();
  private final Model config = new Model();

  @Override
  public void onModuleLoad() {
    XhrTransport.install();
    WindowLocation.install();
    Element section = Document.get().getElementById("todoapp");
    TodoAppView app = new TodoAppView(section, todos).render();
    app.focusNewTodo();
    todos.fetch(new Options().reset(true)
        .success((target, response, options) -> section.setAttribute("data-loaded", "true")));
    TodoRouter.create(app).start();
    config.setUrl(TodoApi.CONFIG_PATH);
    config.fetch(new Options().success((target, response, options) -> startLive()));
    section.setAttribute("data-ready", "true");
  }

  private void startLive() {
    Notifier notifier = new Notifier(new PusherJsBackend(PusherOptions.fromMap(config.getAttributes())));
    SocketIdHeader.install(notifier);
    new Reconnector(notifier);
    Element badge = Document.get().getElementById("connection");
    badge.appendChild(new ConnectionBadge(notifier).render().el());
    LiveModels.follow(todos, notifier, TodoApi.CHANNEL);
    // What changed between the first load and the subscription is not replayed: load once more when subscribed.
    todos.listenToOnce(notifier.channel(TodoApi.CHANNEL), Notifier.SUBSCRIPTION_SUCCEEDED,
        args -> todos.fetch(new Options()));
    notifier.connect();
  }
}
