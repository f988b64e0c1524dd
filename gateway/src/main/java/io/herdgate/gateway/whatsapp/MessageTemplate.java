package io.herdgate.gateway.whatsapp;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One WhatsApp message template (category UTILITY) in all its approved languages.
 *
 * @param name        the approved name
 * @param use         what it is sent for
 * @param imageHeader whether it has an IMAGE header (the cow's activity chart)
 * @param buttons     whether it has the three quick replies of {@link ButtonAction}
 * @param parameters  the value behind each body placeholder: {@code parameters.get(0)} fills {@code {{1}}}
 * @param bodies      the body text per language, with placeholders {@code {{1}}}..{@code {{n}}}
 */
public record MessageTemplate(TemplateName name, TemplateUse use, boolean imageHeader, boolean buttons,
                              List<String> parameters, Map<TemplateLanguage, String> bodies) {

    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(use, "use");
        parameters = List.copyOf(parameters);
        bodies = Map.copyOf(bodies);
    }

    public static MessageTemplate of(TemplateName name, TemplateUse use, boolean imageHeader, boolean buttons,
                                     List<String> parameters, Map<TemplateLanguage, String> bodies) {
        return new MessageTemplate(name, use, imageHeader, buttons, parameters, bodies);
    }

    /**
     * The approved language closest to {@code wanted}: itself, else the same language without region
     * (or with any region), else English.
     */
    public TemplateLanguage languageFor(TemplateLanguage wanted) {
        if (bodies.containsKey(wanted)) {
            return wanted;
        }
        TemplateLanguage base = wanted.withoutRegion();
        if (bodies.containsKey(base)) {
            return base;
        }
        Optional<TemplateLanguage> sameLanguage = bodies.keySet().stream()
                .filter(l -> l.withoutRegion().equals(base)).sorted(Comparator.comparing(TemplateLanguage::code))
                .findFirst();
        return sameLanguage.orElse(TemplateLanguage.ENGLISH);
    }

    /** The body in {@code language} with each {@code {{i}}} replaced by {@code values.get(i-1)}. */
    public String render(TemplateLanguage language, List<String> values) {
        String body = bodies.get(language);
        if (body == null) {
            throw new IllegalArgumentException("template " + name + " has no language " + language);
        }
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("template " + name + " takes " + parameters.size() + " values, got " + values.size());
        }
        String out = body;
        for (int i = values.size(); i >= 1; i--) {
            out = out.replace("{{" + i + "}}", values.get(i - 1));
        }
        return out;
    }
}
