package org.hifill.masks;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.hifill.image.ImageFormatException;
import org.hifill.image.MaskReader;
import org.hifill.image.PhotoReader;
import org.hifill.pipeline.HoleMask;

/**
 * Object-shaped holes from a folder of template masks (PNG, white = hole, any size), such as the
 * 100 the release trains with: a template drawn at random, placed by a random
 * {@link ObjectPlacement}.
 */
public final class ObjectTemplates implements ObjectMasks {

    private final List<HoleMask> templates;

    private ObjectTemplates(List<HoleMask> templates) {
        this.templates = List.copyOf(templates);
    }

    /** Reads every {@code .png} file of the folder (not its subfolders), in name order. */
    public static ObjectTemplates load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder of template masks");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": no template masks (.png files) in this folder");
        }
        List<HoleMask> templates = new ArrayList<>();
        for (Path file : files) {
            Dimension size = PhotoReader.probe(file);
            HoleMask template = MaskReader.read(file, size.width, size.height, false, warning -> { });
            if (template.isEmpty()) {
                throw new ImageFormatException(file, "template mask has no hole (white) pixels");
            }
            templates.add(template);
        }
        return new ObjectTemplates(templates);
    }

    public int count() {
        return templates.size();
    }

    @Override
    public HoleMask random(int size, Random random) {
        HoleMask template = templates.get(random.nextInt(templates.size()));
        return ObjectPlacement.random(random).render(template, size);
    }
}
