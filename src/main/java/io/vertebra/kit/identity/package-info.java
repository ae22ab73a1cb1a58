/**
 * Who is signed in, and what they may subscribe to: sign-in by display name into a signed, HttpOnly cookie whose
 * session the app's {@link io.vertebra.kit.identity.SessionRecords} can revoke; {@code /api/session};
 * {@code /pusher/auth} for the private and presence channels the app's {@link io.vertebra.kit.identity.ChannelPolicy}
 * allows; {@code /pusher/user-auth}. Install them all with {@link io.vertebra.kit.identity.IdentityEndpoints}.
 */
package io.vertebra.kit.identity;
