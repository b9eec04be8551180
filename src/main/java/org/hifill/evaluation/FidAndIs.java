package org.hifill.evaluation;

import java.util.List;

/**
 * FID and IS of one method's results at one size, each NaN where it cannot be had: FID needs 2
 * results and 2 original photos, IS 2 results and a feature model that classifies.
 *
 * @param results how many of the method's results were scored
 * @param originals how many original photos the results were compared with
 */
record FidAndIs(int size, String method, int results, int originals, double fid, double inceptionScore) {

    /** The scores of {@code method} at {@code size} in {@code all}; NaN scores if it is not there. */
    static FidAndIs find(List<FidAndIs> all, int size, String method) {
        return all.stream().filter(s -> s.size() == size && s.method().equals(method)).findFirst()
                .orElse(new FidAndIs(size, method, 0, 0, Double.NaN, Double.NaN));
    }
}
