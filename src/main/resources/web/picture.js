// A photo or result: its bytes as given (sent and downloaded as-is) and decoded bitmaps to draw.

// Drawing an 8K bitmap scaled far down on every frame is slow; below this long side a
// pre-scaled copy is drawn instead, and the full bitmap only when zoomed in past it.
const PREVIEW_LONG_SIDE = 2048;

export async function loadPicture(blob, name) {
  // EXIF orientation is applied, as the server does when it reads the photo.
  const full = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const longSide = Math.max(full.width, full.height);
  let preview = null;
  let previewScale = 1;
  if (longSide > PREVIEW_LONG_SIDE * 1.5) {
    previewScale = PREVIEW_LONG_SIDE / longSide;
    preview = await createImageBitmap(full, {
      resizeWidth: Math.round(full.width * previewScale),
      resizeHeight: Math.round(full.height * previewScale),
      resizeQuality: 'high',
    });
  }
  return { blob, name, width: full.width, height: full.height, full, preview, previewScale };
}

/**
 * The size of an image without decoding its pixels (an image element decodes only when drawn),
 * so that a photo over the server's limit costs nothing to refuse.
 */
export async function imageSize(blob) {
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    const loaded = new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('not an image'));
    });
    image.src = url;
    await loaded;
    return { width: image.naturalWidth, height: image.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Draws the picture at image coordinates (0, 0) on a ctx transformed by the viewport. */
export function drawPicture(ctx, picture, scale) {
  const source = picture.preview && scale <= picture.previewScale ? picture.preview : picture.full;
  ctx.imageSmoothingEnabled = scale < 2; // Zoomed in, pixels stay crisp for precise painting.
  ctx.imageSmoothingQuality = 'medium';
  ctx.drawImage(source, 0, 0, picture.width, picture.height);
}

export function closePicture(picture) {
  picture?.full.close();
  picture?.preview?.close();
}

const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** "holiday.jpg" and a result of type image/png give "holiday-filled.png". */
export function resultFileName(photoName, type) {
  const base = photoName.replace(/\.[^.]*$/, '').replace(/-filled$/, '') || 'photo';
  return `${base}-filled.${EXTENSIONS[type] ?? 'png'}`;
}
