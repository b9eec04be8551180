// Drawing strokes: on the view's overlay, and rasterised at full resolution as the mask PNG.

/**
 * Draws strokes on ctx (already transformed to image coordinates). Paint strokes use paintStyle;
 * erase strokes use eraseStyle, or cut out what is below them when eraseStyle is null.
 */
export function drawStrokes(ctx, strokes, paintStyle, eraseStyle) {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const erase = stroke.mode === 'erase';
    ctx.globalCompositeOperation = erase && eraseStyle === null ? 'destination-out' : 'source-over';
    const style = erase && eraseStyle !== null ? eraseStyle : paintStyle;
    ctx.strokeStyle = style;
    ctx.fillStyle = style;
    tracePath(ctx, stroke);
  }
  ctx.globalCompositeOperation = 'source-over';
}

function tracePath(ctx, { width, points }) {
  ctx.beginPath();
  if (points.length === 2) {
    // A click: zero-length paths draw nothing, so a dot is filled instead.
    ctx.arc(points[0], points[1], width / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.lineWidth = width;
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i < points.length; i += 2) ctx.lineTo(points[i], points[i + 1]);
  ctx.stroke();
}

/** The mask at full resolution as a PNG blob: white = hole, black = keep. */
export async function rasteriseMask(strokes, width, height) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  drawStrokes(ctx, strokes, '#fff', '#000');
  return canvas.convertToBlob({ type: 'image/png' });
}
