package org.hifill.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.hifill.model.generator.GeneratorConfig;
import org.hifill.model.generator.HiFillGenerator;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.ModelManifest;
import org.hifill.model.weights.TfVariable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hifill model info}: every generator parameter with its TF name and TF-layout shape. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "List every generator parameter with its TensorFlow name and shape (HWIO).")
final class ModelInfoCommand implements Callable<Integer> {

    enum Format { text, tsv }

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory; without it, the released architecture (no weights needed).")
    Path model;

    @Option(names = "--format", defaultValue = "text", description = "text or tsv (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager()) {
            HiFillGenerator generator;
            ModelManifest manifest = null;
            if (model != null) {
                ModelDirectory.Loaded loaded = ModelDirectory.load(model, manager);
                generator = loaded.generator();
                manifest = loaded.manifest();
            } else {
                generator = new HiFillGenerator(GeneratorConfig.released());
            }
            List<TfVariable> vars = generator.tfVariables().stream()
                    .sorted(Comparator.comparing(TfVariable::tfName))
                    .toList();
            long total = vars.stream().mapToLong(v -> v.parameter().getShape().size()).sum();
            if (format == Format.tsv) {
                for (TfVariable v : vars) {
                    out.println(v.tfName() + "\t" + TfVariable.formatShape(v.tfShape()) + "\t" + v.tfShape().size());
                }
                out.println("total\t-\t" + total);
            } else {
                printText(out, generator.config(), manifest, vars, total);
            }
            out.flush();
        }
        return 0;
    }

    private void printText(PrintWriter out, GeneratorConfig config, ModelManifest manifest,
            List<TfVariable> vars, long total) {
        out.println("model:        " + (model == null ? "released architecture (no weights loaded)" : model));
        out.printf("architecture: coarse %s, refine %s, base width %d, attention %s, multi-scale transfer %s%n",
                config.coarseGate(), config.refineGate(), config.baseWidth(),
                config.contextualAttention() ? "on" : "off", config.multiScaleTransfer() ? "on" : "off");
        if (manifest != null && manifest.provenance() != null) {
            var p = manifest.provenance();
            out.printf("provenance:   %s, %d training steps, data: %s, written %s%n",
                    p.source(), p.trainingSteps(), p.data(), p.created());
        }
        int width = vars.stream().mapToInt(v -> v.tfName().length()).max().orElse(10);
        out.println();
        out.printf("%-" + width + "s  %-14s %10s%n", "parameter", "shape (TF)", "elements");
        for (TfVariable v : vars) {
            out.printf("%-" + width + "s  %-14s %,10d%n", v.tfName(), TfVariable.formatShape(v.tfShape()),
                    v.tfShape().size());
        }
        out.printf("%-" + width + "s  %-14s %,10d%n", "total (" + vars.size() + " tensors)", "", total);
    }
}
