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

/**
 * The mask at full resolution: {blob} a PNG, white = hole, black = keep, and {painted} whether
 * any pixel is white (the eraser may have taken every stroke back).
 */
export async function rasteriseMask(strokes, width, height) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  drawStrokes(ctx, strokes, '#fff', '#000');
  return { blob: await canvas.convertToBlob({ type: 'image/png' }), painted: anyPainted(ctx, strokes, width, height) };
}

/** Whether a white pixel remains, read only inside the paint strokes' bounds, a band of rows at a time. */
function anyPainted(ctx, strokes, width, height) {
  const bounds = paintBounds(strokes, width, height);
  if (!bounds) return false;
  const BAND = 256;
  for (let y = bounds.top; y < bounds.bottom; y += BAND) {
    const rows = Math.min(BAND, bounds.bottom - y);
    const data = ctx.getImageData(bounds.left, y, bounds.right - bounds.left, rows).data;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== 0) return true;
  }
  return false;
}

/** The pixel rectangle that the paint strokes can reach, clipped to the photo; null when empty. */
function paintBounds(strokes, width, height) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { mode, width: w, points } of strokes) {
    if (mode !== 'paint') continue;
    for (let i = 0; i < points.length; i += 2) {
      left = Math.min(left, points[i] - w / 2);
      right = Math.max(right, points[i] + w / 2);
      top = Math.min(top, points[i + 1] - w / 2);
      bottom = Math.max(bottom, points[i + 1] + w / 2);
    }
  }
  const box = {
    left: Math.max(0, Math.floor(left)), top: Math.max(0, Math.floor(top)),
    right: Math.min(width, Math.ceil(right) + 1), bottom: Math.min(height, Math.ceil(bottom) + 1),
  };
  return box.left < box.right && box.top < box.bottom ? box : null;
}
