package org.hifill.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A filled photo with what it took.
 *
 * @param image the photo with its holes filled, the size and layout of the input
 * @param regions one report per region CRA ran on (none for an empty mask)
 * @param times wall time per stage
 */
public record InpaintResult(BufferedImage image, List<CraPipeline.RegionReport> regions, StageTimes times) {}
