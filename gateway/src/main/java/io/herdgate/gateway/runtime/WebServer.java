package io.herdgate.gateway.runtime;

import io.herdgate.gateway.config.HttpConfig;
import io.herdgate.gateway.http.HttpModule;
import io.javalin.Javalin;
import java.util.List;
import org.tinylog.Logger;

/** The one Javalin server with every module's routes; binds on start, stops on close. */
final class WebServer implements AutoCloseable {

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** @throws GatewayStartException when the address cannot be bound */
    static WebServer start(HttpConfig config, List<HttpModule> modules) {
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
        });
        modules.forEach(m -> m.register(app));
        try {
            app.start(config.bind(), config.port());
        } catch (RuntimeException e) {
            try {
                app.stop();
            } catch (RuntimeException ignored) {
                // already failing with the bind error
            }
            throw new GatewayStartException("http", "cannot listen on " + config.bind() + ":" + config.port()
                    + " (" + rootMessage(e) + "); is another herdgate running? set http.port", e);
        }
        Logger.info("http listening on {}:{}", config.bind(), app.port());
        return new WebServer(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
