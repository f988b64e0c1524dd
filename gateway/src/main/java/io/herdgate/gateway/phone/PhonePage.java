package io.herdgate.gateway.phone;

import io.herdgate.gateway.notify.PhoneNumber;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The farmer's phone as a web page: {@code GET /phone} lists each phone's messages (text, chart, buttons);
 * a button is a form that taps it ({@code POST /phone/tap}); {@code GET /phone/media/{id}} serves the charts.
 */
final class PhonePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PhonePage() {
    }

    static void register(Javalin app, FakeCloudApi fake) {
        app.get("/phone", ctx -> ctx.html(page(fake)));
        app.get("/phone/media/{id}", ctx -> fake.media(ctx.pathParam("id")).ifPresentOrElse(
                png -> ctx.contentType("image/png").result(png), () -> ctx.status(404).result("no such media")));
        app.post("/phone/tap", ctx -> tap(ctx, fake));
    }

    private static void tap(Context ctx, FakeCloudApi fake) {
        try {
            fake.tap(PhoneNumber.of(form(ctx, "phone")), form(ctx, "message"), form(ctx, "button"));
            ctx.redirect("/phone");
        } catch (IllegalArgumentException e) {
            ctx.status(400).result(e.getMessage());
        }
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null) {
            throw new IllegalArgumentException("form field '" + name + "' is missing");
        }
        return v;
    }

    static String page(FakeCloudApi fake) {
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Farmer's phone</title>
                <meta http-equiv="refresh" content="10">
                <style>body{font-family:sans-serif;background:#ece5dd;margin:1em}
                .phone{max-width:32em;margin-bottom:2em}.msg{background:#fff;border-radius:.5em;padding:.6em;margin:.5em 0}
                .meta{color:#888;font-size:.8em}img{max-width:100%}form{display:inline}
                button{margin:.2em;padding:.4em .8em;border:1px solid #34b7f1;background:#fff;color:#34b7f1;border-radius:1em}
                </style></head><body><h1>Farmer's phone</h1>
                """);
        List<PhoneNumber> phones = fake.phones().stream().sorted(Comparator.comparing(PhoneNumber::e164)).toList();
        if (phones.isEmpty()) {
            h.append("<p>No messages yet.</p>");
        }
        for (PhoneNumber phone : phones) {
            h.append("<div class=\"phone\"><h2>").append(esc(phone.e164())).append("</h2>");
            for (Delivered d : fake.inbox(phone)) {
                h.append("<div class=\"msg\">");
                if (d.image().isPresent()) {
                    h.append("<img alt=\"activity chart\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(d.image().get())).append("\">");
                }
                h.append("<p>").append(esc(d.text())).append("</p>");
                for (Delivered.Button b : d.buttons()) {
                    h.append("<form method=\"post\" action=\"/phone/tap\">")
                            .append(hidden("phone", phone.e164())).append(hidden("message", d.id()))
                            .append(hidden("button", b.label()))
                            .append("<button>").append(esc(b.label())).append("</button></form>");
                }
                h.append("<div class=\"meta\">").append(TIME.format(d.at())).append(" · ").append(esc(d.kind()))
                        .append(d.template().map(t -> " " + esc(t)).orElse("")).append("</div></div>");
            }
            h.append("</div>");
        }
        return h.append("</body></html>").toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
