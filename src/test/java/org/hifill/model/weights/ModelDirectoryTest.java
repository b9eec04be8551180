package org.hifill.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.layers.GateType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading native model directories, and the one-line errors for broken ones. */
class ModelDirectoryTest {

    private static final Provenance PROVENANCE =
            new Provenance("trained", 1234, "places2 subset", "2024-05-01T12:00:00Z", "round-trip test");
    /** A non-default architecture: full gated convolutions, half width. */
    private static final GeneratorConfig SMALL = new GeneratorConfig(GateType.GC, GateType.GC, 16, true, true);
    /** The released gates at half width: quick to save and to widen back to the released shape. */
    private static final GeneratorConfig HALF = GeneratorConfig.released().withBaseWidth(16);

    @TempDir
    Path tmp;

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void releasedModelRoundTripsBitForBitWithItsManifest() throws IOException {
        HiFillGenerator saved = ModelDirectory.initialise(GeneratorConfig.released(), manager);
        Path dir = tmp.resolve("released");

        ModelDirectory.save(saved, PROVENANCE, dir);
        ModelDirectory.Loaded loaded = ModelDirectory.load(dir, manager);

        ModelManifest manifest = loaded.manifest();
        assertThat(manifest.format()).isEqualTo(ModelManifest.FORMAT);
        assertThat(manifest.formatVersion()).isEqualTo(ModelManifest.VERSION);
        assertThat(manifest.architecture()).isEqualTo(GeneratorConfig.released());
        assertThat(manifest.parameterCount()).isEqualTo(2_722_791L);
        assertThat(manifest.colourOrder()).isEqualTo("RGB");
        assertThat(manifest.provenance()).isEqualTo(PROVENANCE);
        assertThat(ModelDirectory.readManifest(dir)).isEqualTo(manifest);
        assertThat(loaded.generator().config()).isEqualTo(GeneratorConfig.released());
        assertBitIdentical(saved, loaded.generator());
    }

    @Test
    void nonDefaultArchitectureRoundTrips() throws IOException {
        HiFillGenerator saved = ModelDirectory.initialise(SMALL, manager);
        Path dir = tmp.resolve("small");

        ModelDirectory.save(saved, Provenance.randomInit("2024-05-01T12:00:00Z"), dir);
        ModelDirectory.Loaded loaded = ModelDirectory.load(dir, manager);

        assertThat(loaded.manifest().architecture()).isEqualTo(SMALL);
        assertThat(loaded.manifest().parameterCount()).isEqualTo(ModelDirectory.parameterCount(saved));
        assertThat(loaded.manifest().provenance().source()).isEqualTo("random-init");
        assertThat(loaded.generator().config()).isEqualTo(SMALL);
        assertBitIdentical(saved, loaded.generator());
    }

    @Test
    void savingOverAnExistingModelReplacesItAndLeavesNoTemporaryFiles() throws IOException {
        Path dir = tmp.resolve("model");
        HiFillGenerator first = ModelDirectory.initialise(SMALL, manager);
        HiFillGenerator second = ModelDirectory.initialise(SMALL, manager);

        ModelDirectory.save(first, PROVENANCE, dir);
        ModelDirectory.save(second, Provenance.randomInit("2024-06-01T00:00:00Z"), dir);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ModelDirectory.MANIFEST, ModelDirectory.PARAMETERS);
        }
        ModelDirectory.Loaded loaded = ModelDirectory.load(dir, manager);
        assertThat(loaded.manifest().provenance().created()).isEqualTo("2024-06-01T00:00:00Z");
        assertBitIdentical(second, loaded.generator());
    }

    @Test
    void savedFilesHaveTheUsualPermissionsNotOwnerOnlyTemporaryOnes() throws IOException {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system: skipping");
        Path dir = savedHalfWidthModel();
        Path reference = Files.writeString(tmp.resolve("reference.txt"), "written like any file");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(reference);

        assertThat(Files.getPosixFilePermissions(dir.resolve(ModelDirectory.MANIFEST))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(dir.resolve(ModelDirectory.PARAMETERS))).isEqualTo(usual);
    }

    @Test
    void missingDirectoryIsReportedWithItsPath() {
        Path dir = tmp.resolve("nowhere");
        assertLoadFails(dir, dir).hasMessageContaining("not found");
    }

    @Test
    void aFileInsteadOfADirectoryIsReported() throws IOException {
        Path file = Files.writeString(tmp.resolve("model.bin"), "x");
        assertLoadFails(file, file).hasMessageContaining("not a directory");
    }

    @Test
    void directoryWithoutManifestIsReported() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertLoadFails(dir, dir).hasMessageContaining("no model.json");
    }

    @Test
    void manifestThatIsNotJsonIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        Files.writeString(manifest, "this is { not json\n at all");
        assertLoadFails(dir, manifest).hasMessageContaining("unreadable manifest");
    }

    @Test
    void manifestOfAnotherFormatIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"hifill-generator\"", "\"some-other-model\"");
        assertLoadFails(dir, manifest).hasMessageContaining("not a hifill-generator manifest");
    }

    @Test
    void manifestOfAnotherFormatVersionIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"formatVersion\": 1", "\"formatVersion\": 7");
        assertLoadFails(dir, manifest).hasMessageContaining("format version 7 is not supported");
    }

    @Test
    void unknownGateTypeInTheManifestIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"coarseGate\": \"LWGC_SC\"", "\"coarseGate\": \"LWGC_XYZ\"");
        assertLoadFails(dir, manifest).hasMessageContaining("gate types").hasMessageContaining("LWGC_SC");
    }

    @Test
    void invalidBaseWidthInTheManifestIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"baseWidth\": 16", "\"baseWidth\": 30");
        assertLoadFails(dir, manifest).hasMessageContaining("base width").hasMessageContaining("30");
    }

    @Test
    void transferWithoutAttentionInTheManifestIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"contextualAttention\": true", "\"contextualAttention\": false");
        assertLoadFails(dir, manifest).hasMessageContaining("transfer needs contextual attention");
    }

    @Test
    void missingParameterFileIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Files.delete(dir.resolve(ModelDirectory.PARAMETERS));
        assertLoadFails(dir, dir).hasMessageContaining("no generator.params");
    }

    @Test
    void truncatedParameterFileIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path params = dir.resolve(ModelDirectory.PARAMETERS);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(bytes, bytes.length / 2));
        assertLoadFails(dir, params).hasMessageContaining("truncated");
    }

    @Test
    void parametersOfAnotherWidthAreRejectedNamingAParameterAndItsShape() throws IOException {
        Path dir = savedHalfWidthModel(); // base width 16
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"baseWidth\": 16", "\"baseWidth\": 32");
        assertThat(ModelDirectory.readManifest(dir).architecture().baseWidth()).isEqualTo(32);

        assertLoadFails(dir, dir.resolve(ModelDirectory.PARAMETERS))
                .hasMessageContaining("generator/")
                .hasMessageContaining("shape");
    }

    @Test
    void manifestParameterCountThatDoesNotMatchItsArchitectureIsReported() throws IOException {
        Path dir = savedHalfWidthModel();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        long count = ModelDirectory.readManifest(dir).parameterCount();
        replaceInFile(manifest, "\"parameterCount\": " + count, "\"parameterCount\": " + (count + 1));

        assertLoadFails(dir, manifest).hasMessageContaining("parameterCount " + (count + 1));
    }

    @Test
    void parametersOfAnotherGateTypeAreRejected() throws IOException {
        Path dir = savedHalfWidthModel(); // LWGC_PW gates in the refine network
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        replaceInFile(manifest, "\"refineGate\": \"LWGC_PW\"", "\"refineGate\": \"GC\"");

        assertLoadFails(dir, dir.resolve(ModelDirectory.PARAMETERS));
    }

    private Path savedHalfWidthModel() throws IOException {
        Path dir = tmp.resolve("half");
        ModelDirectory.save(ModelDirectory.initialise(HALF, manager), PROVENANCE, dir);
        return dir;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(Path dir, Path named) {
        return assertThatThrownBy(() -> ModelDirectory.load(dir, manager))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(named + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    private static void replaceInFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void assertBitIdentical(HiFillGenerator expected, HiFillGenerator actual) {
        List<TfVariable> a = expected.tfVariables();
        List<TfVariable> b = actual.tfVariables();
        assertThat(b).extracting(TfVariable::tfName).containsExactlyElementsOf(a.stream().map(TfVariable::tfName).toList());
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i).parameter().getArray();
            var y = b.get(i).parameter().getArray();
            assertThat(y.getShape()).as(a.get(i).tfName()).isEqualTo(x.getShape());
            assertThat(y.getDataType()).as(a.get(i).tfName()).isEqualTo(x.getDataType());
            assertThat(y.toByteArray()).as(a.get(i).tfName()).isEqualTo(x.toByteArray());
        }
    }
}
