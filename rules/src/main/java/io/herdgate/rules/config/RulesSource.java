package io.herdgate.rules.config;

/** Supplies the rules in force; implementations may change them over time (hot reload). */
public interface RulesSource {

    /** The rules in force now; always a valid configuration. */
    RulesConfig current();
}
