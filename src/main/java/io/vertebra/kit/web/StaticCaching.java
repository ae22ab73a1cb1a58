package io.vertebra.kit.web;

/**
 * How long browsers may keep a static file. GWT's {@code *.cache.*} files never change under their name, so they are
 * kept for a year; everything else (host pages, a single-script app's {@code *.nocache.js}, styles) is revalidated on
 * every use ({@code no-cache}: a 304 against the ETag when unchanged), so a release reaches browsers on their next
 * load instead of after a heuristic expiry.
 */
public final class StaticCaching {

  private StaticCaching() {}

  /** The {@code Cache-Control} value for the file at {@code path} (a name or a URL path). */
  public static String cacheControl(String path) {
    return path.contains(".cache.") ? "public, max-age=31536000, immutable" : "no-cache";
  }
}
