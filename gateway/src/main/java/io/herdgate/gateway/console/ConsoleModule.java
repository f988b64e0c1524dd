package io.herdgate.gateway.console;

import io.herdgate.gateway.http.HttpModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The web console's routes: {@code GET /console} (the page, for a logged-in session only),
 * {@code GET|POST /console/login}, {@code POST /console/logout}. The session cookie is HttpOnly,
 * SameSite=Strict, scoped to {@code /console} (and Secure when served over https). Cross-site form posts
 * are refused by their Origin header; failed logins are throttled per client address.
 */
public final class ConsoleModule implements HttpModule {

    public static final String PATH = "/console";
    static final String LOGIN = PATH + "/login";
    static final String LOGOUT = PATH + "/logout";
    static final String COOKIE = "herdgate_session";

    private final ConsoleSettings settings;
    private final ConsoleSources sources;
    private final Clock clock;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ConsolePages pages;

    private ConsoleModule(ConsoleSettings settings, ConsoleSources sources, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = new Sessions(clock, settings.sessionIdle());
        this.throttle = new LoginThrottle(clock, settings.maxFailures(), settings.failureWindow(), settings.lockout());
        this.pages = new ConsolePages(settings.zone());
    }

    public static ConsoleModule of(ConsoleSettings settings, ConsoleSources sources, Clock clock) {
        return new ConsoleModule(settings, sources, clock);
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, this::dashboard);
        app.get(LOGIN, this::loginForm);
        app.post(LOGIN, this::login);
        app.post(LOGOUT, this::logout);
    }

    private void dashboard(Context ctx) {
        if (!sessions.touch(ctx.cookie(COOKIE))) {
            ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
            return;
        }
        html(ctx, HttpStatus.OK, pages.dashboard(settings.username(), sources.alarms().get(),
                sources.collars().get(), sources.links().get(), clock.instant()));
    }

    private void loginForm(Context ctx) {
        if (sessions.touch(ctx.cookie(COOKIE))) {
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            return;
        }
        html(ctx, HttpStatus.OK, pages.login("", "", passwordHash().isPresent()));
    }

    private void login(Context ctx) {
        if (crossSite(ctx)) {
            return;
        }
        String address = ctx.ip();
        Optional<Duration> locked = throttle.lockedFor(address);
        if (locked.isPresent()) {
            tooManyFailures(ctx, locked.get());
            return;
        }
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "");
        char[] password = Objects.requireNonNullElse(ctx.formParam("password"), "").toCharArray();
        Optional<PasswordHash> hash = passwordHash();
        boolean userOk = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                settings.username().getBytes(StandardCharsets.UTF_8));
        // The password is checked even for a wrong user, so timing does not tell which one was wrong.
        boolean passwordOk = hash.map(h -> h.verify(password)).orElse(false);
        Arrays.fill(password, '\0');
        if (userOk && passwordOk) {
            throttle.succeeded(address);
            String id = sessions.start();
            ctx.header("Set-Cookie", cookie(ctx, id, false));
            Logger.info("console login user={} ip={}", settings.username(), address);
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
            return;
        }
        boolean nowLocked = throttle.failed(address);
        Logger.warn("console login failed ip={} user_known={} locked={}", address, userOk, nowLocked);
        if (nowLocked) {
            tooManyFailures(ctx, settings.lockout());
            return;
        }
        html(ctx, HttpStatus.UNAUTHORIZED, pages.login(userOk ? username : "", "Wrong user name or password.",
                hash.isPresent()));
    }

    private void logout(Context ctx) {
        if (crossSite(ctx)) {
            return;
        }
        sessions.end(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, "", true));
        Logger.info("console logout ip={}", ctx.ip());
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    private Optional<PasswordHash> passwordHash() {
        try {
            return settings.currentPasswordHash();
        } catch (ConsoleConfigException e) {
            Logger.error("console password unusable reason={}", e.getMessage());
            return Optional.empty();
        }
    }

    private void tooManyFailures(Context ctx, Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        html(ctx, HttpStatus.TOO_MANY_REQUESTS, pages.message("Too many failed logins",
                "Too many wrong passwords from this address. Try again in " + minutes + " min."));
    }

    /** A POST whose Origin is another site is refused (SameSite covers the cookie; this covers the form). */
    private boolean crossSite(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) { // older browsers and curl send none; the cookie's SameSite still holds
            return false;
        }
        String authority;
        try {
            authority = URI.create(origin).getAuthority();
        } catch (IllegalArgumentException e) {
            authority = null;
        }
        if (authority != null && authority.equalsIgnoreCase(ctx.host())) {
            return false;
        }
        Logger.warn("console cross-site post refused origin={} path={}", origin, ctx.path());
        html(ctx, HttpStatus.FORBIDDEN, pages.message("Refused", "This form must be sent from the console itself."));
        return true;
    }

    private static String cookie(Context ctx, String value, boolean expire) {
        return COOKIE + "=" + value + "; Path=" + PATH + "; HttpOnly; SameSite=Strict"
                + ("https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }

    private static void html(Context ctx, HttpStatus status, String body) {
        ctx.status(status)
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin") // no-referrer would make the Origin of own posts "null"
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "form-action 'self'; frame-ancestors 'none'")
                .html(body);
    }
}
