package org.hifill.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@value #FILE}: a row per photo, size and method, with the status, the time, the memory and
 * every score. FID and IS belong to a set, not a photo: {@code set_fid} and {@code set_is} are
 * those of the method's results at that size, the same on each of its rows. Unknown values (no
 * result, a photo too small for MS-SSIM, no feature model) are empty cells.
 */
final class ResultsCsv {

    static final String FILE = "results.csv";
    static final String HEADER = "image,size,width,height,hole_percent,method,status,seconds,"
            + "rss_before_mb,rss_peak_mb,rss_growth_mb,heap_peak_mb,l1,l1_hole,psnr,psnr_hole,ssim,ms_ssim,set_fid,set_is,error";

    private ResultsCsv() {}

    /** @param setScores FID and IS per size and method; null without a feature model */
    static void write(List<EvaluationRow> rows, List<FidAndIs> setScores, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EvaluationRow r : rows) {
            Outcome o = r.outcome();
            MemoryProbe.Use m = o.memory();
            Scores s = r.scores();
            FidAndIs set = FidAndIs.find(setScores == null ? List.of() : setScores, r.size(), r.method());
            csv.append(String.join(",", cell(r.image()), Integer.toString(r.size()), Integer.toString(r.width()),
                    Integer.toString(r.height()), n(r.holePercent(), 2), cell(r.method()), o.status().label(),
                    n(o.seconds(), 4), n(m.residentBefore(), 1), n(m.residentPeak(), 1), n(m.residentGrowth(), 1),
                    n(m.heapPeak(), 1), n(s.l1(), 4), n(s.l1Hole(), 4), n(s.psnr(), 4), n(s.psnrHole(), 4),
                    n(s.ssim(), 5), n(s.msSsim(), 5), n(set.fid(), 4), n(set.inceptionScore(), 4), o.error() == null ? "" : cell(o.error()))).append('\n');
        }
        ReportFiles.writeAtomically(dir.resolve(FILE), csv.toString());
    }

    private static String n(double value, int decimals) {
        return ReportFiles.number(value, decimals, "");
    }

    /** Quoted when it holds a comma, a quote or a line break (RFC 4180). */
    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
