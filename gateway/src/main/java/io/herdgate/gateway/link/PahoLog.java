package io.herdgate.gateway.link;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eclipse.paho.mqttv5.client.logging.Logger;
import org.eclipse.paho.mqttv5.client.logging.LoggerFactory;

/**
 * Paho's log into the gateway's (tinylog): severe and warning as warn (with the cause's message, not
 * its stack trace), info and config as debug; fine, finer and finest (Paho's per-packet trace) are
 * dropped without a look.
 *
 * <p>Why not Paho's default ({@code JSR47Logger}): Paho makes a logger for every token, i.e. for every
 * acknowledgement the gateway sends, and the default one looks its {@code java.util.logging} logger up
 * by name each time (a synchronized map of the log manager), then checks that logger's level on every
 * trace call. Public only because Paho instantiates it by name; {@link #install()} is all the gateway
 * calls.
 */
public final class PahoLog implements Logger {

    private ResourceBundle catalog;
    private String name = "paho";

    /** For Paho, which makes one per logger it asks for. */
    public PahoLog() {
    }

    /** Makes every Paho client of this JVM log through this class (a process-wide Paho setting). */
    static void install() {
        LoggerFactory.setLogger(PahoLog.class.getName());
    }

    @Override
    public void initialise(ResourceBundle messageCatalog, String loggerId, String resourceName) {
        this.catalog = messageCatalog;
        this.name = resourceName != null ? resourceName : loggerId;
    }

    @Override
    public void setResourceName(String logContext) {
        this.name = logContext;
    }

    @Override
    public boolean isLoggable(int level) {
        return level <= CONFIG && tinylogEnabled(level);
    }

    @Override
    public void log(int level, String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        // The cause's message, not its stack: the link logs the loss itself, in words an installer reads.
        String text = formatMessage(msg, inserts) + (thrown == null ? "" : ": " + thrown);
        if (level <= WARNING) {
            org.tinylog.Logger.warn("mqtt {}: {}", name, text);
        } else {
            org.tinylog.Logger.debug("mqtt {}: {}", name, text);
        }
    }

    @Override
    public String formatMessage(String msg, Object[] inserts) {
        String pattern = msg;
        if (catalog != null && msg != null) {
            try {
                pattern = catalog.getString(msg);
            } catch (MissingResourceException e) {
                // Not a catalog key: the message is its own text.
            }
        }
        return inserts == null || inserts.length == 0 ? String.valueOf(pattern) : MessageFormat.format(pattern, inserts);
    }

    private static boolean tinylogEnabled(int level) {
        return level <= WARNING ? org.tinylog.Logger.isWarnEnabled() : org.tinylog.Logger.isDebugEnabled();
    }

    @Override
    public void severe(String sourceClass, String sourceMethod, String msg) {
        log(SEVERE, sourceClass, sourceMethod, msg, null, null);
    }

    @Override
    public void severe(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
        log(SEVERE, sourceClass, sourceMethod, msg, inserts, null);
    }

    @Override
    public void severe(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable thrown) {
        log(SEVERE, sourceClass, sourceMethod, msg, inserts, thrown);
    }

    @Override
    public void warning(String sourceClass, String sourceMethod, String msg) {
        log(WARNING, sourceClass, sourceMethod, msg, null, null);
    }

    @Override
    public void warning(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
        log(WARNING, sourceClass, sourceMethod, msg, inserts, null);
    }

    @Override
    public void warning(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable thrown) {
        log(WARNING, sourceClass, sourceMethod, msg, inserts, thrown);
    }

    @Override
    public void info(String sourceClass, String sourceMethod, String msg) {
        log(INFO, sourceClass, sourceMethod, msg, null, null);
    }

    @Override
    public void info(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
        log(INFO, sourceClass, sourceMethod, msg, inserts, null);
    }

    @Override
    public void info(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable thrown) {
        log(INFO, sourceClass, sourceMethod, msg, inserts, thrown);
    }

    @Override
    public void config(String sourceClass, String sourceMethod, String msg) {
        log(CONFIG, sourceClass, sourceMethod, msg, null, null);
    }

    @Override
    public void config(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
        log(CONFIG, sourceClass, sourceMethod, msg, inserts, null);
    }

    @Override
    public void config(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable thrown) {
        log(CONFIG, sourceClass, sourceMethod, msg, inserts, thrown);
    }

    @Override
    public void fine(String sourceClass, String sourceMethod, String msg) {
    }

    @Override
    public void fine(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
    }

    @Override
    public void fine(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable ex) {
    }

    @Override
    public void finer(String sourceClass, String sourceMethod, String msg) {
    }

    @Override
    public void finer(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
    }

    @Override
    public void finer(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable ex) {
    }

    @Override
    public void finest(String sourceClass, String sourceMethod, String msg) {
    }

    @Override
    public void finest(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
    }

    @Override
    public void finest(String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable ex) {
    }

    @Override
    public void trace(int level, String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable ex) {
    }

    @Override
    public void dumpTrace() {
    }
}
