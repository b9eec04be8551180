package org.hifill.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Notices a client that has gone away while its request waits or runs. Jetty does not: once a
 * request's body is read, it does not read the connection again until the answer is sent. So each
 * watched connection is read here, without blocking, every {@value #PERIOD_MS} ms: end of stream
 * (or a reset) means the client closed it. An HTTP/1.1 client sends nothing after a POST until it
 * has the answer (no pipelining after a non-idempotent request), so any byte read is a client
 * breaking that rule, also treated as gone.
 */
final class ClientDisconnect implements AutoCloseable {

    static final long PERIOD_MS = 100;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "hifill-disconnects");
        t.setDaemon(true);
        return t;
    });

    /** Cancels {@code work} if the request's client goes away before it completes. */
    void watch(Context ctx, CompletableFuture<?> work) {
        SocketChannel channel = channel(ctx);
        if (channel == null) {
            return;
        }
        ByteBuffer probe = ByteBuffer.allocate(1);
        ScheduledFuture<?> check = timer.scheduleWithFixedDelay(() -> {
            if (gone(channel, probe)) {
                work.cancel(false);
            }
        }, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        work.whenComplete((r, t) -> check.cancel(false));
    }

    private static boolean gone(SocketChannel channel, ByteBuffer probe) {
        probe.clear();
        try {
            return channel.read(probe) != 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The connection's socket, when it is a plain one with a non-blocking channel (always, with Jetty's HTTP/1.1). */
    private static SocketChannel channel(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        EndPoint endPoint = request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint instanceof SocketChannelEndPoint socket && !socket.getChannel().isBlocking()) {
            return socket.getChannel();
        }
        return null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
