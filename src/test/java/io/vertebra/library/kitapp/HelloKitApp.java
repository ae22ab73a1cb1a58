package io.vertebra.library.kitapp;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.identity.User;
import io.vertebra.kit.server.Module;
import io.vertebra.kit.server.VertebraServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A team's smallest server on the kit library alone: one module with one servlet. {@code KitLibraryIT} runs it in a
 * child JVM whose class path is the kit jar, the jars its POM names, and this package's classes only.
 */
public final class HelloKitApp {

  private HelloKitApp() {}

  public static void main(String[] args) throws Exception {
    Module hello = context -> {
      context.serve("/hello", new HelloServlet(context.sessions()));
      context.allowChannels((user, channel) -> channel.equals("presence-hello") ? null : "only presence-hello");
    };
    VertebraServer.builder(Config.fromEnvironment()).module(hello).start().stopOnSignals().announce("Hello").join();
  }

  /** {@code GET /hello}: greets the signed-in user by name (their session is in the server's database). */
  public static final class HelloServlet extends HttpServlet {
    private final transient Sessions sessions;

    HelloServlet(Sessions sessions) {
      this.sessions = sessions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain;charset=utf-8");
      response.getWriter().print("hello " + sessions.current(request).map(User::name).orElse("stranger"));
    }
  }
}
