package io.vertebra.framework.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Callback;
import io.vertebra.framework.core.Options;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backbone 1.6.1 test/router.js, ported; each display name is the QUnit title. */
class RouterTest {

  private FakeLocation location;
  private History history;
  private TestRouter router;
  private String lastRoute;
  private List<?> lastArgs;
  private final Callback onRoute = args -> {
    lastRoute = (String) args[1];
    lastArgs = (List<?>) args[2];
  };
  private final External external = new External();

  /** Backbone's ExternalObject: a callback bound to another object. */
  static final class External {
    String value = "unset";
  }

  /** The Router of Backbone's test file. */
  final class TestRouter extends Router {
    int count;
    Object testing;
    String testpreinit;
    String query;
    String page;
    String charType;
    String contact;
    String arg;
    String args;
    String repo;
    String from;
    String to;
    String first;
    String part;
    String rest;
    String entity;
    String queryArgs;
    String anything;
    String z;
    String named;
    String path;

    TestRouter(Options options) {
      super(options);
    }

    @Override
    protected void preinitialize(Options options) {
      testpreinit = "foo";
    }

    @Override
    protected void initialize(Options options) {
      testing = options.get("testing");
      route("implicit", "implicit");
    }

    @Override
    protected void routes(Routes routes) {
      routes.add("noCallback", "noCallback")
          .add("counter", "counter")
          .add("search/:query", "search")
          .add("search/:query/p:page", "search")
          .add("charñ", "charUTF")
          .add("char%C3%B1", "charEscaped")
          .add("contacts", "contacts")
          .add("contacts/new", "newContact")
          .add("contacts/:id", "loadContact")
          .add("route-event/:arg", "routeEvent")
          .add("optional(/:item)", "optionalItem")
          .add("named/optional/(y:z)", "namedOptional")
          .add("splat/*args/end", "splat")
          .add(":repo/compare/*from...*to", "github")
          .add("decode/:named/*splat", "decode")
          .add("*first/complex-*part/*rest", "complex")
          .add("query/:entity", "query")
          .add("function/:value", a -> external.value = a[0])
          .add("*anything", "anything");
    }

    @Override
    protected RouteCallback handler(String name) {
      switch (name) {
        case "counter":
        case "implicit":
          return a -> count++;
        case "search":
          return a -> {
            query = a[0];
            page = a.length > 2 ? a[1] : null;
          };
        case "charUTF":
          return a -> charType = "UTF";
        case "charEscaped":
          return a -> charType = "escaped";
        case "contacts":
          return a -> contact = "index";
        case "newContact":
          return a -> contact = "new";
        case "loadContact":
          return a -> contact = "load";
        case "optionalItem":
          return a -> arg = a[0];
        case "splat":
          return a -> args = a[0];
        case "github":
          return a -> {
            repo = a[0];
            from = a[1];
            to = a[2];
          };
        case "complex":
          return a -> {
            first = a[0];
            part = a[1];
            rest = a[2];
          };
        case "query":
          return a -> {
            entity = a[0];
            queryArgs = a[1];
          };
        case "anything":
          return a -> anything = a[0];
        case "namedOptional":
          return a -> z = a[0];
        case "decode":
          return a -> {
            named = a[0];
            path = a[1];
          };
        case "routeEvent":
          return a -> { };
        default:
          return null;
      }
    }
  }

  @BeforeEach
  void setUp() {
    location = new FakeLocation("http://example.com");
    history = newHistory(location);
    router = new TestRouter(new Options().set("testing", 101));
    history.start(new Options().set(History.PUSH_STATE, false));
    lastRoute = null;
    lastArgs = new ArrayList<>();
    history.on("route", onRoute);
  }

  @AfterEach
  void tearDown() {
    History.global().stop();
    history.off("route", onRoute);
  }

  private static History newHistory(FakeLocation location) {
    History created = new History(location);
    History.setGlobal(created);
    return created;
  }

  /** Backbone's "Backbone.history.stop(); Backbone.history = new History({location})". */
  private History restart() {
    History.global().stop();
    return newHistory(location);
  }

  private static Options opts(Object... keyValues) {
    Options options = new Options();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.set((String) keyValues[i], keyValues[i + 1]);
    }
    return options;
  }

  private static Router routerWith(Routes routes) {
    return new Router(new Options().set(Router.ROUTES, routes));
  }

  @Test
  @DisplayName("initialize")
  void initialize() {
    assertEquals(101, router.testing);
  }

  @Test
  @DisplayName("preinitialize")
  void preinitialize() {
    assertEquals("foo", router.testpreinit);
  }

  @Test
  @DisplayName("routes (simple)")
  void routesSimple() {
    location.visit("http://example.com#search/news");
    history.checkUrl();
    assertEquals("news", router.query);
    assertNull(router.page);
    assertEquals("search", lastRoute);
    assertEquals("news", lastArgs.get(0));
  }

  @Test
  @DisplayName("routes (simple, but unicode)")
  void routesUnicode() {
    location.visit("http://example.com#search/тест");
    history.checkUrl();
    assertEquals("тест", router.query);
    assertNull(router.page);
    assertEquals("search", lastRoute);
    assertEquals("тест", lastArgs.get(0));
  }

  @Test
  @DisplayName("routes (two part)")
  void routesTwoPart() {
    location.visit("http://example.com#search/nyc/p10");
    history.checkUrl();
    assertEquals("nyc", router.query);
    assertEquals("10", router.page);
  }

  @Test
  @DisplayName("routes via navigate")
  void routesViaNavigate() {
    history.navigate("search/manhattan/p20", opts(History.TRIGGER, true));
    assertEquals("manhattan", router.query);
    assertEquals("20", router.page);
  }

  @Test
  @DisplayName("routes via navigate with params")
  void routesViaNavigateWithParams() {
    history.navigate("query/test?a=b", opts(History.TRIGGER, true));
    assertEquals("a=b", router.queryArgs);
  }

  @Test
  @DisplayName("routes via navigate for backwards-compatibility")
  void routesViaNavigateBoolean() {
    history.navigate("search/manhattan/p20", true);
    assertEquals("manhattan", router.query);
    assertEquals("20", router.page);
  }

  @Test
  @DisplayName("reports matched route via nagivate")
  void reportsMatchedRoute() {
    assertTrue(history.navigate("search/manhattan/p20", true));
  }

  @Test
  @DisplayName("route precedence via navigate")
  void routePrecedence() {
    for (Options options : new Options[] {opts(History.TRIGGER, true), null}) {
      navigateEither("contacts", options);
      assertEquals("index", router.contact);
      navigateEither("contacts/new", options);
      assertEquals("new", router.contact);
      navigateEither("contacts/foo", options);
      assertEquals("load", router.contact);
    }
  }

  private void navigateEither(String fragment, Options options) {
    if (options == null) {
      history.navigate(fragment, true);
    } else {
      history.navigate(fragment, options);
    }
  }

  @Test
  @DisplayName("loadUrl is not called for identical routes.")
  void loadUrlNotCalledForIdenticalRoutes() {
    int[] loads = {0};
    History.global().stop();
    History counting = new History(location) {
      @Override
      public boolean loadUrl(String fragment) {
        loads[0]++;
        return super.loadUrl(fragment);
      }
    };
    History.setGlobal(counting);
    counting.start(opts(Options.SILENT, true));
    location.visit("http://example.com#route");
    counting.navigate("route", new Options());
    counting.navigate("/route", new Options());
    counting.navigate("/route", new Options());
    assertEquals(0, loads[0]);
  }

  @Test
  @DisplayName("use implicit callback if none provided")
  void implicitCallback() {
    router.count = 0;
    router.navigate("implicit", opts(History.TRIGGER, true));
    assertEquals(1, router.count);
  }

  @Test
  @DisplayName("routes via navigate with {replace: true}")
  void navigateReplace() {
    location.visit("http://example.com#start_here");
    history.checkUrl();
    history.navigate("end_here", opts(History.REPLACE, true));
    assertEquals(List.of(new FakeLocation("http://example.com#end_here").href()), location.replaced);
  }

  @Test
  @DisplayName("routes (splats)")
  void routesSplats() {
    location.visit("http://example.com#splat/long-list/of/splatted_99args/end");
    history.checkUrl();
    assertEquals("long-list/of/splatted_99args", router.args);
  }

  @Test
  @DisplayName("routes (github)")
  void routesGithub() {
    location.visit("http://example.com#backbone/compare/1.0...braddunbar:with/slash");
    history.checkUrl();
    assertEquals("backbone", router.repo);
    assertEquals("1.0", router.from);
    assertEquals("braddunbar:with/slash", router.to);
  }

  @Test
  @DisplayName("routes (optional)")
  void routesOptional() {
    location.visit("http://example.com#optional");
    history.checkUrl();
    assertNull(router.arg);
    location.visit("http://example.com#optional/thing");
    history.checkUrl();
    assertEquals("thing", router.arg);
  }

  @Test
  @DisplayName("routes (complex)")
  void routesComplex() {
    location.visit("http://example.com#one/two/three/complex-part/four/five/six/seven");
    history.checkUrl();
    assertEquals("one/two/three", router.first);
    assertEquals("part", router.part);
    assertEquals("four/five/six/seven", router.rest);
  }

  @Test
  @DisplayName("routes (query)")
  void routesQuery() {
    location.visit("http://example.com#query/mandel?a=b&c=d");
    history.checkUrl();
    assertEquals("mandel", router.entity);
    assertEquals("a=b&c=d", router.queryArgs);
    assertEquals("query", lastRoute);
    assertEquals("mandel", lastArgs.get(0));
    assertEquals("a=b&c=d", lastArgs.get(1));
  }

  @Test
  @DisplayName("routes (anything)")
  void routesAnything() {
    location.visit("http://example.com#doesnt-match-a-route");
    history.checkUrl();
    assertEquals("doesnt-match-a-route", router.anything);
  }

  @Test
  @DisplayName("routes (function)")
  void routesFunction() {
    List<Object> names = new ArrayList<>();
    router.on("route", a -> names.add(a[0]));
    assertEquals("unset", external.value);
    location.visit("http://example.com#function/set");
    history.checkUrl();
    assertEquals("set", external.value);
    assertEquals(List.of(""), names);
  }

  @Test
  @DisplayName("Decode named parameters, not splats.")
  void decodeNamedNotSplats() {
    location.visit("http://example.com#decode/a%2Fb/c%2Fd/e");
    history.checkUrl();
    assertEquals("a/b", router.named);
    assertEquals("c/d/e", router.path);
  }

  @Test
  @DisplayName("fires event when router doesn't have callback on it")
  void firesEventWithoutCallback() {
    int[] fired = {0};
    router.on("route:noCallback", a -> fired[0]++);
    location.visit("http://example.com#noCallback");
    history.checkUrl();
    assertEquals(1, fired[0]);
  }

  @Test
  @DisplayName("No events are triggered if #execute returns false.")
  void executeFalseCancelsEvents() {
    int[] ran = {0};
    int[] events = {0};
    Router myRouter = new Router(opts(Router.ROUTES, new Routes().add("foo", "", a -> ran[0]++))) {
      @Override
      protected boolean execute(RouteCallback callback, String[] args, String name) {
        callback.handle(args);
        return false;
      }
    };
    myRouter.on("route route:foo", a -> events[0]++);
    history.on("route", a -> events[0]++);
    location.visit("http://example.com#foo");
    history.checkUrl();
    assertEquals(1, ran[0]);
    assertEquals(0, events[0]);
  }

  @Test
  @DisplayName("#933, #908 - leading slash")
  void leadingSlash() {
    location.visit("http://example.com/root/foo");
    History h = restart();
    h.start(opts(History.ROOT, "/root", History.HASH_CHANGE, false, Options.SILENT, true));
    assertEquals("foo", h.getFragment());
    h = restart();
    h.start(opts(History.ROOT, "/root/", History.HASH_CHANGE, false, Options.SILENT, true));
    assertEquals("foo", h.getFragment());
  }

  @Test
  @DisplayName("#967 - Route callback gets passed encoded values.")
  void routeCallbackGetsEncodedValues() {
    history.navigate("has%2Fslash/complex-has%23hash/has%20space", opts(History.TRIGGER, true));
    assertEquals("has/slash", router.first);
    assertEquals("has#hash", router.part);
    assertEquals("has space", router.rest);
  }

  @Test
  @DisplayName("correctly handles URLs with % (#868)")
  void urlsWithPercent() {
    location.visit("http://example.com#search/fat%3A1.5%25");
    history.checkUrl();
    location.visit("http://example.com#search/fat");
    history.checkUrl();
    assertEquals("fat", router.query);
    assertNull(router.page);
    assertEquals("search", lastRoute);
  }

  @Test
  @DisplayName("#2666 - Hashes with UTF8 in them.")
  void hashesWithUtf8() {
    history.navigate("charñ", opts(History.TRIGGER, true));
    assertEquals("UTF", router.charType);
    history.navigate("char%C3%B1", opts(History.TRIGGER, true));
    assertEquals("UTF", router.charType);
  }

  @Test
  @DisplayName("#1185 - Use pathname when hashChange is not wanted.")
  void pathnameWithoutHashChange() {
    History.global().stop();
    location.visit("http://example.com/path/name#hash");
    History h = newHistory(location);
    h.start(opts(History.HASH_CHANGE, false));
    assertEquals(location.pathname().replaceFirst("^/", ""), h.getFragment());
  }

  @Test
  @DisplayName("#1206 - Strip leading slash before location.assign.")
  void stripLeadingSlashBeforeAssign() {
    History.global().stop();
    location.visit("http://example.com/root/");
    History h = newHistory(location);
    h.start(opts(History.HASH_CHANGE, false, History.ROOT, "/root/"));
    h.navigate("/fragment", new Options());
    assertEquals(List.of("/root/fragment"), location.assigned);
  }

  @Test
  @DisplayName("#1387 - Root fragment without trailing slash.")
  void rootWithoutTrailingSlash() {
    History.global().stop();
    location.visit("http://example.com/root");
    History h = newHistory(location);
    h.start(opts(History.HASH_CHANGE, false, History.ROOT, "/root/", Options.SILENT, true));
    assertEquals("", h.getFragment());
  }

  @Test
  @DisplayName("#1366 - History does not prepend root to fragment.")
  void noRootPrepended() {
    History.global().stop();
    location.visit("http://example.com/root/");
    History h = newHistory(location);
    h.start(opts(History.ROOT, "/root/", History.PUSH_STATE, true, History.HASH_CHANGE, false));
    h.navigate("x", new Options());
    assertEquals(List.of("/root/x"), location.pushed);
    assertEquals("x", h.fragment());
  }

  @Test
  @DisplayName("Normalize root.")
  void normalizeRootPush() {
    History.global().stop();
    location.visit("http://example.com/root");
    History h = newHistory(location);
    h.start(opts(History.PUSH_STATE, true, History.ROOT, "/root", History.HASH_CHANGE, false));
    h.navigate("fragment", new Options());
    assertEquals(List.of("/root/fragment"), location.pushed);
  }

  @Test
  @DisplayName("Normalize root.")
  void normalizeRootReplaceState() {
    History.global().stop();
    location.visit("http://example.com/root#fragment");
    History h = newHistory(location);
    h.start(opts(History.PUSH_STATE, true, History.ROOT, "/root"));
    assertEquals(List.of("/root/fragment"), location.replacedStates);
  }

  @Test
  @DisplayName("Normalize root.")
  void normalizeRootLoadsUrl() {
    History.global().stop();
    location.visit("http://example.com/root");
    int[] loads = {0};
    History h = new History(location) {
      @Override
      public boolean loadUrl(String fragment) {
        loads[0]++;
        return true;
      }
    };
    History.setGlobal(h);
    h.start(opts(History.PUSH_STATE, true, History.ROOT, "/root"));
    assertEquals(1, loads[0]);
  }

  @Test
  @DisplayName("Normalize root - leading slash.")
  void normalizeRootLeadingSlash() {
    History.global().stop();
    location.visit("http://example.com/root");
    History h = newHistory(location);
    h.start(opts(History.ROOT, "root"));
    assertEquals("/root/", h.root());
  }

  @Test
  @DisplayName("Transition from hashChange to pushState.")
  void hashChangeToPushState() {
    History.global().stop();
    location.visit("http://example.com/root#x/y");
    History h = newHistory(location);
    h.start(opts(History.ROOT, "root", History.PUSH_STATE, true));
    assertEquals(List.of("/root/x/y"), location.replacedStates);
  }

  @Test
  @DisplayName("#1619: Router: Normalize empty root")
  void normalizeEmptyRoot() {
    History.global().stop();
    location.visit("http://example.com/");
    History h = newHistory(location);
    h.start(opts(History.ROOT, ""));
    assertEquals("/", h.root());
  }

  @Test
  @DisplayName("#1619: Router: nagivate with empty root")
  void navigateWithEmptyRoot() {
    History.global().stop();
    location.visit("http://example.com/");
    History h = newHistory(location);
    h.start(opts(History.PUSH_STATE, true, History.ROOT, "", History.HASH_CHANGE, false));
    h.navigate("fragment", new Options());
    assertEquals(List.of("/fragment"), location.pushed);
  }

  @Test
  @DisplayName("Transition from pushState to hashChange.")
  void pushStateToHashChange() {
    History.global().stop();
    location.visit("http://example.com/root/x/y?a=b");
    location.setPushStateSupported(false);
    History h = newHistory(location);
    h.start(opts(History.ROOT, "root", History.PUSH_STATE, true));
    assertEquals(List.of("/root#x/y?a=b"), location.replaced);
  }

  @Test
  @DisplayName("#1695 - hashChange to pushState with search.")
  void hashChangeToPushStateWithSearch() {
    History.global().stop();
    location.visit("http://example.com/root#x/y?a=b");
    History h = newHistory(location);
    h.start(opts(History.ROOT, "root", History.PUSH_STATE, true));
    assertEquals(List.of("/root/x/y?a=b"), location.replacedStates);
  }

  @Test
  @DisplayName("#1746 - Router allows empty route.")
  void emptyRoute() {
    List<String> routes = new ArrayList<>();
    new Router(opts(Router.ROUTES, new Routes().add("", "empty"))) {
      @Override
      public Router route(String route, String name, RouteCallback callback) {
        routes.add(route);
        return this;
      }
    };
    assertEquals(List.of(""), routes);
  }

  @Test
  @DisplayName("#1794 - Trailing space in fragments.")
  void trailingSpace() {
    assertEquals("fragment", new History(location).getFragment("fragment   "));
  }

  @Test
  @DisplayName("#1820 - Leading slash and trailing space.")
  void leadingSlashTrailingSpace() {
    assertEquals("fragment", new History(location).getFragment("/fragment "));
  }

  @Test
  @DisplayName("#1980 - Optional parameters.")
  void optionalParameters() {
    location.visit("http://example.com#named/optional/y");
    history.checkUrl();
    assertNull(router.z);
    location.visit("http://example.com#named/optional/y123");
    history.checkUrl();
    assertEquals("123", router.z);
  }

  @Test
  @DisplayName("#2062 - Trigger \"route\" event on router instance.")
  void routeEventOnRouter() {
    List<Object[]> events = new ArrayList<>();
    router.on("route", a -> events.add(a));
    location.visit("http://example.com#route-event/x");
    history.checkUrl();
    assertEquals(1, events.size());
    assertEquals("routeEvent", events.get(0)[0]);
    assertEquals(Arrays.asList("x", null), events.get(0)[1]);
  }

  @Test
  @DisplayName("#2255 - Extend routes by making routes a function.")
  void extendRoutes() {
    class RouterBase extends Router {
      @Override
      protected void routes(Routes routes) {
        routes.add("home", "root").add("index", "index.html");
      }
    }
    class RouterExtended extends RouterBase {
      @Override
      protected void routes(Routes routes) {
        super.routes(routes);
        routes.add("show", "show").add("search", "search");
      }
    }
    List<String> names = new ArrayList<>();
    RouterExtended myRouter = new RouterExtended();
    myRouter.on("route", a -> names.add((String) a[0]));
    for (String fragment : List.of("home", "index", "show", "search")) {
      history.navigate(fragment, true);
    }
    assertEquals(List.of("root", "index.html", "show", "search"), names);
  }

  @Test
  @DisplayName("#2538 - hashChange to pushState only if both requested.")
  void hashChangeToPushStateOnlyIfBoth() {
    History.global().stop();
    location.visit("http://example.com/root?a=b#x/y");
    History h = newHistory(location);
    h.start(opts(History.ROOT, "root", History.PUSH_STATE, true, History.HASH_CHANGE, false));
    assertTrue(location.replacedStates.isEmpty());
  }

  @Test
  @DisplayName("No hash fallback.")
  void noHashFallback() {
    History h = restart();
    int[] ran = {0};
    routerWith(new Routes().add("hash", a -> ran[0]++));
    location.visit("http://example.com/");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false));
    location.visit("http://example.com/nomatch#hash");
    h.checkUrl();
    assertEquals(0, ran[0]);
  }

  @Test
  @DisplayName("#2656 - No trailing slash on root.")
  void noTrailingSlashOnRoot() {
    History h = restart();
    location.visit("http://example.com/root/path");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false, History.ROOT, "root"));
    h.navigate("", new Options());
    assertEquals(List.of("/root"), location.pushed);
  }

  @Test
  @DisplayName("#2656 - No trailing slash on root.")
  void noTrailingSlashOnDefaultRoot() {
    History h = restart();
    location.visit("http://example.com/path");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false));
    h.navigate("", new Options());
    assertEquals(List.of("/"), location.pushed);
  }

  @Test
  @DisplayName("#2656 - No trailing slash on root.")
  void noTrailingSlashBeforeQuery() {
    History h = restart();
    location.visit("http://example.com/root/path");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false, History.ROOT, "root"));
    h.navigate("?x=1", new Options());
    assertEquals(List.of("/root?x=1"), location.pushed);
  }

  @Test
  @DisplayName("#3391 - Empty root normalizes to single slash.")
  void emptyRootSingleSlash() {
    History h = restart();
    location.visit("http://example.com/root/path");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false, History.ROOT, ""));
    h.navigate("", new Options());
    assertEquals(List.of("/"), location.pushed);
  }

  @Test
  @DisplayName("#3391 - Use trailing slash on root when trailingSlash is true.")
  void trailingSlashOption() {
    History h = restart();
    location.visit("http://example.com/root/path");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false, History.ROOT, "root",
        History.TRAILING_SLASH, true));
    h.navigate("", new Options());
    assertEquals(List.of("/root/"), location.pushed);
  }

  @Test
  @DisplayName("#2765 - Fragment matching sans query/hash.")
  void fragmentMatchingSansQueryHash() {
    History h = restart();
    int[] ran = {0};
    routerWith(new Routes().add("path", a -> ran[0]++));
    location.visit("http://example.com/");
    h.start(opts(History.PUSH_STATE, true, History.HASH_CHANGE, false));
    h.navigate("path?query#hash", true);
    assertEquals(List.of("/path?query#hash"), location.pushed);
    assertEquals(1, ran[0]);
  }

  @Test
  @DisplayName("Do not decode the search params.")
  void searchParamsNotDecoded() {
    List<String> params = new ArrayList<>();
    routerWith(new Routes().add("path", a -> params.add(a[0])));
    history.navigate("path?x=y%3Fz", true);
    assertEquals(List.of("x=y%3Fz"), params);
  }

  @Test
  @DisplayName("Navigate to a hash url.")
  void navigateToHashUrl() {
    History h = restart();
    h.start(opts(History.PUSH_STATE, true));
    List<String> params = new ArrayList<>();
    routerWith(new Routes().add("path", a -> params.add(a[0])));
    location.visit("http://example.com/path?x=y#hash");
    h.checkUrl();
    assertEquals(List.of("x=y"), params);
  }

  @Test
  @DisplayName("#navigate to a hash url.")
  void navigateMethodToHashUrl() {
    History h = restart();
    h.start(opts(History.PUSH_STATE, true));
    List<String> params = new ArrayList<>();
    routerWith(new Routes().add("path", a -> params.add(a[0])));
    h.navigate("path?x=y#hash", true);
    assertEquals(List.of("x=y"), params);
  }

  @Test
  @DisplayName("unicode pathname")
  void unicodePathname() {
    FooRouting routing = new FooRouting("http://example.com/myyjä", "myyjä");
    routing.history.start(opts(History.PUSH_STATE, true));
    assertEquals(1, routing.ran[0]);
  }

  @Test
  @DisplayName("unicode pathname with % in a parameter")
  void unicodePathnameWithPercent() {
    location.visit("http://example.com/myyjä/foo%20%25%3F%2f%40%25%20bar");
    location.setPathname("/myyj%C3%A4/foo%20%25%3F%2f%40%25%20bar");
    History h = restart();
    List<String> queries = new ArrayList<>();
    routerWith(new Routes().add("myyjä/:query", a -> queries.add(a[0])));
    h.start(opts(History.PUSH_STATE, true));
    assertEquals(List.of("foo %?/@% bar"), queries);
  }

  @Test
  @DisplayName("newline in route")
  void newlineInRoute() {
    FooRouting routing = new FooRouting("http://example.com/stuff%0Anonsense?param=foo%0Abar", "stuff\nnonsense");
    routing.history.start(opts(History.PUSH_STATE, true));
    assertEquals(1, routing.ran[0]);
  }

  @Test
  @DisplayName("Router#execute receives callback, args, name.")
  void executeReceivesCallbackArgsName() {
    location.visit("http://example.com#foo/123/bar?x=y");
    History h = restart();
    RouteCallback foo = a -> { };
    List<Object> seen = new ArrayList<>();
    new Router(opts(Router.ROUTES, new Routes().add("foo/:id/bar", "foo"))) {
      @Override
      protected RouteCallback handler(String name) {
        return "foo".equals(name) ? foo : null;
      }

      @Override
      protected boolean execute(RouteCallback callback, String[] args, String name) {
        seen.add(callback);
        seen.add(Arrays.asList(args));
        seen.add(name);
        return true;
      }
    };
    h.start();
    assertSame(foo, seen.get(0));
    assertEquals(List.of("123", "x=y"), seen.get(1));
    assertEquals("foo", seen.get(2));
  }

  @Test
  @DisplayName("pushState to hashChange with only search params.")
  void pushStateToHashChangeOnlySearch() {
    History.global().stop();
    location.visit("http://example.com?a=b");
    location.setPushStateSupported(false);
    History h = newHistory(location);
    h.start(opts(History.PUSH_STATE, true));
    assertEquals(List.of("/#?a=b"), location.replaced);
  }

  @Test
  @DisplayName("#3123 - History#navigate decodes before comparison.")
  void navigateDecodesBeforeComparison() {
    History.global().stop();
    location.visit("http://example.com/shop/search?keyword=short%20dress");
    History h = newHistory(location);
    h.start(opts(History.PUSH_STATE, true));
    h.navigate("shop/search?keyword=short%20dress", true);
    assertTrue(location.pushed.isEmpty());
    assertTrue(location.replacedStates.isEmpty());
    assertEquals("shop/search?keyword=short dress", h.fragment());
  }

  @Test
  @DisplayName("#3175 - Urls in the params")
  void urlsInParams() {
    History.global().stop();
    location.visit("http://example.com#login?a=value&backUrl=https%3A%2F%2Fwww.msn.com%2Fidp%2Fidpdemo%3Fspid"
        + "%3Dspdemo%26target%3Db");
    History h = newHistory(location);
    List<String> params = new ArrayList<>();
    new Router().route("login", a -> params.add(a[0]));
    h.start();
    assertEquals(List.of("a=value&backUrl=https%3A%2F%2Fwww.msn.com%2Fidp%2Fidpdemo%3Fspid%3Dspdemo%26target%3Db"),
        params);
  }

  @Test
  @DisplayName("#3358 - pushState to hashChange transition with search params")
  void pushStateToHashChangeWithSearch() {
    History.global().stop();
    location.visit("http://example.com/root?foo=bar");
    location.setPushStateSupported(false);
    History h = newHistory(location);
    h.start(opts(History.ROOT, "/root", History.PUSH_STATE, true));
    assertEquals(List.of("/root#?foo=bar"), location.replaced);
  }

  @Test
  @DisplayName("Paths that don't match the root should not match no root")
  void pathsOutsideRootDoNotMatch() {
    FooRouting routing = new FooRouting("http://example.com/foo");
    routing.history.start(opts(History.ROOT, "root", History.PUSH_STATE, true));
    assertEquals(0, routing.ran[0]);
  }

  @Test
  @DisplayName("Paths that don't match the root should not match roots of the same length")
  void pathsOutsideRootSameLength() {
    FooRouting routing = new FooRouting("http://example.com/xxxx/foo");
    routing.history.start(opts(History.ROOT, "root", History.PUSH_STATE, true));
    assertEquals(0, routing.ran[0]);
  }

  @Test
  @DisplayName("roots with regex characters")
  void rootsWithRegexCharacters() {
    FooRouting routing = new FooRouting("http://example.com/x+y.z/foo");
    routing.history.start(opts(History.ROOT, "x+y.z", History.PUSH_STATE, true));
    assertEquals(1, routing.ran[0]);
  }

  @Test
  @DisplayName("roots with unicode characters")
  void rootsWithUnicode() {
    FooRouting routing = new FooRouting("http://example.com/®ooτ/foo");
    routing.history.start(opts(History.ROOT, "®ooτ", History.PUSH_STATE, true));
    assertEquals(1, routing.ran[0]);
  }

  @Test
  @DisplayName("roots without slash")
  void rootsWithoutSlash() {
    FooRouting routing = new FooRouting("http://example.com/®ooτ", "");
    routing.history.start(opts(History.ROOT, "®ooτ", History.PUSH_STATE, true));
    assertEquals(1, routing.ran[0]);
  }

  @Test
  @DisplayName("#4025 - navigate updates URL hash as is")
  void navigateUpdatesHashAsIs() {
    history.navigate("search/has%20space", new Options());
    assertEquals("#search/has%20space", location.hash());
  }

  /** A fresh history at {@code url} with one router whose single route counts its runs, and a notfound count. */
  private final class FooRouting {
    final History history;
    final int[] notfound = {0};
    final int[] ran = {0};

    FooRouting(String url) {
      this(url, "foo");
    }

    FooRouting(String url, String route) {
      location.visit(url);
      history = restart();
      history.on("notfound", a -> notfound[0]++);
      routerWith(new Routes().add(route, a -> ran[0]++));
    }

    /** Moves to {@code url} and lets history notice it. */
    void visitAndCheck(String url) {
      location.visit(url);
      history.checkUrl();
    }
  }

  @Test
  @DisplayName("initial non-matching root triggers notfound event")
  void initialNonMatchingRoot() {
    FooRouting routing = new FooRouting("http://example.com/root#foo");
    routing.history.start(opts(History.ROOT, "other"));
    assertEquals(1, routing.notfound[0]);
    assertEquals(0, routing.ran[0]);
  }

  @Test
  @DisplayName("later non-matching root triggers notfound event")
  void laterNonMatchingRoot() {
    FooRouting routing = new FooRouting("http://example.com/root#foo");
    routing.history.start(opts(History.ROOT, "root"));
    routing.visitAndCheck("http://example.com/other#foo");
    assertEquals(1, routing.ran[0]);
    assertEquals(1, routing.notfound[0]);
  }

  @Test
  @DisplayName("initial non-matching route triggers notfound event")
  void initialNonMatchingRoute() {
    FooRouting routing = new FooRouting("http://example.com/root#bar");
    assertFalse(routing.history.start(opts(History.ROOT, "root")));
    assertEquals(1, routing.notfound[0]);
    assertEquals(0, routing.ran[0]);
  }

  @Test
  @DisplayName("later non-matching route triggers notfound event")
  void laterNonMatchingRoute() {
    FooRouting routing = new FooRouting("http://example.com/root#foo");
    routing.history.start(opts(History.ROOT, "root"));
    routing.visitAndCheck("http://example.com/other#bar");
    assertEquals(1, routing.ran[0]);
    assertEquals(1, routing.notfound[0]);
  }

  @Test
  @DisplayName("non-matching pushState route triggers notfound event")
  void nonMatchingPushStateRoute() {
    FooRouting routing = new FooRouting("http://example.com/root/foo");
    routing.history.start(opts(History.ROOT, "root", History.PUSH_STATE, true));
    routing.visitAndCheck("http://example.com/other/bar");
    assertEquals(1, routing.ran[0]);
    assertEquals(1, routing.notfound[0]);
  }

  @Test
  @DisplayName("non-matching navigate triggers notfound event")
  void nonMatchingNavigate() {
    FooRouting routing = new FooRouting("http://example.com/root#foo");
    routing.history.start(opts(History.ROOT, "root"));
    routing.history.navigate("http://example.com/other#bar", opts(History.TRIGGER, true));
    assertEquals(1, routing.ran[0]);
    assertEquals(1, routing.notfound[0]);
  }

  // Vertebra's own: the Java API's guarantees beyond Backbone's tests.

  @Test
  @DisplayName("start twice throws; stop releases the URL listener")
  void startTwiceThrowsAndStopReleases() {
    assertEquals(1, location.listeners);
    assertThrows(IllegalStateException.class, () -> history.start());
    history.stop();
    assertEquals(0, location.listeners);
    assertFalse(history.navigate("anything", true), "navigate before start is a no-op");
  }

  @Test
  @DisplayName("a malformed escape in the URL is kept as written instead of failing the navigation")
  void malformedEscapeKeptAsWritten() {
    location.visit("http://example.com#search/100%zz");
    history.checkUrl();
    assertEquals("100%zz", router.query);
    History h = restart();
    location.visit("http://example.com/bad%E0%A4/path");
    h.start(opts(History.PUSH_STATE, true, Options.SILENT, true));
    assertEquals("bad%E0%A4/path", h.getFragment());
  }

  @Test
  @DisplayName("History.started belongs to the class: a second history cannot start while one is started")
  void startedIsGlobal() {
    History other = new History(new FakeLocation("http://example.com"));
    assertTrue(other.isStarted());
    assertThrows(IllegalStateException.class, () -> other.start());
    history.stop();
    assertFalse(other.isStarted());
    other.start(opts(Options.SILENT, true));
    assertTrue(history.isStarted());
    other.stop();
  }
}
