package io.herdgate.gateway.cli;

import io.herdgate.gateway.config.GatewayConfigFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code herdgate config example}: prints the documented example configuration. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Print the documented example herdgate.yaml (a Pi with the USB dongle and a local mosquitto).")
public final class ConfigExampleCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = GatewayConfigFile.class.getResourceAsStream(GatewayConfigFile.EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the example configuration is missing from this build");
            }
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        out.flush();
        return 0;
    }
}
