package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.herdgate.rules.alarm.AlarmType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates the gateway sends, one per use, and the quick-reply button labels per language.
 * The bundled set ({@link #bundled()}) is the one listed in {@code gateway/TEMPLATES.md} for approval; a
 * farm may declare its own in a JSON or YAML file of the same shape ({@link #read(Path)}).
 *
 * <p>Checked on load, as WhatsApp checks templates for approval: each body uses placeholders
 * {@code {{1}}}..{@code {{n}}} once each and in order, one per declared parameter, neither first nor last,
 * at most 1024 characters; every template has English; every language of a template with buttons has
 * three labels of at most 20 characters.
 */
public final class TemplateCatalog {

    /** The bundled templates' resource name. */
    public static final String RESOURCE = "/io/herdgate/gateway/whatsapp/templates.json";

    static final int MAX_BODY = 1024;
    static final int MAX_LABEL = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

    private final List<MessageTemplate> templates;
    private final Map<TemplateLanguage, List<String>> labels;

    private TemplateCatalog(List<MessageTemplate> templates, Map<TemplateLanguage, List<String>> labels) {
        this.templates = List.copyOf(templates);
        this.labels = Map.copyOf(labels);
    }

    /**
     * A catalog of {@code templates} with button {@code labels} per language (in {@link ButtonAction} order).
     *
     * @throws TemplateCatalogException naming the template and language that break a rule
     */
    public static TemplateCatalog of(String source, List<MessageTemplate> templates,
                                     Map<TemplateLanguage, List<String>> labels) {
        check(source, templates, labels);
        return new TemplateCatalog(templates, labels);
    }

    /** The templates bundled with this build (the approved set in TEMPLATES.md). */
    public static TemplateCatalog bundled() {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TemplateCatalogException(RESOURCE, "missing from this build");
            }
            return parse(RESOURCE, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new TemplateCatalogException(RESOURCE, "unreadable: " + e.getMessage());
        }
    }

    /** The templates declared in {@code file} (JSON or YAML). */
    public static TemplateCatalog read(Path file) {
        try {
            return parse(file.toString(), new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (JsonProcessingException e) {
            throw new TemplateCatalogException(file.toString(), "line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TemplateCatalogException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** All templates, in file order. */
    public List<MessageTemplate> templates() {
        return templates;
    }

    /** The template for {@code use}. */
    public Optional<MessageTemplate> forUse(TemplateUse use) {
        return templates.stream().filter(t -> t.use().equals(use)).findFirst();
    }

    /** The template named {@code name}. */
    public Optional<MessageTemplate> named(TemplateName name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The three button labels in {@code language} (English when it has none). */
    public List<String> labels(TemplateLanguage language) {
        return labels.getOrDefault(language, labels.getOrDefault(language.withoutRegion(),
                labels.get(TemplateLanguage.ENGLISH)));
    }

    private static TemplateCatalog parse(String source, JsonNode root) {
        List<MessageTemplate> templates = new ArrayList<>();
        int index = 0;
        for (JsonNode t : root.path("templates")) {
            index++;
            String where = "templates[" + index + "]";
            String name = text(source, t, "name", where);
            where = "template " + name;
            String useName = text(source, t, "use", where);
            TemplateUse use = TemplateUse.parse(useName).orElseThrow(() -> new TemplateCatalogException(source,
                    "template " + name + ": unknown use '" + useName + "', allowed: "
                            + AlarmType.allowedNames() + ", the same with prefix " + TemplateUse.CRITICAL
                            + ", alarm_chart, daily_summary"));
            String header = t.path("header").asText("none");
            if (!header.equals("none") && !header.equals("image")) {
                throw new TemplateCatalogException(source, where + ": header must be 'none' or 'image', not '" + header + "'");
            }
            List<String> parameters = new ArrayList<>();
            t.path("parameters").forEach(p -> parameters.add(p.asText()));
            Map<TemplateLanguage, String> bodies = new LinkedHashMap<>();
            for (var it = t.path("texts").fields(); it.hasNext(); ) {
                var e = it.next();
                bodies.put(language(source, e.getKey(), where), e.getValue().asText());
            }
            try {
                templates.add(MessageTemplate.of(TemplateName.of(name), use, header.equals("image"),
                        t.path("buttons").asBoolean(false), parameters, bodies));
            } catch (IllegalArgumentException e) {
                throw new TemplateCatalogException(source, where + ": " + e.getMessage());
            }
        }
        Map<TemplateLanguage, List<String>> labels = new LinkedHashMap<>();
        for (var it = root.path("buttons").fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> l = new ArrayList<>();
            e.getValue().forEach(v -> l.add(v.asText()));
            labels.put(language(source, e.getKey(), "buttons"), List.copyOf(l));
        }
        return of(source, templates, labels);
    }

    private static String text(String source, JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new TemplateCatalogException(source, where + ": field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static TemplateLanguage language(String source, String code, String where) {
        try {
            return TemplateLanguage.of(code);
        } catch (IllegalArgumentException e) {
            throw new TemplateCatalogException(source, where + ": " + e.getMessage());
        }
    }

    private static void check(String source, List<MessageTemplate> templates, Map<TemplateLanguage, List<String>> labels) {
        if (templates.isEmpty()) {
            throw new TemplateCatalogException(source, "no templates declared");
        }
        Set<TemplateName> names = new HashSet<>();
        Set<TemplateUse> uses = new HashSet<>();
        for (MessageTemplate t : templates) {
            String where = "template " + t.name();
            if (!names.add(t.name())) {
                throw new TemplateCatalogException(source, where + ": declared twice");
            }
            if (!uses.add(t.use())) {
                throw new TemplateCatalogException(source, where + ": a second template for use '" + t.use().jsonName() + "'");
            }
            if (t.use() instanceof TemplateUse.CriticalAlarm && t.imageHeader()) {
                throw new TemplateCatalogException(source, where + ": a critical alarm's template has header 'none' "
                        + "(its chart follows as the 'alarm_chart' template)");
            }
            if (t.use() instanceof TemplateUse.AlarmChart && (!t.imageHeader() || t.buttons())) {
                throw new TemplateCatalogException(source, where + ": the 'alarm_chart' template has header 'image' "
                        + "and no buttons (the buttons are on the alarm it follows)");
            }
            if (!t.bodies().containsKey(TemplateLanguage.ENGLISH)) {
                throw new TemplateCatalogException(source, where + ": has no English ('en') text to fall back to");
            }
            t.bodies().forEach((lang, body) -> checkBody(source, where + " [" + lang + "]", body, t.parameters().size()));
            if (t.buttons()) {
                for (TemplateLanguage lang : t.bodies().keySet()) {
                    List<String> l = labels.get(lang);
                    if (l == null || l.size() != ButtonAction.values().length) {
                        throw new TemplateCatalogException(source, where + ": language " + lang + " needs "
                                + ButtonAction.values().length + " button labels under 'buttons'");
                    }
                    for (String label : l) {
                        if (label.isBlank() || label.length() > MAX_LABEL) {
                            throw new TemplateCatalogException(source, "buttons [" + lang + "]: label '" + label
                                    + "' must be 1-" + MAX_LABEL + " characters");
                        }
                    }
                }
            }
        }
        if (templates.stream().anyMatch(t -> t.use() instanceof TemplateUse.CriticalAlarm)
                && templates.stream().noneMatch(t -> t.use() instanceof TemplateUse.AlarmChart)) {
            throw new TemplateCatalogException(source, "templates for critical alarms need the 'alarm_chart' template "
                    + "that sends their chart after them");
        }
    }

    private static void checkBody(String source, String where, String body, int parameters) {
        if (body.isBlank() || body.length() > MAX_BODY) {
            throw new TemplateCatalogException(source, where + ": body must be 1-" + MAX_BODY + " characters");
        }
        Matcher m = PLACEHOLDER.matcher(body);
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != expected) {
                throw new TemplateCatalogException(source, where + ": placeholder {{" + m.group(1) + "}} where {{"
                        + expected + "}} is due; use {{1}}..{{n}} once each, in order");
            }
            expected++;
        }
        if (expected - 1 != parameters) {
            throw new TemplateCatalogException(source, where + ": " + (expected - 1) + " placeholders for "
                    + parameters + " parameters");
        }
        String stripped = body.strip();
        if (stripped.startsWith("{{") || stripped.endsWith("}}")) {
            throw new TemplateCatalogException(source, where + ": a body may not start or end with a placeholder");
        }
    }
}
