package io.herdgate.rules.config;

import java.util.Optional;

/**
 * A cow's entry in the rules file.
 *
 * @param group     the group the file puts her in, overriding the herd data's group
 * @param overrides her own parameter values
 * @param at        where her entry starts
 */
public record CowRules(Optional<GroupName> group, Overrides overrides, Position at) {

    public static CowRules of(Optional<GroupName> group, Overrides overrides, Position at) {
        return new CowRules(group, overrides, at);
    }
}
