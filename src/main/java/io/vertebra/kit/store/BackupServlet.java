package io.vertebra.kit.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.ErrorCodes;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code POST /admin/backup}: an online backup of the embedded SQLite database into {@code DATA_DIR/backups/}, answered
 * with the file written. Only for whoever holds the realtime app secret ({@code Authorization: Bearer <secret>}),
 * because a backup holds every record and fills the disk. A PostgreSQL deployment gets 409: use pg_dump.
 */
public final class BackupServlet extends JsonServlet {

  /** Where the endpoint is mounted. */
  public static final String PATH = "/admin/backup";

  private final transient Backups backups;
  private final byte[] secret;

  /** An endpoint writing {@code backups}, open to requests that carry {@code secret}. */
  /** An endpoint writing {@code backups}, open to requests that carry {@code secret}. */
  public BackupServlet(ObjectMapper mapper, Backups backups, String secret) {
    super(mapper);
    this.backups = backups;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    return Map.of("POST", this::backup);
  }

  private void backup(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!authorized(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer");
      throw new ApiException(HttpServletResponse.SC_UNAUTHORIZED, ErrorCodes.UNAUTHORIZED,
          "Send the realtime app secret as 'Authorization: Bearer <secret>'", null, null);
    }
    if (!backups.supported()) {
      throw new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCodes.CONFLICT,
          "The database is not the embedded SQLite one: back it up with its own tools (pg_dump for "
              + "PostgreSQL; see OPERATIONS.md)", null, null);
    }
    Path file = backups.backup();
    writeJson(response, HttpServletResponse.SC_OK, mapper.createObjectNode()
        .put("file", file.toString()).put("bytes", Files.size(file)));
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, secret);
  }
}
