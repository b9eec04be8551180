package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inpainter around the real generator (random weights): the same input gives the same pixels
 * every time, one inpainter serves two threads at once with the results of sequential calls, and
 * a model directory loaded from disk fills like the generator it was saved from.
 */
class GeneratorInpainterTest {

    private static NDManager manager;
    private static HiFillGenerator generator;
    private static Inpainter inpainter;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
        generator = ModelDirectory.initialise(GeneratorConfig.released(), manager);
        GeneratorModel model = new GeneratorModel(generator, manager);
        inpainter = Inpainter.of(model);
    }

    @AfterAll
    static void close() {
        inpainter.close();
        manager.close();
    }

    private static BufferedImage photo(int w, int h, long seed) {
        return Photos.image(Photos.texture(w, h, seed), w, h, BufferedImage.TYPE_3BYTE_BGR);
    }

    private static InpaintResult fill(BufferedImage photo, HoleMask mask) {
        return inpainter.inpaint(photo, mask, InpaintOptions.defaults());
    }

    @Test
    void sameInputTwiceGivesIdenticalPixels() {
        BufferedImage photo = photo(640, 480, 5);
        HoleMask mask = Photos.mask(640, 480, new Rectangle(200, 150, 120, 90), new Rectangle(500, 400, 7, 3));
        InpaintResult first = fill(photo, mask);
        InpaintResult second = fill(photo, mask);
        assertThat(first.regions()).singleElement()
                .satisfies(r -> assertThat(r.networkSize()).isEqualTo(new NetworkSize(384, 512)));
        assertThat(Photos.samples(second.image())).isEqualTo(Photos.samples(first.image()));
        long changed = Photos.assertUnchangedBeyondFeather(photo, first.image(), mask,
                first.regions().get(0).featherRadius());
        assertThat(changed).as("pixels the generator's fill changed").isGreaterThan(mask.holeCount() / 2);
    }

    @Test
    void modelDirectoryLoadedFromDiskFillsLikeTheGeneratorItWasSavedFrom(@TempDir Path dir) throws Exception {
        ModelDirectory.save(generator, Provenance.randomInit("test"), dir);
        BufferedImage photo = photo(320, 240, 9);
        HoleMask mask = Photos.mask(320, 240, new Rectangle(100, 80, 50, 40));
        int[] expected = Photos.samples(fill(photo, mask).image());
        try (Inpainter loaded = Inpainter.load(dir)) {
            assertThat(Photos.samples(loaded.inpaint(photo, mask, InpaintOptions.defaults()).image())).isEqualTo(expected);
        }
    }

    @Test
    void twoThreadsAtOnceGetTheResultsOfSequentialCalls() throws Exception {
        BufferedImage[] photos = {photo(640, 480, 6), photo(360, 480, 7)};
        HoleMask[] masks = {
            Photos.mask(640, 480, new Rectangle(300, 100, 80, 150)),
            Photos.mask(360, 480, new Rectangle(20, 300, 100, 60), new Rectangle(0, 0, 30, 30)),
        };
        List<int[]> sequential = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sequential.add(Photos.samples(fill(photos[i], masks[i]).image()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<int[]>> futures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return Photos.samples(fill(photos[k], masks[k]).image());
                    }));
                }
                for (int i = 0; i < 2; i++) {
                    assertThat(futures.get(i).get()).as("photo %d, round %d", i, round).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
