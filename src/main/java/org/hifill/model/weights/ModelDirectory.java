package org.hifill.model.weights;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;

/**
 * A native model on disk: {@value #MANIFEST} (architecture, format version, provenance) and
 * {@value #PARAMETERS} (DJL's parameter encoding of the generator). Both files are written to a
 * temporary name and renamed, so a reader never sees half a model.
 */
public final class ModelDirectory {

    public static final String MANIFEST = "model.json";
    public static final String PARAMETERS = "generator.params";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelDirectory() {}

    /** A generator with its parameters, and the manifest it was loaded with. */
    public record Loaded(HiFillGenerator generator, ModelManifest manifest) {}

    /** Builds a generator with freshly initialised parameters on {@code manager}. */
    public static HiFillGenerator initialise(GeneratorConfig config, NDManager manager) {
        HiFillGenerator generator = new HiFillGenerator(config);
        generator.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64), new Shape(1, 1, 64, 64));
        return generator;
    }

    /** Writes {@code generator} to {@code dir} (created if missing), replacing an earlier model there. */
    public static void save(HiFillGenerator generator, Provenance provenance, Path dir) throws IOException {
        Files.createDirectories(dir);
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.VERSION,
                generator.config(), parameterCount(generator), "RGB", provenance);
        writeAtomically(dir.resolve(PARAMETERS), out -> {
            DataOutputStream data = new DataOutputStream(out);
            generator.saveParameters(data);
            data.flush();
        });
        writeAtomically(dir.resolve(MANIFEST), out -> out.write(GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads only the manifest of a model directory. */
    public static ModelManifest readManifest(Path dir) throws ModelFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir, Files.exists(dir) ? "not a directory" : "model directory not found");
        }
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(dir, "no " + MANIFEST + ": not a hifill model directory");
        }
        ModelManifest manifest;
        try {
            manifest = GSON.fromJson(Files.readString(file), ModelManifest.class);
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new ModelFormatException(file, "unreadable manifest (" + firstLine(e) + ")", e);
        } catch (RuntimeException e) {
            // Gson builds records with their canonical constructor, whose validation fails here.
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new ModelFormatException(file, firstLine(invalid), e);
            }
            throw new ModelFormatException(file, "unreadable manifest (" + firstLine(e) + ")", e);
        }
        if (manifest == null || !ModelManifest.FORMAT.equals(manifest.format())) {
            throw new ModelFormatException(file, "not a " + ModelManifest.FORMAT + " manifest");
        }
        if (manifest.formatVersion() != ModelManifest.VERSION) {
            throw new ModelFormatException(file, "format version " + manifest.formatVersion()
                    + " is not supported (this build reads version " + ModelManifest.VERSION + ")");
        }
        if (manifest.architecture() == null) {
            throw new ModelFormatException(file, "manifest has no architecture");
        }
        try {
            // Validate again in case the record was built without its canonical constructor.
            GeneratorConfig a = manifest.architecture();
            new GeneratorConfig(a.coarseGate(), a.refineGate(), a.baseWidth(), a.contextualAttention(),
                    a.multiScaleTransfer());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, e.getMessage());
        }
        return manifest;
    }

    /**
     * Loads a model. Every parameter's shape is checked against the architecture in the manifest.
     *
     * @throws ModelFormatException naming the directory or file and the problem
     */
    public static Loaded load(Path dir, NDManager manager) throws ModelFormatException {
        ModelManifest manifest = readManifest(dir);
        HiFillGenerator generator = initialise(manifest.architecture(), manager);
        List<TfVariable> vars = generator.tfVariables();
        List<Shape> expected = new ArrayList<>();
        vars.forEach(v -> expected.add(v.parameter().getShape()));
        Path file = dir.resolve(PARAMETERS);
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(dir, "no " + PARAMETERS + " beside " + MANIFEST);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            generator.loadParameters(manager, new DataInputStream(in));
            if (in.read() != -1) {
                throw new ModelFormatException(file, "trailing bytes after the last parameter: not the architecture in "
                        + MANIFEST);
            }
        } catch (EOFException e) {
            throw new ModelFormatException(file, "truncated parameter file", e);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            if (e instanceof ModelFormatException mfe) {
                throw mfe;
            }
            throw new ModelFormatException(file, "unreadable parameters (" + firstLine(e) + ")", e);
        }
        for (int i = 0; i < vars.size(); i++) {
            Shape actual = vars.get(i).parameter().getShape();
            if (!actual.equals(expected.get(i))) {
                throw new ModelFormatException(file, vars.get(i).tfName() + " has shape " + actual
                        + " but the architecture in " + MANIFEST + " needs " + expected.get(i));
            }
        }
        long count = parameterCount(generator);
        if (manifest.parameterCount() != count) {
            throw new ModelFormatException(dir.resolve(MANIFEST), "parameterCount " + manifest.parameterCount()
                    + " does not match the " + count + " parameters of its architecture");
        }
        return new Loaded(generator, manifest);
    }

    /** Number of scalar parameters of a generator. */
    public static long parameterCount(HiFillGenerator generator) {
        return generator.parameterCount();
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        // Not Files.createTempFile: its files are owner-only (0600); this one follows the umask.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
