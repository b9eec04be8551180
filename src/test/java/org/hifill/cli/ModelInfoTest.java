package org.hifill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code hifill model info --format tsv} lists exactly the generator variables of the authors'
 * released checkpoint: the same names with the same TF-layout shapes, 2,722,791 scalars in all.
 */
class ModelInfoTest {

    private static final long RELEASED_PARAMETERS = 2_722_791L;
    private static final Comparator<String> BY_NAME = Comparator.comparing(l -> l.substring(0, l.indexOf('\t')));
    private static final String RESOURCE = "/org/hifill/released-generator-variables.tsv";

    @Test
    void tsvListingEqualsTheGeneratorRowsOfTheReleasedCheckpointListing() throws IOException {
        Path shared = Path.of(System.getProperty("hifill.shared", "../shared"));
        Path tsv = shared.resolve("reference/official-checkpoint/variables.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(tsv), tsv + " absent: skipping the comparison with the checkpoint listing");

        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines.get(0)).isEqualTo("name\tdtype\tshape_tf\telements\toffset\tbytes");
        List<String> expected = new ArrayList<>();
        long total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f[0].startsWith("generator/")) {
                assertThat(f[1]).isEqualTo("float32");
                expected.add(f[0] + "\t" + f[2] + "\t" + f[3]);
                total += Long.parseLong(f[3]);
            }
        }
        expected.sort(BY_NAME);
        assertThat(total).isEqualTo(RELEASED_PARAMETERS);
        expected.add("total\t-\t" + total);

        assertListingEquals(expected);
    }

    @Test
    void tsvListingEqualsTheReleasedVariablesKeptInTestResources() throws IOException {
        List<String> expected = new ArrayList<>();
        long total = 0;
        try (InputStream in = ModelInfoTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    expected.add(line);
                    total += Long.parseLong(line.split("\t")[2]);
                }
            }
        }
        assertThat(expected).hasSize(192);
        assertThat(total).isEqualTo(RELEASED_PARAMETERS);
        expected.sort(BY_NAME);
        expected.add("total\t-\t" + total);

        assertListingEquals(expected);
    }

    @Test
    void textListingShowsTheReleasedArchitectureAndTotal() {
        CliRun run = CliRun.of("model", "info");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("coarse LWGC_SC, refine LWGC_PW, base width 32, attention on, multi-scale transfer on")
                .contains("generator/re_att_64_att3/pw")
                .contains("total (192 tensors)")
                .contains("2,722,791");
    }

    private static void assertListingEquals(List<String> expected) {
        CliRun run = CliRun.of("model", "info", "--format", "tsv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        // Name by name first, so that a missing or extra variable is reported as such.
        assertThat(names(run.outLines())).containsExactlyElementsOf(names(expected));
        assertThat(run.outLines()).containsExactlyElementsOf(expected);
    }

    private static List<String> names(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
    }
}
