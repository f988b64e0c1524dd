package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.herdgate.protocol.firmware.ImageFileException;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SignedImageFile;
import io.herdgate.protocol.frame.CollarEui;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate flash}: has the running gateway update a collar's firmware over the radio and follows
 * it with a progress bar. The update runs in the gateway (it holds the link and the collar's session);
 * this command only starts it and watches, so stopping the command does not stop the update.
 */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {
                "Updates a collar's firmware over its radio link: the gateway sends the signed release file in chunks, "
                        + "the collar checks signature and hash, test-boots the new image and the gateway confirms it.",
                "The update runs in the gateway; Ctrl-C only stops watching. After a lost link, a gateway restart or "
                        + "a collar reset, run the same command again: it resumes where the collar stopped.",
                "Exit status: 0 updated (or already running that version), 1 not started, 2 refused by the collar, "
                        + "3 reverted to the old image at test boot, 4 interrupted (the collar stopped answering, the link "
                        + "failed or the gateway restarted: run again to resume)."},
        footer = {"", "Example:", "  herdgate flash --collar 70B3D5499A000001 --image collar-1.1.0.hgfw"})
public final class FlashCommand implements Callable<Integer> {

    static final int REJECTED = 2;
    static final int REVERTED = 3;
    static final int INTERRUPTED = 4;
    private static final int BAR = 30;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--collar", required = true, paramLabel = "EUI", converter = CollarArgs.Eui.class,
            description = "The collar's EUI (16 hex digits).")
    CollarEui collar;

    @Option(names = "--image", required = true, paramLabel = "FILE",
            description = "The signed firmware release file (.hgfw) from the vendor.")
    Path image;

    /** How often progress is asked for; shorter in tests. */
    Duration poll = Duration.ofMillis(500);

    @Override
    public Integer call() throws InterruptedException {
        byte[] file;
        SignedImage signed;
        try {
            signed = SignedImageFile.read(image); // layout only: the gateway checks the vendor signature
            file = Files.readAllBytes(image);
        } catch (ImageFileException e) {
            return Installer.fail(spec, e.getMessage());
        } catch (IOException e) {
            return Installer.fail(spec, "cannot read " + image + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            GatewayClient client = gateway.client();
            GatewayClient.Answer a = client.put("/api/collars/" + collar + "/firmware", file);
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            out.printf(Locale.ROOT, "Updating collar %s to %s (image %s, %s)%n", collar, signed.manifest().version(),
                    signed.image(), kib(signed.size()));
            long resumed = a.body().path("resumed_from").asLong();
            if ("already_running".equals(a.body().path("result").asText())) {
                out.println("This update is already running; following it.");
            } else if (resumed > 0) {
                out.println("Resuming an interrupted update; the collar had " + kib(resumed) + " when it stopped.");
            }
            Progress progress = new Progress(out, System.console() != null);
            JsonNode s = a.body();
            while (!s.has("outcome")) {
                progress.show(s);
                Thread.sleep(poll.toMillis());
                Optional<JsonNode> next = follow(client);
                if (next.isEmpty()) {
                    progress.end();
                    return INTERRUPTED;
                }
                s = next.get();
            }
            progress.show(s);
            progress.end();
            return outcome(s.path("outcome"), out);
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }

    /** The update's progress now; empty (the reason printed) when it can no longer be followed. */
    private Optional<JsonNode> follow(GatewayClient client) {
        String resume = "; run the same command again to resume the update";
        try {
            GatewayClient.Answer next = client.get("/api/collars/" + collar + "/firmware");
            if (next.ok()) {
                return Optional.of(next.body());
            }
            Installer.fail(spec, next.error() + resume); // e.g. the gateway restarted and forgot the update
        } catch (GatewayClient.GatewayException e) {
            Installer.fail(spec, e.getMessage() + resume);
        }
        return Optional.empty();
    }

    private int outcome(JsonNode o, PrintWriter out) {
        switch (o.path("kind").asText()) {
            case "updated" -> {
                out.println("Done: collar " + collar + " runs " + o.path("running").asText() + ".");
                out.flush();
                return 0;
            }
            case "rejected" -> {
                return fail(REJECTED, "the collar refused the image: " + o.path("reason").asText()
                        .replace('_', ' ') + "; sending it again will not help");
            }
            case "reverted" -> {
                return fail(REVERTED, "the new image failed its test boot; the collar went back to "
                        + o.path("running").asText());
            }
            default -> {
                boolean resumable = o.path("resumable").asBoolean();
                return fail(resumable ? INTERRUPTED : 1, "update stopped (" + o.path("reason").asText().replace('_', ' ')
                        + "): " + o.path("detail").asText()
                        + (resumable ? "; run the same command again to resume" : ""));
            }
        }
    }

    private int fail(int code, String message) {
        Installer.fail(spec, message);
        return code;
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** A progress bar redrawn in place on a terminal, one line per phase or tenth otherwise. */
    private static final class Progress {
        private final PrintWriter out;
        private final boolean terminal;
        private String lastLine = "";
        private String lastPhase = "";
        private long lastTenth = -1;

        Progress(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void show(JsonNode s) {
            long acked = s.path("acked_bytes").asLong();
            long total = Math.max(1, s.path("total_bytes").asLong());
            String phase = s.path("phase").asText().replace('_', ' ');
            int filled = (int) (BAR * acked / total);
            String line = String.format(Locale.ROOT, "[%s%s] %3d%%  %s / %s  %s", "#".repeat(filled),
                    "-".repeat(BAR - filled), 100 * acked / total, kib(acked), kib(total), phase);
            if (terminal) {
                if (!line.equals(lastLine)) {
                    out.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
                    out.flush();
                }
            } else if (!phase.equals(lastPhase) || 10 * acked / total != lastTenth) {
                out.println(line);
                out.flush();
            }
            lastLine = line;
            lastPhase = phase;
            lastTenth = 10 * acked / total;
        }

        void end() {
            if (terminal && !lastLine.isEmpty()) {
                out.println();
                out.flush();
            }
        }
    }
}
