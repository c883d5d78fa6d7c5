package org.segue.support.licence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creative Commons licences from their deed URLs
 * ({@code http://creativecommons.org/licenses/by-nc-sa/3.0/} is "CC BY-NC-SA 3.0"), and what they
 * allow a DJ. Shared by the connectors of services that license audio per track or item (Jamendo,
 * the Internet Archive).
 *
 * <p>A DJ mix overlaps, beat-matches and re-times its tracks: an adaptation in the licences' terms.
 * NoDerivatives (ND) licences forbid sharing adaptations, so ND tracks are never mixable here, even
 * when the service allows their download. NonCommercial (NC) tracks are mixable; the licence is kept
 * with the track and printed in the mix's credits so the mix is shared on the same terms. Public
 * domain (CC0, the Public Domain Mark, the retired CC public domain dedication) is mixable.
 */
public final class CcLicences {
    private static final Pattern DEED = Pattern.compile(
            "creativecommons\\.org/(licenses|publicdomain)/([a-z-]+)/(\\d+(?:\\.\\d+)?)", Pattern.CASE_INSENSITIVE);
    /** The retired "Public Domain Dedication" (2004–2009) has no version; many archive.org items still use it. */
    private static final Pattern OLD_DEDICATION = Pattern.compile("creativecommons\\.org/licenses/publicdomain/?$",
            Pattern.CASE_INSENSITIVE);

    private CcLicences() {
    }

    /** The licence's short name, e.g. {@code CC BY-SA 4.0} or {@code CC0 1.0}; the URL itself when unknown; null for none. */
    public static String name(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        if (OLD_DEDICATION.matcher(trimmed).find()) {
            return "Public Domain Dedication";
        }
        Matcher m = DEED.matcher(trimmed);
        if (!m.find()) {
            return trimmed;
        }
        String kind = m.group(2).toLowerCase(Locale.ROOT);
        if (m.group(1).equalsIgnoreCase("publicdomain")) {
            return kind.equals("zero") ? "CC0 " + m.group(3) : "Public Domain Mark " + m.group(3);
        }
        return "CC " + kind.toUpperCase(Locale.ROOT) + " " + m.group(3);
    }

    /** True when the licence lets a mix of the track be shared: a known CC licence without ND, or public domain. */
    public static boolean allowsMixing(String url) {
        String name = name(url);
        if (name == null || !(name.startsWith("CC") || name.startsWith("Public Domain"))) {
            return false;
        }
        return !name.contains("-ND") && !name.contains(" ND");
    }
}
