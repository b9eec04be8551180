package org.hifill.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hifill.evaluation.DiffusionFill;
import org.hifill.evaluation.HoleFill;
import org.hifill.evaluation.MeanColourFill;
import org.hifill.evaluation.TeleaFill;
import org.hifill.training.data.ValidationSet;

/**
 * The validation scores of the plain fills ({@link MeanColourFill}, {@link DiffusionFill},
 * {@link TeleaFill}) on a
 * run's validation set, in {@value #FILE}: the floor that the generator's curve must get under.
 */
final class Baselines {

    static final String FILE = "baselines.csv";
    static final String HEADER = "method,hole_l1,psnr";

    private static final List<HoleFill> FILLS = List.of(new MeanColourFill(), new DiffusionFill(), new TeleaFill());

    private Baselines() {}

    /** Scores the plain fills and writes them to {@code file}, unless it exists already. */
    static void writeIfMissing(ValidationSet set, Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (HoleFill fill : FILLS) {
            ValidationScores scores = ValidationScores.of(fill, set);
            lines.add(String.format(Locale.ROOT, "%s,%s,%s", fill.name(), scores.holeL1(), scores.psnr()));
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The scores in {@code file} by method, in file order; none if it is missing. */
    static Map<String, ValidationScores> read(Path file) throws IOException {
        Map<String, ValidationScores> scores = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return scores;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a baselines file (its first line is not '" + HEADER + "')");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            try {
                scores.put(cells[0], new ValidationScores(Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
            } catch (RuntimeException e) {
                throw new IOException(file + ": not a baseline row: " + line, e);
            }
        }
        return scores;
    }
}
