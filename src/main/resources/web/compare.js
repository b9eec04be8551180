// The before/after view: the photo left of a divider, the result right of it.
import { drawPicture } from './picture.js';

/** Draws both pictures (of one size) with the divider at split, a fraction of the width. */
export function drawComparison(ctx, viewport, pixelRatio, before, after, split) {
  const splitX = split * before.width;
  viewport.applyTo(ctx, pixelRatio);
  drawPicture(ctx, before, viewport.scale);
  ctx.save();
  ctx.beginPath();
  ctx.rect(splitX, 0, before.width - splitX, before.height);
  ctx.clip();
  drawPicture(ctx, after, viewport.scale);
  ctx.restore();
  drawDivider(ctx, viewport, pixelRatio, splitX, before.height);
}

function drawDivider(ctx, viewport, pixelRatio, splitX, height) {
  const top = viewport.toView(splitX, 0);
  const bottom = viewport.toView(splitX, height);
  // The handle stays in the middle of the visible part of the line.
  const middle = (Math.max(top.y, 0) + Math.min(bottom.y, viewport.viewHeight)) / 2;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.shadowColor = 'rgba(0, 0, 0, 0.6)';
  ctx.shadowBlur = 4;
  ctx.fillRect(top.x - 1, top.y, 2, bottom.y - top.y);
  ctx.beginPath();
  ctx.arc(top.x, middle, 14, 0, 2 * Math.PI);
  ctx.fill();
  ctx.shadowBlur = 0;
  ctx.fillStyle = '#16181d';
  ctx.font = 'bold 13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('‹ ›', top.x, middle + 1);
}
