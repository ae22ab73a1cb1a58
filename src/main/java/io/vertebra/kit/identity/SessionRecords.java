package io.vertebra.kit.identity;

/**
 * The durable record of sign-ins that makes signing out real: a session cookie is honoured only while its session is
 * recorded here, unexpired and not revoked. The app's database keeps it (shared by every app node); a revocation must
 * be durable before it is acknowledged.
 */
public interface SessionRecords {

  /** Records a new session of {@code userId}, valid until {@code expiresAtMillis}. */
  void create(String sessionId, String userId, long expiresAtMillis);

  /** Whether {@code sessionId} of {@code userId} exists, has not expired and was not revoked. */
  boolean isActive(String sessionId, String userId);

  /** Revokes one session (sign-out). */
  void revoke(String sessionId);

  /** Revokes every session of {@code userId} (sign out everywhere); returns how many were active. */
  int revokeUser(String userId);

  /** Forgets sessions that expired before {@code beforeMillis}; returns how many. */
  int purgeExpired(long beforeMillis);
}
