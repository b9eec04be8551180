package org.hifill.image;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Listens to a reader's warnings for the ones that mean pixels are missing. The JPEG decoders
 * (libjpeg inside the JDK, under TwelveMonkeys) do not fail on a truncated or damaged file: they warn
 * ("Premature end of JPEG file", "Truncated File - Missing EOI marker", "Corrupt JPEG data: ...")
 * and fill the rest with grey. Harmless warnings (stray bytes between markers, an ignored colour
 * profile or thumbnail) are let through.
 */
final class DamageWarnings implements IIOReadWarningListener {

    private static final Pattern DAMAGE = Pattern.compile(
            "premature end|truncat|missing eoi|corrupt|huffman|bogus|invalid (data|scan)|data stream");
    private static final Pattern HARMLESS = Pattern.compile("extraneous bytes");

    private String first;

    void attach(ImageReader reader) {
        reader.addIIOReadWarningListener(this);
    }

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        if (first == null && DAMAGE.matcher(w).find() && !HARMLESS.matcher(w).find()) {
            first = warning.lines().findFirst().orElse(warning).trim();
        }
    }

    /** The first warning that tells of missing or damaged data, if there was one. */
    Optional<String> damage() {
        return Optional.ofNullable(first);
    }
}
