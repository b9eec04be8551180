package org.hifill.masks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template masks read from a folder and placed at random. */
class ObjectTemplatesTest {

    @Test
    void theReleasesTemplatesLoadAndGiveObjectMasks() throws IOException {
        Path shared = Path.of(System.getProperty("hifill.shared", "../shared"));
        Path folder = shared.resolve("data/mask-templates");
        Assumptions.assumeTrue(Files.isDirectory(folder), folder + " absent: skipping the release's templates");

        ObjectTemplates templates = ObjectTemplates.load(folder);
        HoleMask mask = templates.random(512, new Random(1));

        assertThat(templates.count()).isEqualTo(100);
        assertThat(mask.width()).isEqualTo(512);
        assertThat(mask.holeFraction()).isBetween(0.05, 0.3);
    }

    @Test
    void placedTemplatesAreMirroredTurnedAndScaled(@TempDir Path tmp) throws IOException {
        // One square left of the centre: mirroring puts it right of the centre, turning above or
        // below it, and scaling moves it nearer.
        HoleMask template = new HoleMask(64, 64);
        template.fill(new Rectangle(4, 28, 8, 8));
        ImageIO.write(template.toImage(), "png", tmp.resolve("square.png").toFile());
        ObjectTemplates templates = ObjectTemplates.load(tmp);

        Random random = new Random(11);
        List<Rectangle> boxes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boxes.add(templates.random(128, random).bounds());
        }

        assertThat(boxes).anyMatch(b -> b.getCenterX() < 40).anyMatch(b -> b.getCenterX() > 88);
        assertThat(boxes).anyMatch(b -> b.getCenterY() < 30).anyMatch(b -> b.getCenterY() > 98);
        List<Double> distances = boxes.stream().map(b -> Math.hypot(b.getCenterX() - 64, b.getCenterY() - 64)).toList();
        assertThat(distances).allMatch(d -> d > 0.8 * 48 - 2 && d < 48 + 2);
        assertThat(distances).anyMatch(d -> d < 41).anyMatch(d -> d > 46);
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");

        assertThatThrownBy(() -> ObjectTemplates.load(missing))
                .isInstanceOf(IOException.class).hasMessage(missing + ": no such folder of template masks");
    }

    @Test
    void aFolderWithoutPngFilesIsAnError(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "no masks here");

        assertThatThrownBy(() -> ObjectTemplates.load(tmp))
                .isInstanceOf(IOException.class).hasMessageContaining(tmp.toString()).hasMessageContaining("no template masks");
    }

    @Test
    void anAllBlackTemplateIsAnErrorNamingTheFile(@TempDir Path tmp) throws IOException {
        Path blank = tmp.resolve("blank.png");
        ImageIO.write(new HoleMask(32, 32).toImage(), "png", blank.toFile());

        assertThatThrownBy(() -> ObjectTemplates.load(tmp))
                .isInstanceOf(IOException.class).hasMessage(blank + ": template mask has no hole (white) pixels");
    }
}
