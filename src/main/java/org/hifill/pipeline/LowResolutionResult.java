package org.hifill.pipeline;

/**
 * What the network stage returns, all at network size, planes (CHW), colour in [-1, 1].
 *
 * @param coarse the coarse network's output (for pictures of the stages; may be {@code null})
 * @param refined the refine network's output (may be {@code null})
 * @param pasted the fill inside the hole, the input outside
 * @param attention A, row-major L x L with L = (height/16)(width/16): row = query cell, column =
 *     key cell; rows sum to at most 1
 */
public record LowResolutionResult(float[] coarse, float[] refined, float[] pasted, float[] attention) {}
