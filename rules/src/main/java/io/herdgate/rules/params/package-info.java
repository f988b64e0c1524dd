/**
 * The parameters every detector reads: one record per detector with defaults, gathered in
 * {@link io.herdgate.rules.params.RuleSet}; the {@link io.herdgate.rules.params.ParameterCatalog} that
 * names each parameter's YAML key, unit, allowed range, default and meaning (the records validate
 * against it); and the {@link io.herdgate.rules.params.Rules} lookup that resolves the rule set of a cow.
 */
package io.herdgate.rules.params;
