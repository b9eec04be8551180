package org.hifill.model.weights;

import org.hifill.model.generator.GeneratorConfig;

/**
 * The JSON description stored beside a model's parameter file ({@value ModelDirectory#MANIFEST}).
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion the layout version of the directory, {@value #VERSION} today
 * @param architecture the generator configuration the parameters belong to
 * @param parameterCount number of scalar parameters, checked on load
 * @param colourOrder channel order the network expects, always {@code RGB} (imports of the
 *     authors' BGR weights are permuted once)
 * @param provenance where the weights come from
 */
public record ModelManifest(
        String format,
        int formatVersion,
        GeneratorConfig architecture,
        long parameterCount,
        String colourOrder,
        Provenance provenance) {

    public static final String FORMAT = "hifill-generator";
    public static final int VERSION = 1;
}
