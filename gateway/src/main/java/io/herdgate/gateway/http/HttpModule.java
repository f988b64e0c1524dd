package io.herdgate.gateway.http;

import io.javalin.Javalin;

/**
 * A part of the gateway that serves HTTP routes (health, metrics, the local API, webhooks). Each
 * module registers its own routes on the one server before it starts; paths must not overlap.
 */
@FunctionalInterface
public interface HttpModule {

    void register(Javalin app);
}
