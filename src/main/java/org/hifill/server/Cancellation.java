package org.hifill.server;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Set when the client has gone away; a job checks it between its stages. */
final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** Stops the job here if its client has gone. */
    void check() {
        if (cancelled.get()) {
            throw new CancellationException("the client went away");
        }
    }
}
