package io.vertebra.channels.console;

import io.vertebra.kit.web.StaticCaching;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.util.resource.Resource;

/**
 * Files of one folder of the web app, by plain name only (no sub-folders, no {@code ..}): the compiled console
 * client ({@code console.nocache.js}, {@code *.cache.js}) and pusher-js. Works for a folder on disk and inside the
 * jar alike. GWT's {@code .cache.} files never change under their name, so they are cached for good.
 */
final class ConsoleAssetServlet extends HttpServlet {

  private final transient Resource folder;

  ConsoleAssetServlet(Resource folder) {
    this.folder = folder;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo();
    String name = path == null ? "" : path.substring(1);
    Resource file = name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*") ? folder.resolve(name) : null;
    if (file == null || !file.exists() || file.isDirectory()) {
      ConsoleResponses.error(request, response, 404, "not_found", "No console file " + path);
      return;
    }
    response.setStatus(200);
    response.setContentType(contentType(name));
    response.setHeader("Cache-Control", StaticCaching.cacheControl(name));
    response.setHeader("X-Content-Type-Options", "nosniff");
    long length = file.length();
    if (length >= 0) {
      response.setContentLengthLong(length);
    }
    try (InputStream in = file.newInputStream()) {
      in.transferTo(response.getOutputStream());
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript;charset=utf-8";
    }
    if (name.endsWith(".gif")) {
      return "image/gif";
    }
    if (name.endsWith(".css")) {
      return "text/css;charset=utf-8";
    }
    return "text/plain;charset=utf-8";
  }
}
