package org.hifill.evaluation;

import java.nio.file.Path;

/**
 * One photo to evaluate on.
 *
 * @param name how tables and file names call it (the photo's file name)
 * @param photo the photo file
 * @param masks where its hole comes from
 */
public record EvaluationImage(String name, Path photo, MaskSource masks) {}
