package io.herdgate.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * Requires {@code Authorization: Bearer <token>} on every request under {@code /api/} (unknown API paths
 * included, so their existence does not leak); anything else ({@code /health}, {@code /metrics}, the
 * console with its own login) is left alone. A refused request gets 401 with
 * {@code WWW-Authenticate: Bearer}. {@link HttpServer} always installs it.
 */
public final class ApiAuth implements HttpModule {

    /** Prefix of the guarded paths. */
    public static final String API_PREFIX = "/api/";
    private static final String BEARER = "Bearer ";

    private final ApiToken token;

    private ApiAuth(ApiToken token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    public static ApiAuth of(ApiToken token) {
        return new ApiAuth(token);
    }

    @Override
    public void register(Javalin app) {
        // The raw path catches unknown API paths; the matched route template catches encoded spellings
        // (e.g. /%61pi/...) that the router decodes onto an API route.
        app.before(ctx -> {
            if (guarded(ctx.path())) {
                check(ctx);
            }
        });
        app.beforeMatched(ctx -> {
            if (guarded(ctx.endpointHandlerPath()) && !guarded(ctx.path())) {
                check(ctx);
            }
        });
    }

    private static boolean guarded(String path) {
        return path.startsWith(API_PREFIX) || path.equals("/api");
    }

    private void check(Context ctx) {
        String path = ctx.path();
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && token.matches(header.substring(BEARER.length()).strip())) {
            return;
        }
        Logger.warn("api request refused reason={} method={} path={} ip={}",
                header == null ? "no-authorization" : "wrong-token", ctx.method(), path, ctx.ip());
        ctx.header("WWW-Authenticate", "Bearer realm=\"herdgate\"");
        throw new UnauthorizedResponse("missing or wrong bearer token; the token is in <data-dir>/"
                + ApiToken.FILE_NAME);
    }
}
