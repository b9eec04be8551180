package org.hifill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.pipeline.Inpainter;
import org.hifill.server.InpaintServer;
import org.hifill.server.ServerInfo;
import org.hifill.server.ServerLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hifill serve}: the web page and the HTTP API, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the web page and the HTTP API (POST /api/inpaint) until stopped.",
            "  hifill serve [--port 8080] then open http://localhost:8080"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory.")
    Path model;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_PIXELS,
            description = "Largest photo, width x height, read from its header before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(names = "--max-upload-mb", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_UPLOAD_MB,
            description = "Largest upload, photo and mask together, in MB (default: ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_WORKERS,
            description = "Photos inpainted at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_QUEUE,
            description = "Requests waiting for a worker; more are refused with 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, not " + port);
        }
        if (maxPixels < 1 || maxUploadMb < 1 || workers < 1 || queue < 0) {
            throw new IllegalArgumentException(
                    "--max-pixels, --max-upload-mb and --workers must be positive, and --queue zero or more");
        }
        var limits = new ServerLimits(maxPixels, ServerLimits.megabytes(maxUploadMb), workers, queue);
        Path modelDir = ModelLocation.resolve(model);
        var info = new ServerInfo(String.valueOf(modelDir.toAbsolutePath().normalize().getFileName()),
                ModelDirectory.readManifest(modelDir).provenance(), HifillCli.version(), limits);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Inpainter inpainter = Inpainter.load(modelDir);
             InpaintServer server = InpaintServer.start(inpainter, info, host, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            out.printf("hifill serve: http://%s:%d (model %s, %d worker%s, queue %d); Ctrl-C stops%n",
                    host.contains(":") ? "[" + host + "]" : host, server.port(), modelDir, workers,
                    workers == 1 ? "" : "s", queue);
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
