/**
 * The web console at {@code /console}: a small server-rendered page of active alarms, collars and links
 * for the farmer, behind a login. Owns the password hash ({@link io.herdgate.gateway.console.PasswordHash},
 * PBKDF2 with a random salt), its file ({@link io.herdgate.gateway.console.PasswordFile}), sessions
 * ({@link io.herdgate.gateway.console.Sessions}, HttpOnly + SameSite=Strict cookie) and the throttle on
 * failed logins ({@link io.herdgate.gateway.console.LoginThrottle}). What the page shows comes from
 * {@link io.herdgate.gateway.console.ConsoleSources}, wired by the runtime.
 */
package io.herdgate.gateway.console;
