package io.herdgate.gateway.cli;

import io.herdgate.gateway.http.ApiToken;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the installer commands find the gateway: its local HTTP API and its data directory (the
 * database and the API token). Both default to what the Pi package installs; the environment variables
 * {@code HERDGATE_API} and {@code HERDGATE_DATA_DIR} override the defaults.
 */
final class GatewayOptions {

    /** The database file inside the data directory. */
    static final String DATABASE = "herdgate.db";

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "${env:HERDGATE_API:-http://127.0.0.1:8080}",
            description = "The gateway's local HTTP API (default ${DEFAULT-VALUE}; env HERDGATE_API).")
    URI api;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:HERDGATE_DATA_DIR:-/var/lib/herdgate}",
            description = "The gateway's data directory, holding " + DATABASE + " and " + ApiToken.FILE_NAME
                    + " (default ${DEFAULT-VALUE}; env HERDGATE_DATA_DIR).")
    Path dataDir;

    Path database() {
        return dataDir.resolve(DATABASE);
    }

    GatewayClient client() {
        return GatewayClient.of(api, dataDir);
    }
}
