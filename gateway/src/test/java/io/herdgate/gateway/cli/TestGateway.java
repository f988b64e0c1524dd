package io.herdgate.gateway.cli;

import io.herdgate.gateway.flash.FlashService;
import io.herdgate.gateway.installer.InstallerApi;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.store.Database;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A gateway HTTP server for CLI tests: the installer API on a real Javalin server on a free loopback
 * port, behind a bearer-token check like the gateway's, with the token file in the data directory.
 */
final class TestGateway implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";

    private final Javalin app;

    private TestGateway(Javalin app) {
        this.app = app;
    }

    static TestGateway start(Path dataDir, CollarRegistry registry, FlashService flash) throws IOException {
        Files.writeString(dataDir.resolve(GatewayOptions.TOKEN), TOKEN + "\n");
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.before("/api/*", ctx -> {
            if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
                throw new UnauthorizedResponse();
            }
        });
        InstallerApi.of(registry, flash).register(app);
        app.start("127.0.0.1", 0);
        return new TestGateway(app);
    }

    String url() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The database of a data directory, as the gateway opens it. */
    static Database database(Path dataDir) {
        return Database.open(dataDir.resolve(GatewayOptions.DATABASE));
    }
}
