package org.hifill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hifill.model.weights.CheckpointImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hifill import}: the authors' TensorFlow checkpoint to a native model directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert the generator of a TensorFlow checkpoint (PREFIX.index and "
                + "PREFIX.data-00000-of-00001, released configuration) into a model directory; "
                + "colour channels are permuted from the release's BGR to RGB.")
final class ImportCommand implements Callable<Integer> {

    private static final String INDEX_SUFFIX = ".index";

    @Parameters(index = "0", paramLabel = "PREFIX", description = "Checkpoint prefix, such as ckpt/0 (ckpt/0.index also works).")
    Path checkpoint;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL_DIR", description = "Model directory to write.")
    Path output;

    @Option(names = "--data", paramLabel = "TEXT", defaultValue = CheckpointImporter.RELEASED_DATA,
            description = "Training data recorded in the provenance (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--force", description = "Replace the contents of a non-empty MODEL_DIR.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        checkOutput();
        CheckpointImporter.Summary summary = CheckpointImporter.importInto(prefixOf(checkpoint), output, data);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("imported %d tensors (%,d parameters) into %s%n",
                summary.tensors(), summary.parameters(), summary.modelDir());
        out.flush();
        return 0;
    }

    /** The checkpoint prefix, given either as {@code dir/0} or as its index file {@code dir/0.index}. */
    static Path prefixOf(Path given) {
        String name = given.toString();
        return name.endsWith(INDEX_SUFFIX) ? Path.of(name.substring(0, name.length() - INDEX_SUFFIX.length())) : given;
    }

    private void checkOutput() throws IOException {
        if (!Files.exists(output)) {
            return;
        }
        if (!Files.isDirectory(output)) {
            throw new FileAlreadyExistsException(output.toString(), null, "exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(output)) {
            if (!force && entries.findAny().isPresent()) {
                throw new FileAlreadyExistsException(output.toString(), null,
                        "not empty; use --force to replace the model there");
            }
        }
    }
}
