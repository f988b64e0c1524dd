package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application class-data sharing archive, made as {@code /usr/bin/herdgate} makes it on a Pi: one
 * run of the gateway with {@code -XX:ArchiveClassesAtExit}, stopped with SIGTERM once healthy (the JVM
 * writes the classes it loaded as it exits); later runs map it with {@code -XX:SharedArchiveFile}.
 */
final class ClassArchive {

    private ClassArchive() {
    }

    /**
     * Trains an archive at {@code archive}: starts the gateway with {@code jvm} and the given configuration,
     * waits until {@code /health} says ok, reads {@code /metrics} (so its classes are archived too) and stops it.
     *
     * @return the options of a run that uses the archive: {@code jvm} plus {@code -XX:SharedArchiveFile}
     * @throws IOException when the gateway did not get healthy or wrote no archive
     */
    static List<String> train(Path jar, List<String> jvm, Path config, int httpPort, Path dataDir, Path archive)
            throws IOException, InterruptedException {
        List<String> training = new ArrayList<>(jvm);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        // The JVM lists every class it cannot archive (e.g. class files older than Java 6) as a warning.
        training.add("-Xlog:cds=off");
        Path log = archive.resolveSibling("archive-training.out");
        try (GatewayProcess gw = GatewayProcess.start(jar, training, config, httpPort, dataDir, log)) {
            gw.awaitHealthy(Duration.ofSeconds(60));
            gw.metrics();
            if (!gw.stop(Duration.ofSeconds(60))) {
                throw new IOException("the archive's training run did not stop within 60 s; see " + log);
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IOException("the training run wrote no class archive " + archive + "; see " + log);
        }
        List<String> with = new ArrayList<>(jvm);
        with.add("-XX:SharedArchiveFile=" + archive);
        return List.copyOf(with);
    }
}
