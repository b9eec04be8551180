// Painted strokes as vector paths in image coordinates, with undo and redo.
// The view and the full-resolution mask are both drawn from them, so painting on an 8K photo
// never touches an 8K bitmap until the mask is sent.

export class StrokeHistory {
  #done = [];
  #undone = [];
  #current = null;

  /** Starts a stroke: mode 'paint' or 'erase', width in image pixels, first point. */
  begin(mode, width, point) {
    this.#current = { mode, width, points: [point.x, point.y] };
    this.#done.push(this.#current);
    this.#undone = [];
  }

  /** Adds a point to the current stroke; returns the new segment as a one-segment stroke. */
  extend(point) {
    const stroke = this.#current;
    if (!stroke) return null;
    const n = stroke.points.length;
    const [lastX, lastY] = [stroke.points[n - 2], stroke.points[n - 1]];
    stroke.points.push(point.x, point.y);
    return { mode: stroke.mode, width: stroke.width, points: [lastX, lastY, point.x, point.y] };
  }

  end() {
    this.#current = null;
  }

  get drawing() {
    return this.#current !== null;
  }

  undo() {
    if (this.drawing || !this.#done.length) return false;
    this.#undone.push(this.#done.pop());
    return true;
  }

  redo() {
    if (this.drawing || !this.#undone.length) return false;
    this.#done.push(this.#undone.pop());
    return true;
  }

  reset() {
    this.#done = [];
    this.#undone = [];
    this.#current = null;
  }

  get strokes() {
    return this.#done;
  }

  get canUndo() {
    return !this.drawing && this.#done.length > 0;
  }

  get canRedo() {
    return !this.drawing && this.#undone.length > 0;
  }

  /** Whether anything is painted (an eraser may still have removed it all). */
  get hasPaint() {
    return this.#done.some((stroke) => stroke.mode === 'paint');
  }
}
