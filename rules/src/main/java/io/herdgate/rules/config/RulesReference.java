package io.herdgate.rules.config;

import io.herdgate.rules.params.Parameter;
import io.herdgate.rules.params.ParameterCatalog;

/**
 * Text generated from the parameter catalog: the shipped {@code default-rules.yaml} and the parameter
 * table of {@code RULES.md}. Tests compare both files with this output, so they cannot drift from the
 * catalog.
 */
public final class RulesReference {

    private RulesReference() {
    }

    /** The shipped rules file: every parameter at its default under {@code herd}, each with its meaning, unit and range. */
    public static String defaultYaml() {
        StringBuilder b = new StringBuilder();
        b.append("# herdgate detection rules: the shipped defaults.\n")
                .append("#\n")
                .append("# Every parameter is listed under `herd` at its default. Copy this file, keep only what\n")
                .append("# you change, and add `groups` (settings for a group of the herd data, e.g. heifers) and\n")
                .append("# `cows` (settings for single cows, by id in quotes; `group:` moves a cow into a group).\n")
                .append("# Each parameter of a cow comes from her own entry, else her group, else herd, else the\n")
                .append("# shipped default. Check a file with `herdgate rules check FILE`; see RULES.md.\n")
                .append("version: 1\n")
                .append("herd:\n");
        String section = "";
        for (Parameter p : ParameterCatalog.all()) {
            String s = p.key().substring(0, p.key().indexOf('.'));
            if (!s.equals(section)) {
                section = s;
                b.append("  ").append(s).append(":\n");
            }
            b.append("    # ").append(p.meaning()).append('\n');
            b.append("    # allowed: ").append(p.allowed()).append('\n');
            b.append("    ").append(p.key().substring(s.length() + 1)).append(": ").append(p.defaultText()).append('\n');
        }
        b.append("groups: {}\n");
        b.append("cows: {}\n");
        return b.toString();
    }

    /** The Markdown table of every parameter: key, unit, allowed values, default, meaning. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder();
        b.append("| key | unit | allowed | default | meaning |\n");
        b.append("|---|---|---|---|---|\n");
        for (Parameter p : ParameterCatalog.all()) {
            String unit = p instanceof Parameter.Number n ? n.unit() : "";
            b.append("| `").append(p.key()).append("` | ").append(unit.isEmpty() ? "—" : unit).append(" | ")
                    .append(p.allowed().replace("|", "\\|")).append(" | `").append(p.defaultText()).append("` | ")
                    .append(p.meaning().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }
}
