package io.herdgate.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.session.DefaultSessionIdManager;
import org.eclipse.jetty.server.session.HouseKeeper;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.tinylog.Logger;

/**
 * The gateway's one HTTP server. Every response that is an error is a small JSON {@link ErrorBody};
 * unexpected exceptions are logged (with their stack trace, in the log only) and answered with a
 * plain 500. Request bodies above {@link HttpSettings#maxRequestBytes()} are refused with 413.
 * {@link ApiAuth} always guards {@code /api/*}; the modules add their routes before the server starts.
 *
 * <p>Lifecycle: {@link #start(HttpSettings, ApiAuth, List)} binds and serves; {@link #close()} stops
 * (idempotent).
 */
public final class HttpServer implements AutoCloseable {

    /** Small pool: a Pi serves a handful of local callers, not the internet. */
    private static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;

    private final Javalin app;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Builds the server, lets {@code auth} and then each module register, and starts listening.
     *
     * @throws HttpServerException when the address cannot be bound
     */
    public static HttpServer start(HttpSettings settings, ApiAuth auth, List<? extends HttpModule> modules) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(auth, "auth");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.threadPool = threadPool();
            config.jetty.modifyServer(HttpServer::withoutIdleThreads);
            config.jetty.addConnector((server, http) -> connector(server, http, settings));
        });
        app.before(ctx -> refuseOversizedBody(ctx, settings.maxRequestBytes()));
        auth.register(app);
        modules.forEach(m -> m.register(app));
        installErrorHandling(app);
        try {
            app.start(settings.bindAddress(), settings.port());
        } catch (Exception e) { // Javalin rethrows Jetty's checked exceptions unchecked
            stopQuietly(app);
            throw new HttpServerException(settings.bindAddress(), settings.port(), e);
        }
        Logger.info("http listening bind={} port={}", settings.bindAddress(), app.port());
        return new HttpServer(app);
    }

    /**
     * Loads and initialises the HTTP stack's classes (Javalin, Jetty, the JSON mapper; about a third of
     * the classes the gateway needs before it is healthy) on a background daemon thread and returns at
     * once, so that this work overlaps with opening the database and building the ingest on a multi-core
     * Pi; {@link #start} then finds them ready. Nothing is bound or started; a failure here only costs the
     * head start ({@link #start} reports real problems). Call it after logging is configured: Jetty's
     * loggers initialise the logging back end.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                Javalin.create(config -> config.showJavalinBanner = false); // never started: classes only
                new JavalinJackson().toJsonString(ErrorBody.of(200, "preload"), ErrorBody.class);
            } catch (RuntimeException | LinkageError e) {
                Logger.debug("http preload failed: {}", e.toString());
            }
        }, "http-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The port actually listened on (the free port picked when the settings said 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
            Logger.info("http stopped");
        }
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName("http");
        pool.setReservedThreads(0); // no threads parked for bursts: requests are few and small
        return pool;
    }

    /**
     * One selector thread that also accepts, instead of Jetty's dedicated acceptor thread beside it: a
     * handful of local callers do not need a thread blocked in {@code accept()}.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, HttpSettings settings) {
        ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bindAddress());
        connector.setPort(settings.port());
        return connector;
    }

    /**
     * Drops the two threads Javalin's default server keeps for features the gateway does not use: the
     * low-resources monitor's scheduler (it only shortens idle timeouts when the pool runs dry) and the
     * session house keeper's scavenger (the gateway keeps no HTTP sessions; {@link ApiAuth} reads a token
     * on each request).
     */
    private static void withoutIdleThreads(Server server) {
        server.getBeans(LowResourceMonitor.class).forEach(server::removeBean);
        DefaultSessionIdManager sessionIds = new DefaultSessionIdManager(server);
        HouseKeeper houseKeeper = new HouseKeeper();
        try {
            houseKeeper.setIntervalSec(0); // never scavenge: no sessions are ever created
        } catch (Exception e) { // declared by Jetty for a running house keeper; this one is not started
            throw new IllegalStateException(e);
        }
        sessionIds.setSessionHouseKeeper(houseKeeper);
        server.setSessionIdManager(sessionIds);
    }

    private static void refuseOversizedBody(Context ctx, long maxBytes) {
        if (ctx.contentLength() > maxBytes) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body larger than " + maxBytes + " bytes");
        }
    }

    private static void installErrorHandling(Javalin app) {
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ctx.status(e.getStatus()).json(ErrorBody.of(e.getStatus(), e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            Logger.error(e, "http failure method={} path={}", ctx.method(), ctx.path());
            ctx.status(500).json(ErrorBody.of(500, "internal error; see the gateway log"));
        });
    }

    private static void stopQuietly(Javalin app) {
        try {
            app.stop();
        } catch (RuntimeException e) {
            Logger.debug(e, "http stop after a failed start");
        }
    }
}
