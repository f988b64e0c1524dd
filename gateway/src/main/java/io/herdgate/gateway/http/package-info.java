/**
 * The gateway's one HTTP server ({@link io.herdgate.gateway.http.HttpServer}, Javalin on embedded Jetty):
 * binding, request size limits, JSON errors without stack traces, and the bearer-token guard on
 * {@code /api/*} ({@link io.herdgate.gateway.http.ApiAuth}, {@link io.herdgate.gateway.http.ApiToken}).
 * {@link io.herdgate.gateway.http.ApiClient} is the small client the CLI commands use to call the local
 * API. Routes themselves belong to the {@link io.herdgate.gateway.http.HttpModule}s of their owners.
 */
package io.herdgate.gateway.http;
