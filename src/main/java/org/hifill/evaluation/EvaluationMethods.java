package org.hifill.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.hifill.pipeline.DownSampling;
import org.hifill.pipeline.InpaintOptions;
import org.hifill.pipeline.Inpainter;
import org.hifill.pipeline.Interpolation;
import org.hifill.pipeline.Resampling;
import org.hifill.pipeline.Strategy;

/**
 * The methods {@code hifill eval} knows, by name:
 * <ul>
 *   <li>{@code hifill}: CRA as {@code hifill inpaint} runs it (paper section 3);
 *   <li>{@code upsample-nearest|bilinear|bicubic}: the same network result up-sampled and pasted
 *       without residuals (paper Fig. 6: naive up-sampling is blurry);
 *   <li>{@code ablation-DOWN-UP}: CRA with another down-sampler (averaging, nearest, bilinear,
 *       bicubic) and up-sampler (nearest, bilinear, bicubic), as in paper Fig. 3;
 *       {@code ablation-averaging-bilinear} is {@code hifill};
 *   <li>{@code telea}, {@code ns}: OpenCV's classic inpainting at full resolution;
 *   <li>{@code mean-colour}, {@code diffusion}: the plain fills the trainer's validation uses.
 * </ul>
 * The network methods share one model and one strategy, so that they see the same network result.
 */
public final class EvaluationMethods {

    private static final String UPSAMPLE = "upsample-";
    private static final String ABLATION = "ablation-";

    private EvaluationMethods() {}

    /** Every method name, grouped as in the class comment. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("hifill"));
        for (Interpolation up : Interpolation.values()) {
            names.add(UPSAMPLE + up.label());
        }
        for (DownSampling down : DownSampling.values()) {
            for (Interpolation up : Interpolation.values()) {
                names.add(ABLATION + down.label() + "-" + up.label());
            }
        }
        names.addAll(List.of("telea", "ns", "mean-colour", "diffusion"));
        return names;
    }

    /**
     * Checks a list of names: known, none twice.
     *
     * @throws IllegalArgumentException naming the first unknown or repeated name
     */
    public static void check(List<String> names) {
        List<String> known = names();
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown method '" + name + "'; known: hifill, upsample-"
                        + labels(Interpolation.values()) + ", ablation-" + labels(DownSampling.values()) + "-"
                        + labels(Interpolation.values()) + ", telea, ns, mean-colour, diffusion");
            }
            if (seen.contains(name)) {
                throw new IllegalArgumentException("method '" + name + "' is given twice");
            }
            seen.add(name);
        }
    }

    /** Whether the method runs the network (and so needs a model). */
    public static boolean needsModel(String name) {
        return networkOptions(name, Strategy.WHOLE) != null;
    }

    /**
     * The methods of the given names, checked with {@link #check}.
     *
     * @param model gives the shared inpainter; asked only if a method needs it
     * @param strategy where the network methods run CRA
     */
    public static List<EvaluationMethod> create(List<String> names, Supplier<Inpainter> model, Strategy strategy) {
        check(names);
        Map<String, EvaluationMethod> methods = new LinkedHashMap<>();
        for (String name : names) {
            InpaintOptions options = networkOptions(name, strategy);
            methods.put(name, options != null ? new NetworkMethod(name, model.get(), options) : plain(name));
        }
        return List.copyOf(methods.values());
    }

    /** The options of a network method, or null for the others. */
    private static InpaintOptions networkOptions(String name, Strategy strategy) {
        InpaintOptions cra = InpaintOptions.defaults().withStrategy(strategy);
        if (name.equals("hifill")) {
            return cra;
        }
        if (name.startsWith(UPSAMPLE)) {
            Interpolation up = parse(Interpolation.class, name.substring(UPSAMPLE.length()));
            return up == null ? null
                    : cra.withResampling(new Resampling(DownSampling.AVERAGING, up)).withResiduals(false);
        }
        if (name.startsWith(ABLATION)) {
            String[] parts = name.substring(ABLATION.length()).split("-");
            DownSampling down = parts.length == 2 ? parse(DownSampling.class, parts[0]) : null;
            Interpolation up = parts.length == 2 ? parse(Interpolation.class, parts[1]) : null;
            return down == null || up == null ? null : cra.withResampling(new Resampling(down, up));
        }
        return null;
    }

    private static EvaluationMethod plain(String name) {
        return switch (name) {
            case "telea" -> OpenCvInpainting.telea();
            case "ns" -> OpenCvInpainting.navierStokes();
            case "mean-colour" -> new PlaneFillMethod(new MeanColourFill());
            case "diffusion" -> new PlaneFillMethod(new DiffusionFill());
            default -> throw new IllegalArgumentException("unknown method '" + name + "'");
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String label) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(label)) {
                return e;
            }
        }
        return null;
    }

    private static String labels(Enum<?>[] values) {
        List<String> labels = new ArrayList<>();
        for (Enum<?> e : values) {
            labels.add(e.name().toLowerCase(Locale.ROOT));
        }
        return "{" + String.join(",", labels) + "}";
    }
}
