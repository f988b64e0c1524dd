package io.herdgate.gateway.whatsapp;

/** A templates file that cannot be used; the message names the file and the template or field. */
public final class TemplateCatalogException extends RuntimeException {

    private final String source;

    public TemplateCatalogException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    /** The file or resource the templates came from. */
    public String source() {
        return source;
    }
}
