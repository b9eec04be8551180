// The view of the photo: a scale and an offset from image pixels to CSS pixels of the stage.
const MAX_SCALE = 32;
const FIT_MARGIN = 0.96;

export class Viewport {
  constructor() {
    this.scale = 1;
    this.offsetX = 0;
    this.offsetY = 0;
    this.viewWidth = 1;
    this.viewHeight = 1;
    this.imageWidth = 0;
    this.imageHeight = 0;
  }

  setViewSize(width, height) {
    this.viewWidth = Math.max(1, width);
    this.viewHeight = Math.max(1, height);
  }

  setImageSize(width, height) {
    this.imageWidth = width;
    this.imageHeight = height;
  }

  /** The scale at which the whole photo fits, never above actual pixels. */
  fitScale() {
    if (!this.imageWidth) return 1;
    const fit = Math.min(this.viewWidth / this.imageWidth, this.viewHeight / this.imageHeight);
    return Math.min(1, fit * FIT_MARGIN);
  }

  fit() {
    this.scale = this.fitScale();
    this.center();
  }

  actualPixels() {
    this.zoomAt(1 / this.scale, this.viewWidth / 2, this.viewHeight / 2);
  }

  center() {
    this.offsetX = (this.viewWidth - this.imageWidth * this.scale) / 2;
    this.offsetY = (this.viewHeight - this.imageHeight * this.scale) / 2;
  }

  /** Zooms by factor keeping the image point under view point (x, y) where it is. */
  zoomAt(factor, x, y) {
    const minScale = this.fitScale() / 4;
    const scale = Math.min(MAX_SCALE, Math.max(minScale, this.scale * factor));
    const anchor = this.toImage(x, y);
    this.scale = scale;
    this.offsetX = x - anchor.x * scale;
    this.offsetY = y - anchor.y * scale;
  }

  zoomAtCenter(factor) {
    this.zoomAt(factor, this.viewWidth / 2, this.viewHeight / 2);
  }

  panBy(dx, dy) {
    this.offsetX += dx;
    this.offsetY += dy;
  }

  toImage(x, y) {
    return { x: (x - this.offsetX) / this.scale, y: (y - this.offsetY) / this.scale };
  }

  toView(x, y) {
    return { x: x * this.scale + this.offsetX, y: y * this.scale + this.offsetY };
  }

  /** Sets ctx to draw in image coordinates on a canvas of devicePixelRatio pixels per CSS pixel. */
  applyTo(ctx, pixelRatio) {
    const s = this.scale * pixelRatio;
    ctx.setTransform(s, 0, 0, s, this.offsetX * pixelRatio, this.offsetY * pixelRatio);
  }
}
