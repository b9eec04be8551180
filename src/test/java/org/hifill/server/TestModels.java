package org.hifill.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hifill.pipeline.LowResolutionModel;
import org.hifill.pipeline.LowResolutionResult;
import org.hifill.pipeline.NetworkSize;

/** Network stages for the server tests: a plain fill, one that waits for a gate, one that fails. */
final class TestModels {

    private TestModels() {}

    /** Fills the hole with mid-grey, copying nothing (zero attention): cheap and deterministic. */
    static LowResolutionResult greyFill(float[] image, float[] hole, NetworkSize size) {
        float[] pasted = image.clone();
        int plane = hole.length;
        for (int p = 0; p < plane; p++) {
            if (hole[p] > 0f) {
                for (int c = 0; c < 3; c++) {
                    pasted[c * plane + p] = 0f;
                }
            }
        }
        int cells = size.gridRows() * size.gridCols();
        return new LowResolutionResult(null, null, pasted, new float[cells * cells]);
    }

    static LowResolutionModel grey() {
        return TestModels::greyFill;
    }

    /** A network stage that fails as a bug would: its message must not reach the client. */
    static LowResolutionModel failing() {
        return (image, hole, size) -> {
            throw new IllegalStateException("secret internal detail from " + TestModels.class.getName());
        };
    }

    /** Counts its calls, and holds each until the gate opens (and again after it is closed). */
    static final class Gated implements LowResolutionModel {
        private final LowResolutionModel delegate;
        private volatile CountDownLatch gate = new CountDownLatch(1);
        private final AtomicInteger entered = new AtomicInteger();

        Gated(LowResolutionModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public LowResolutionResult inpaint(float[] image, float[] hole, NetworkSize size) {
            entered.incrementAndGet();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return delegate.inpaint(image, hole, size);
        }

        void open() {
            gate.countDown();
        }

        /** Holds the calls from now on again. */
        void close() {
            gate = new CountDownLatch(1);
        }

        int entered() {
            return entered.get();
        }
    }
}
