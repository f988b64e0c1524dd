package io.herdgate.gateway.sms;

import java.util.ArrayList;
import java.util.List;

/** Splits the parameter list of an AT response line at commas outside double quotes; quotes removed. */
final class AtFields {

    private AtFields() {
    }

    static List<String> split(String params) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().strip());
        return List.copyOf(out);
    }
}
