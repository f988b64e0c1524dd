package io.herdgate.gateway.cli;

import io.herdgate.gateway.registry.CollarTable;
import io.herdgate.gateway.registry.CollarView;
import io.herdgate.gateway.store.CollarUse;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.StoreException;
import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate collars}: the collar table, read from the gateway's database directly (SQLite WAL lets
 * it read beside the running gateway, and it works while the gateway is stopped). Shows no keys.
 */
@Command(name = "collars",
        mixinStandardHelpOptions = true,
        description = {
                "Lists the collars the gateway knows: cow, EUI, battery, signal, last seen, firmware, status.",
                "Reads the gateway's database directly, so it also works while the gateway is stopped. Battery, "
                        + "signal and last seen are saved at most once a minute per collar.",
                "Status: active (on a cow), silent (on a cow, nothing heard for " + CollarsCommand.SILENT_MINUTES
                        + " minutes), spare, retired."},
        footer = {"", "Example:", "  herdgate collars --data-dir /var/lib/herdgate"})
public final class CollarsCommand implements Callable<Integer> {

    /** An active collar not heard from for this long is shown as silent. */
    static final int SILENT_MINUTES = 30;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Time zone of dates older than two days (default: this computer's).")
    ZoneId zone = ZoneId.systemDefault();

    /** The time "last seen" is measured from; replaceable in tests. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (!Files.exists(gateway.database())) {
            return Installer.fail(spec, "no database at " + gateway.database()
                    + ": has the gateway run yet? (--data-dir DIR)");
        }
        Optional<String> otherOwner = otherOwner(gateway.database());
        if (otherOwner.isPresent()) {
            // Opening it would leave WAL side files the gateway's own user may not be able to open.
            return Installer.fail(spec, gateway.database() + " belongs to user " + otherOwner.get()
                    + "; run as that user: sudo -u " + otherOwner.get() + " herdgate collars");
        }
        List<CollarView> collars;
        try (Database db = Database.open(gateway.database())) {
            collars = CollarTable.read(db);
        } catch (StoreException e) {
            return Installer.fail(spec, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (collars.isEmpty()) {
            out.println("No collars yet: pair one (herdgate pair) or load labels (herdgate pairing open).");
            return 0;
        }
        String format = "%-10s %-16s %-7s %-8s %-16s %-8s %s%n";
        out.printf(format, "COW", "EUI", "BATTERY", "RSSI", "LAST SEEN", "FIRMWARE", "STATUS");
        Instant now = clock.instant();
        for (CollarView c : collars) {
            out.printf(format,
                    c.cow().map(Object::toString).orElse("-"),
                    c.eui(),
                    c.batteryMv().isPresent() ? String.format(Locale.ROOT, "%.2f V", c.batteryMv().getAsInt() / 1000.0) : "-",
                    c.rssiDbm().isPresent() ? c.rssiDbm().getAsInt() + " dBm" : "-",
                    c.lastSeen().map(t -> ago(t, now)).orElse("never"),
                    c.firmware().map(Object::toString).orElse("-"),
                    status(c, now));
        }
        out.flush();
        return 0;
    }

    /** The owner of {@code file} when it is not the user running this command (POSIX systems only). */
    private static Optional<String> otherOwner(Path file) {
        try {
            String owner = Files.getOwner(file).getName();
            return owner.equals(System.getProperty("user.name")) ? Optional.empty() : Optional.of(owner);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // no owner to compare: let the open itself report problems
        }
    }

    private static String status(CollarView c, Instant now) {
        if (c.use() == CollarUse.ACTIVE && c.lastSeen().map(t -> Duration.between(t, now).toMinutes() >= SILENT_MINUTES)
                .orElse(true)) {
            return "silent";
        }
        return c.use().name().toLowerCase(Locale.ROOT);
    }

    private String ago(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h ago";
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(t);
    }
}
