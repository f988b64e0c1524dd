package io.herdgate.gateway.cli;

import io.herdgate.gateway.flash.FlashService;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.gateway.installer.InstallerApi;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's HTTP server for CLI tests, as the gateway starts it: a free loopback port, the API token
 * created in the data directory, {@link ApiAuth} in front of the installer API.
 */
final class TestGateway implements AutoCloseable {

    private final HttpServer server;

    private TestGateway(HttpServer server) {
        this.server = server;
    }

    static TestGateway start(Path dataDir, CollarRegistry registry, FlashService flash) {
        return new TestGateway(HttpServer.start(HttpSettings.loopbackAnyPort(),
                ApiAuth.of(ApiToken.loadOrCreate(dataDir)), List.of(InstallerApi.of(registry, Optional.of(flash)))));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /** The database of a data directory, as the gateway opens it. */
    static Database database(Path dataDir) {
        return Database.open(dataDir.resolve(GatewayOptions.DATABASE));
    }
}
