package org.segue.plugin.server.http.internal.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.TracklistEntry;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.web.Reply;

/**
 * The server-rendered HTML of share links: a mix page that plays in any browser without script,
 * the list of public shares, and the page of a link that leads nowhere. Every user-supplied text
 * (titles, artists, licences) is escaped; the pages carry a Content-Security-Policy that allows
 * no script at all, and styles only by the hash of their one inline style sheet.
 */
final class SharePages {

    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;"
            + "padding:1.5rem;color:#e8e8ef;background:#14141c}a{color:#8fb8ff}h1{margin:.2rem 0}"
            + ".meta{color:#a0a0b0}audio{width:100%;margin:1rem 0}img{width:100%;background:#fff;border-radius:4px}"
            + "table{border-collapse:collapse;width:100%}td{padding:.25rem .5rem;border-bottom:1px solid #2a2a38}"
            + "td.t{font-variant-numeric:tabular-nums;color:#a0a0b0;width:4rem}footer{margin-top:2rem;color:#a0a0b0}";

    /** No script, no plug-ins, no framing, nothing from other origins. */
    static final String CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src '"
            + sha256(STYLE) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SharePages() {
    }

    /** The page of one shared mix. */
    static Reply mix(String token, ShareStore.Share share, MixDto mix, List<TrackDto> planTracks) {
        boolean unlisted = !share.visibility().equals(ShareStore.PUBLIC);
        String title = title(mix);
        StringBuilder b = head(title, unlisted);
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        Set<String> artists = new LinkedHashSet<>();
        for (TracklistEntry e : mix.tracklist()) {
            if (e.artist() != null && !e.artist().isBlank()) {
                artists.add(e.artist());
            }
        }
        if (!artists.isEmpty()) {
            b.append("<p class=\"artists\">").append(esc(String.join(", ", artists))).append("</p>\n");
        }
        b.append("<p class=\"meta\">").append(mix.tracklist().size()).append(" tracks · <span class=\"duration\">")
                .append(clock(mix.durationSeconds())).append("</span></p>\n");
        String base = "/s/" + token;
        b.append("<audio controls preload=\"metadata\" src=\"").append(base).append("/audio\"></audio>\n");
        b.append("<img alt=\"Timeline of the mix: tracks, transitions and energy\" src=\"").append(base)
                .append("/timeline.svg\">\n");
        b.append("<h2>Tracklist</h2>\n<table class=\"tracklist\">\n");
        for (TracklistEntry e : mix.tracklist()) {
            b.append("<tr><td class=\"t\">").append(clock(e.startSeconds())).append("</td><td>").append(esc(e.title()))
                    .append("</td><td>").append(esc(e.artist() == null ? "" : e.artist())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        List<TrackDto> credits = planTracks.stream().filter(SharePages::creativeCommons).toList();
        if (!credits.isEmpty()) {
            b.append("<h2>Credits</h2>\n<ul class=\"credits\">\n");
            for (TrackDto t : credits) {
                b.append("<li>“").append(esc(t.title())).append("”");
                if (t.artist() != null && !t.artist().isBlank()) {
                    b.append(" by ").append(esc(t.artist()));
                }
                b.append(", licensed ").append(esc(t.source().licence())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<footer>Mixed with Segue · <a href=\"").append(base).append("/tracklist\">tracklist (JSON)</a>");
        if (!unlisted) {
            b.append(" · <a href=\"/shared\">more public mixes</a>");
        }
        b.append("</footer>\n</body>\n</html>\n");
        Reply r = html(200, b);
        if (unlisted) {
            r.header("X-Robots-Tag", "noindex");
        }
        return r;
    }

    /** {@code /shared}: the public shares, newest first, one page of them. */
    static Reply list(List<ShareRoutes.PublicShare> items, int offset, int total) {
        StringBuilder b = head("Public mixes", false);
        b.append("<h1>Public mixes</h1>\n");
        if (items.isEmpty()) {
            b.append("<p class=\"meta\">Nobody has shared a mix publicly yet.</p>\n");
        }
        b.append("<ul class=\"shares\">\n");
        for (ShareRoutes.PublicShare s : items) {
            b.append("<li><a href=\"").append(esc(s.url())).append("\">").append(esc(s.title())).append("</a> <span class=\"meta\">")
                    .append(clock(s.durationSeconds())).append(" · ").append(s.views()).append(" plays</span></li>\n");
        }
        b.append("</ul>\n");
        if (offset + items.size() < total) {
            b.append("<p><a href=\"/shared?offset=").append(offset + items.size()).append("\">older</a></p>\n");
        }
        b.append("</body>\n</html>\n");
        return html(200, b);
    }

    /** The answer for an unknown or revoked link: says nothing about whose it was. */
    static Reply notFound() {
        StringBuilder b = head("Not found", true);
        b.append("<h1>This link does not lead to a mix</h1>\n<p>It may have been mistyped, or its owner stopped "
                + "sharing it.</p>\n</body>\n</html>\n");
        return html(404, b).header("X-Robots-Tag", "noindex");
    }

    /** The title shown for a mix: its first and last tracks. */
    static String title(MixDto mix) {
        List<TracklistEntry> t = mix.tracklist();
        if (t.isEmpty()) {
            return "A Segue mix";
        }
        if (t.size() == 1) {
            return t.get(0).title();
        }
        return t.get(0).title() + " → " + t.get(t.size() - 1).title();
    }

    static boolean creativeCommons(TrackDto t) {
        String licence = t.source() == null ? null : t.source().licence();
        return licence != null && (licence.toUpperCase(Locale.ROOT).startsWith("CC")
                || licence.toLowerCase(Locale.ROOT).contains("creativecommons.org"));
    }

    private static StringBuilder head(String title, boolean noindex) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (noindex) {
            b.append("<meta name=\"robots\" content=\"noindex\">\n");
        }
        b.append("<title>").append(esc(title)).append(" · Segue</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        return b;
    }

    private static Reply html(int status, StringBuilder b) {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        return Reply.stream(status, "text/html; charset=utf-8", bytes.length, out -> out.write(bytes))
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer");
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** HTML text and attribute escaping (the five characters that can end either). */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
