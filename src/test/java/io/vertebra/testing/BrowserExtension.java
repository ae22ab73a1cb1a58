package io.vertebra.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension that shares one headless Chromium per test class: a test method (or a lifecycle method) asks
 * for a {@link Browsers.Session} parameter; a failed test leaves {@code target/screenshots/<Class>.<method>.png};
 * the browser quits and its profile is deleted after the class.
 *
 * <pre>{@code
 * @ExtendWith(BrowserExtension.class)
 * class PageIT {
 *   @Test void loads(Browsers.Session browser) { browser.driver().get(url); ... }
 * }
 * }</pre>
 */
public final class BrowserExtension implements ParameterResolver, TestWatcher, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
  private static final String KEY = "session";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browsers.Session.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context, true);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browsers.Session session = session(context, false);
    if (session != null) {
      Path file = session.screenshot(screenshotName(context));
      if (file != null) {
        System.err.println("Screenshot of the failed test: " + file.toAbsolutePath());
      }
    }
  }

  /** Class.method, plus the display name for dynamic tests, which share their factory's method. */
  static String screenshotName(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse("");
    String name = context.getRequiredTestClass().getSimpleName() + "." + method;
    String display = context.getDisplayName();
    return display.startsWith(method + "(") ? name : name + "." + display;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Browsers.Session session = classStore(context).remove(KEY, Browsers.Session.class);
    if (session != null) {
      session.close();
    }
  }

  private static Browsers.Session session(ExtensionContext context, boolean create) {
    ExtensionContext.Store store = classStore(context);
    Browsers.Session session = store.get(KEY, Browsers.Session.class);
    if (session == null && create) {
      session = Browsers.start();
      store.put(KEY, session);
    }
    return session;
  }

  /** The store of the test class, so @BeforeAll, the tests and @AfterAll all see the same browser. */
  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE);
  }
}
