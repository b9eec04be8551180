package org.hifill.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hifill.evaluation.FeatureExtractor.Embedding;

/**
 * The embeddings of an evaluation, gathered as it runs: the original photos' at each size and
 * each method's results' at each size. FID per size and method compares the method's results
 * with the original photos at that size (Heusel et al. 2017); IS per size and method is over the
 * method's results (Salimans et al. 2016).
 */
final class FeatureSets {

    private final Map<Integer, List<Embedding>> originals = new LinkedHashMap<>();
    private final Map<Integer, Map<String, List<Embedding>>> results = new LinkedHashMap<>();

    void addOriginal(int size, Embedding embedding) {
        originals.computeIfAbsent(size, k -> new ArrayList<>()).add(embedding);
    }

    void addResult(int size, String method, Embedding embedding) {
        results.computeIfAbsent(size, k -> new LinkedHashMap<>()).computeIfAbsent(method, k -> new ArrayList<>())
                .add(embedding);
    }

    /** FID and IS of every size and method that has results. */
    List<FidAndIs> scores() {
        List<FidAndIs> scores = new ArrayList<>();
        results.forEach((size, byMethod) -> byMethod.forEach((method, filled) -> {
            List<Embedding> real = originals.getOrDefault(size, List.of());
            double fid = filled.size() >= 2 && real.size() >= 2
                    ? FrechetDistance.ofFeatures(features(real), features(filled)) : Double.NaN;
            // Over one result IS is 1 whatever the model says: no score.
            double is = filled.size() >= 2 && filled.get(0).probabilities() != null
                    ? InceptionScore.fromProbabilities(filled.stream().map(Embedding::probabilities)
                            .toArray(double[][]::new)) : Double.NaN;
            scores.add(new FidAndIs(size, method, filled.size(), real.size(), fid, is));
        }));
        return scores;
    }

    private static double[][] features(List<Embedding> embeddings) {
        return embeddings.stream().map(Embedding::features).toArray(double[][]::new);
    }
}
