package io.herdgate.gateway.console;

import io.herdgate.gateway.health.LinkState;
import io.herdgate.gateway.health.LinkStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders the console's pages. Every value from outside is escaped. */
final class ConsolePages {

    private static final String STYLE = """
            body{font-family:sans-serif;margin:1.5em;max-width:60em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left}
            .bad{color:#b00;font-weight:bold}.ok{color:#070}.error{color:#b00}
            form.inline{display:inline}input{font-size:1em;padding:.3em;margin:.2em 0}
            """;

    private final ZoneId zone;
    private final DateTimeFormatter time;

    ConsolePages(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    String login(String username, String error, boolean passwordSet) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>herdgate console</h1>");
        if (!passwordSet) {
            b.append("<p id=\"error\" class=\"error\">No console password is set yet. On the gateway run "
                    + "<code>herdgate console passwd</code>.</p>");
        } else if (!error.isEmpty()) {
            b.append("<p id=\"error\" class=\"error\">").append(Html.escape(error)).append("</p>");
        }
        b.append("<form id=\"login\" method=\"post\" action=\"/console/login\">")
                .append("<label>User<br><input id=\"username\" name=\"username\" autocomplete=\"username\" value=\"")
                .append(Html.escape(username)).append("\" required></label><br>")
                .append("<label>Password<br><input id=\"password\" name=\"password\" type=\"password\" "
                        + "autocomplete=\"current-password\" required></label><br>")
                .append("<input id=\"submit\" type=\"submit\" value=\"Log in\"></form>");
        return page("Log in", b.toString(), false);
    }

    String dashboard(String username, List<ConsoleAlarm> alarms, List<ConsoleCollar> collars,
                     List<LinkStatus> links, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>herdgate console</h1><p>Logged in as ").append(Html.escape(username))
                .append(" &middot; ").append(time.format(now)).append(' ').append(Html.escape(zone.getId()))
                .append(" <form class=\"inline\" method=\"post\" action=\"/console/logout\">")
                .append("<input id=\"logout\" type=\"submit\" value=\"Log out\"></form></p>");

        b.append("<h2>Active alarms (").append(alarms.size()).append(")</h2><table id=\"alarms\">");
        if (alarms.isEmpty()) {
            b.append("<tr><td class=\"ok\">No active alarms.</td></tr>");
        } else {
            b.append("<tr><th>Cow</th><th>Alarm</th><th>Since</th><th>Detail</th></tr>");
            for (ConsoleAlarm a : alarms) {
                b.append("<tr><td>").append(Html.escape(a.cow())).append("</td><td class=\"bad\">")
                        .append(Html.escape(a.kind())).append("</td><td>").append(time.format(a.raisedAt()))
                        .append(" (").append(ago(a.raisedAt(), now)).append(")</td><td>")
                        .append(Html.escape(a.detail())).append("</td></tr>");
            }
        }
        b.append("</table>");

        b.append("<h2>Collars (").append(collars.stream().filter(ConsoleCollar::online).count()).append(" of ")
                .append(collars.size()).append(" online)</h2><table id=\"collars\">")
                .append("<tr><th>Collar</th><th>Cow</th><th>Last heard</th><th>Battery</th></tr>");
        for (ConsoleCollar c : collars) {
            b.append("<tr><td>").append(Html.escape(c.collar())).append("</td><td>").append(Html.escape(c.cow()))
                    .append("</td><td class=\"").append(c.online() ? "ok" : "bad").append("\">")
                    .append(c.lastSeen().map(t -> ago(t, now)).orElse("never")).append(c.online() ? "" : ", offline")
                    .append("</td><td>").append(c.batteryPercent().isPresent() ? c.batteryPercent().getAsInt() + " %" : "?")
                    .append("</td></tr>");
        }
        b.append("</table>");

        b.append("<h2>Links</h2><table id=\"links\"><tr><th>Link</th><th>State</th><th>Detail</th></tr>");
        for (LinkStatus l : links) {
            b.append("<tr><td>").append(Html.escape(l.name())).append("</td><td class=\"")
                    .append(l.state() == LinkState.UP ? "ok" : "bad").append("\">").append(l.state().word())
                    .append("</td><td>").append(Html.escape(l.detail())).append("</td></tr>");
        }
        b.append("</table>");
        return page("Alarms and collars", b.toString(), true);
    }

    String message(String title, String text) {
        return page(title, "<h1>" + Html.escape(title) + "</h1><p id=\"error\" class=\"error\">" + Html.escape(text)
                + "</p><p><a href=\"/console/login\">Back to the login</a></p>", false);
    }

    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }

    private static String page(String title, String body, boolean refresh) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"30\">" : "")
                + "<title>" + Html.escape(title) + " - herdgate</title><style>" + STYLE + "</style></head><body>"
                + body + "</body></html>";
    }
}
