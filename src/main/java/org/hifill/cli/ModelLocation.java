package org.hifill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hifill.model.weights.ModelFormatException;

/**
 * Which model a command uses: the one given with {@code --model}, else the default model bundled
 * in the installation ({@code models/default} under {@code hifill.home}, which the launcher sets).
 */
final class ModelLocation {

    static final String DEFAULT = "models/default";

    private ModelLocation() {}

    static Path resolve(Path given) throws ModelFormatException {
        if (given != null) {
            return given;
        }
        String home = System.getProperty("hifill.home");
        if (home != null) {
            Path bundled = Path.of(home).resolve(DEFAULT);
            if (Files.isDirectory(bundled)) {
                return bundled;
            }
        }
        throw new ModelFormatException(Path.of(DEFAULT),
                "no default model is bundled with this build yet: pass --model DIR (see hifill import)");
    }
}
