package org.hifill.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hifill.ResidentMemory;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.pipeline.GeneratorModel;
import org.hifill.pipeline.Inpainter;
import org.junit.jupiter.api.Test;

/**
 * More parallel requests than workers + queue, round after round, through the real generator
 * (random weights): each request is answered 200 or 429 (with Retry-After), and the process's
 * resident memory stays flat once the allocator's caches have filled.
 */
class ConcurrencyTest {

    private static final int WORKERS = 1;
    private static final int QUEUE = 1;
    private static final int PARALLEL = 5;
    private static final int WARMUP = 4;
    private static final int ROUNDS = 6;

    @Test
    void excessRequestsGet429AndNativeMemoryStaysFlat() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = new TestModels.Gated(
                    new GeneratorModel(ModelDirectory.initialise(GeneratorConfig.released(), manager), manager));
            var limits = new ServerLimits(1_000_000, ServerLimits.megabytes(8), WORKERS, QUEUE);
            try (TestServer server = TestServer.start(Inpainter.of(model), limits)) {
                long rssAfterWarmup = 0;
                for (int round = 0; round < WARMUP + ROUNDS; round++) {
                    oneRound(server, model);
                    if (round == WARMUP - 1) {
                        rssAfterWarmup = ResidentMemory.kib();
                    }
                }
                long growthKib = ResidentMemory.kib() - rssAfterWarmup;
                System.out.printf("ConcurrencyTest: resident memory %d KiB after %d rounds, %+d KiB after %d more%n",
                        rssAfterWarmup, WARMUP, growthKib, ROUNDS);
                // One inpainting at this size allocates tens of MB of native memory: leaking the
                // arrays of the 12 measured jobs would add far more than this.
                assertThat(growthKib).as("resident memory growth over %d rounds, KiB", ROUNDS)
                        .isLessThan(192 * 1024);
            }
        }
    }

    /** Sends PARALLEL requests while the model is held: all but WORKERS + QUEUE are refused at once. */
    private static void oneRound(TestServer server, TestModels.Gated model) throws Exception {
        model.close();
        List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            responses.add(server.inpaintAsync(TestImages.upload()));
        }
        int refused = PARALLEL - WORKERS - QUEUE;
        TestServer.await(refused + " requests are refused",
                () -> responses.stream().filter(CompletableFuture::isDone).count() == refused);
        model.open();

        int ok = 0;
        for (CompletableFuture<HttpResponse<byte[]>> f : responses) {
            HttpResponse<byte[]> r = f.join();
            assertThat(r.statusCode()).isIn(200, 429);
            if (r.statusCode() == 429) {
                assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(
                        s -> assertThat(Integer.parseInt(s)).isPositive());
                InpaintApiTest.assertError(r, 429).contains("busy");
            } else {
                assertThat(TestImages.decode(r.body()).getWidth()).isEqualTo(TestImages.W);
                ok++;
            }
        }
        assertThat(ok).isEqualTo(WORKERS + QUEUE);
    }
}
