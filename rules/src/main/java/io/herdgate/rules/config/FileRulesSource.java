package io.herdgate.rules.config;

import io.herdgate.rules.audit.AuditException;
import io.herdgate.rules.audit.AuditRecord;
import io.herdgate.rules.audit.AuditSink;
import io.herdgate.rules.audit.ParameterChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Rules from a file, reloaded when its content changes. The gateway calls {@link #poll()} on its own
 * schedule (e.g. every 10 s); a changed file is validated in full and swapped in only when valid, with
 * an {@link AuditRecord} of every changed parameter path; an invalid file leaves the rules in force
 * and its problems are returned (and passed to the listeners). Thread-safe; {@link #current()} never
 * blocks on a reload.
 */
public final class FileRulesSource implements RulesSource {

    private final Path file;
    private final AuditSink audit;
    private final Clock clock;
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();
    private volatile RulesConfig current;
    private String lastText;

    private FileRulesSource(Path file, AuditSink audit, Clock clock, RulesConfig config, String text) {
        this.file = file;
        this.audit = audit;
        this.clock = clock;
        this.current = config;
        this.lastText = text;
    }

    /**
     * Loads {@code file}; its first state is not audited (nothing changed yet).
     *
     * @throws RulesLoadException when the file is invalid or unreadable
     */
    public static FileRulesSource open(Path file, AuditSink audit, Clock clock) throws RulesLoadException {
        String text = read(file).orElse(null);
        RulesCheck check = text == null ? RulesFile.read(file) : RulesFile.parse(text, file.toString());
        if (check instanceof RulesCheck.Invalid invalid) {
            throw new RulesLoadException(invalid.problems());
        }
        return new FileRulesSource(file, audit, clock, ((RulesCheck.Valid) check).config(), text);
    }

    @Override
    public RulesConfig current() {
        return current;
    }

    /** Called with the outcome of every reload that found a change (applied or rejected). */
    public void onReload(Consumer<Reload> listener) {
        listeners.add(listener);
    }

    /**
     * Reloads the file if its content changed, attributing the change to the file's owner.
     *
     * @throws AuditException when the change was valid but could not be audited; the new rules are then
     *                        NOT applied (an unaudited change must not take effect)
     */
    public Reload poll() throws AuditException {
        return poll(owner());
    }

    /** As {@link #poll()}, naming who made the change (e.g. the user of the web form that saved it). */
    public synchronized Reload poll(String who) throws AuditException {
        Optional<String> text = read(file);
        if (text.isPresent() && text.get().equals(lastText)) {
            return new Reload.Unchanged();
        }
        RulesCheck check = text.isPresent() ? RulesFile.parse(text.get(), file.toString()) : RulesFile.read(file);
        Reload result;
        if (check instanceof RulesCheck.Invalid invalid) {
            result = new Reload.Rejected(invalid.problems());
        } else {
            RulesConfig next = ((RulesCheck.Valid) check).config();
            AuditRecord record = AuditRecord.of(clock.instant(), who, file.toString(), changes(current, next));
            audit.append(record);
            current = next;
            result = new Reload.Applied(next, record);
        }
        lastText = text.orElse(null);
        for (Consumer<Reload> l : listeners) {
            l.accept(result);
        }
        return result;
    }

    /** Every parameter path set differently in {@code next} than in {@code previous}, sorted by path. */
    static List<ParameterChange> changes(RulesConfig previous, RulesConfig next) {
        Map<String, String> a = previous.settings();
        Map<String, String> b = next.settings();
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<ParameterChange> out = new ArrayList<>();
        for (String p : paths) {
            Optional<String> before = Optional.ofNullable(a.get(p));
            Optional<String> after = Optional.ofNullable(b.get(p));
            if (!before.equals(after)) {
                out.add(ParameterChange.of(p, before, after));
            }
        }
        return out;
    }

    private String owner() {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
