/**
 * The vets' rule configuration: a YAML file of herd defaults, group settings and per-cow overrides
 * of the detector parameters in {@link io.herdgate.rules.params.ParameterCatalog}; its validation
 * with file:line:column errors; the resolution cow &gt; group &gt; herd &gt; shipped defaults into a
 * {@link io.herdgate.rules.params.RuleSet} per cow; and hot reload of the file with an audit record
 * of every accepted change.
 */
package io.herdgate.rules.config;
