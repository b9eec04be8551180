package org.hifill.model.layers;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;

/**
 * A block whose parameters, and those of all its children, have shapes fixed when it is built
 * (channel counts are part of the architecture), so it can be initialised for any input size.
 */
public abstract class FixedShapeBlock extends AbstractBlock {

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }
}
