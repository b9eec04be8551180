package org.hifill.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hifill.model.weights.ModelFormatException;

/**
 * Which model a command uses: the one given with {@code --model}, else the default model bundled
 * in the installation: {@code models/default} under {@code hifill.home} (which the launcher sets),
 * or, without it, beside the folder of the running jar ({@code target/hifill.jar} of a checkout).
 */
final class ModelLocation {

    static final String DEFAULT = "models/default";

    private ModelLocation() {}

    static Path resolve(Path given) throws ModelFormatException {
        if (given != null) {
            return given;
        }
        String home = System.getProperty("hifill.home");
        Path installation = home != null ? Path.of(home) : jarInstallation();
        if (installation != null) {
            Path bundled = installation.resolve(DEFAULT);
            if (Files.isDirectory(bundled)) {
                return bundled;
            }
        }
        throw new ModelFormatException(Path.of(DEFAULT),
                "no default model found beside this installation: pass --model DIR");
    }

    /** The folder above the one holding the running jar, or null when not run from a jar. */
    private static Path jarInstallation() {
        try {
            Path code = Path.of(ModelLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toString().endsWith(".jar") && code.getParent() != null ? code.getParent().getParent() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
