package org.hifill.training;

import java.io.IOException;
import java.nio.file.Path;
import org.hifill.training.data.TrainingPhotos;
import org.hifill.training.loss.ReconstructionLoss.Weighting;

/** A training setup small enough for tests: 64 x 64 crops, a generator of base width 8, batch 2. */
public final class TinyTraining {

    private TinyTraining() {}

    /** 64 px crops, batch 2, one critic step, base width 8, validation every 2 and checkpoints every 3 steps. */
    public static TrainingConfig config() {
        return new TrainingConfig(64, 2, 1, Weighting.RELEASE, 1e-4f, 7, 8, 2, 3, 1,
                TrainingConfig.Initialisation.FAN_IN);
    }

    /** Writes the tiny configuration as JSON and returns the file. */
    public static Path configFile(Path folder) throws IOException {
        Path file = folder.resolve("tiny.json");
        config().write(file);
        return file;
    }

    /** A folder of a few noisy photos written as PNG. */
    public static Path photos(Path folder) throws IOException {
        for (int i = 0; i < 3; i++) {
            TrainingPhotos.png(folder, "photo" + i + ".png", TrainingPhotos.noise(96 + 16 * i, 80, i));
        }
        return folder;
    }
}
