package io.herdgate.gateway.http;

/** The HTTP server could not start (address in use, unknown host, no permission for the port). */
public final class HttpServerException extends RuntimeException {

    private final String bindAddress;
    private final int port;

    public HttpServerException(String bindAddress, int port, Throwable cause) {
        super("cannot listen on " + bindAddress + ":" + port + " (" + rootMessage(cause) + ")", cause);
        this.bindAddress = bindAddress;
        this.port = port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null ? root.getClass().getSimpleName() : msg;
    }
}
