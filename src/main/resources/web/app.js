// The page: open a photo, paint the mask, fill it on the server, compare, download, repeat.
import { ApiError, fetchInfo, inpaint } from './api.js';
import { drawComparison } from './compare.js';
import { drawStrokes, rasteriseMask } from './mask.js';
import { closePicture, drawPicture, imageSize, loadPicture, resultFileName } from './picture.js';
import { StrokeHistory } from './strokes.js';
import { Viewport } from './viewport.js';

const MASK_COLOUR = '#ff3b3b';
const ZOOM_STEP = 1.25;
const BRUSH_STEP = 1.25;
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const $ = (id) => document.getElementById(id);
const ui = {
  stage: $('stage'), view: $('view-canvas'), overlay: $('mask-canvas'), cursor: $('brush-cursor'),
  fileInput: $('file-input'), openButton: $('open-button'),
  brush: $('tool-brush'), eraser: $('tool-eraser'), brushSize: $('brush-size'), brushSizeValue: $('brush-size-value'),
  undo: $('undo-button'), redo: $('redo-button'),
  zoomIn: $('zoom-in-button'), zoomOut: $('zoom-out-button'), zoomFit: $('zoom-fit-button'),
  zoomActual: $('zoom-actual-button'), zoomLevel: $('zoom-level'),
  strategy: $('strategy'), format: $('format'), run: $('run-button'),
  resultBar: $('result-bar'), compare: $('compare-slider'), compareLabels: $('compare-labels'),
  download: $('download-link'), continueButton: $('continue-button'), back: $('back-button'),
  busy: $('busy'), busyText: $('busy-text'), cancel: $('cancel-button'),
  message: $('message'), error: $('error'), imageSize: $('image-size'), position: $('cursor-position'),
  serverInfo: $('server-info'), limits: $('limits'),
};

const viewport = new Viewport();
const history = new StrokeHistory();
const state = {
  photo: null, // the picture being painted
  result: null, // the server's answer, compared with the photo
  resultUrl: null,
  tool: 'paint',
  brushSize: Number(ui.brushSize.value), // CSS pixels: the brush looks the same at every zoom
  request: null, // AbortController of the running fill
  split: 0.5, // before/after divider as a fraction of the photo's width
  limits: { maxPixels: null, maxUploadBytes: null },
};
const pointer = { mode: null, x: 0, y: 0 }; // mode: 'paint', 'pan' or 'compare'
let spaceHeld = false;
let frameRequested = false;

// ---- Rendering ----

function requestRender() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(render);
}

function render() {
  frameRequested = false;
  const ratio = window.devicePixelRatio || 1;
  const ctx = ui.view.getContext('2d');
  const overlay = ui.overlay.getContext('2d');
  for (const c of [ctx, overlay]) {
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, c.canvas.width, c.canvas.height);
  }
  const photo = state.photo;
  ui.zoomLevel.textContent = photo ? `${Math.round(viewport.scale * 100)}%` : '–';
  if (!photo) return;
  if (state.result) {
    drawComparison(ctx, viewport, ratio, photo, state.result, state.split);
    return;
  }
  viewport.applyTo(ctx, ratio);
  drawPicture(ctx, photo, viewport.scale);
  viewport.applyTo(overlay, ratio);
  drawStrokes(overlay, history.strokes, MASK_COLOUR, null);
}

function resizeCanvases() {
  const ratio = window.devicePixelRatio || 1;
  const { clientWidth: width, clientHeight: height } = ui.stage;
  for (const canvas of [ui.view, ui.overlay]) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  viewport.setViewSize(width, height);
  requestRender();
}

// ---- Messages and controls ----

function showMessage(text) {
  ui.message.textContent = text;
  ui.error.hidden = true;
  ui.message.hidden = false;
}

function showError(text) {
  ui.error.textContent = text;
  ui.error.hidden = false;
  ui.message.hidden = true;
}

function updateControls() {
  const hasPhoto = state.photo !== null;
  const busy = state.request !== null;
  const editing = hasPhoto && !state.result && !busy;
  ui.brush.disabled = ui.eraser.disabled = !editing;
  ui.brush.setAttribute('aria-pressed', String(state.tool === 'paint'));
  ui.eraser.setAttribute('aria-pressed', String(state.tool === 'erase'));
  ui.cursor.classList.toggle('eraser', state.tool === 'erase');
  ui.undo.disabled = !(editing && history.canUndo);
  ui.redo.disabled = !(editing && history.canRedo);
  ui.run.disabled = !(editing && history.hasPaint);
  for (const button of [ui.zoomIn, ui.zoomOut, ui.zoomFit, ui.zoomActual]) button.disabled = !hasPhoto;
  ui.fileInput.disabled = busy;
  ui.openButton.setAttribute('aria-disabled', String(busy));
  ui.resultBar.hidden = !state.result;
  ui.compareLabels.hidden = !state.result;
  ui.stage.classList.toggle('has-photo', hasPhoto);
  ui.stage.classList.toggle('comparing', state.result !== null);
}

function setTool(tool) {
  state.tool = tool;
  updateControls();
}

function setBrushSize(size) {
  const min = Number(ui.brushSize.min);
  const max = Number(ui.brushSize.max);
  state.brushSize = Math.round(Math.min(max, Math.max(min, size)));
  ui.brushSize.value = state.brushSize;
  ui.brushSizeValue.textContent = `${state.brushSize} px`;
  ui.cursor.style.width = ui.cursor.style.height = `${state.brushSize}px`;
}

const megapixels = (pixels) => `${(pixels / 1e6).toFixed(1)} MP`;
const megabytes = (bytes) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

// ---- Photo, fill and result ----

async function openFile(file) {
  if (!file || state.request) return;
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) {
    showError(`${file.name} is not a JPEG, PNG or WebP photo.`);
    return;
  }
  const { maxPixels, maxUploadBytes } = state.limits;
  if (maxUploadBytes && file.size > maxUploadBytes) {
    showError(`${file.name} is ${megabytes(file.size)}; the server accepts at most ${megabytes(maxUploadBytes)}.`);
    return;
  }
  showMessage(`Opening ${file.name}…`);
  let picture;
  try {
    const { width, height } = await imageSize(file);
    if (maxPixels && width * height > maxPixels) {
      showError(`${file.name} is ${width} × ${height} (${megapixels(width * height)}); ` +
        `the server accepts at most ${megapixels(maxPixels)}.`);
      return;
    }
    picture = await loadPicture(file, file.name);
  } catch {
    showError(`${file.name} could not be read as an image.`);
    return;
  }
  setPhoto(picture);
  showMessage(`${file.name} opened. Paint over what should go, then press Fill.`);
}

/** Makes picture the photo to paint on, with an empty mask and history. */
function setPhoto(picture) {
  clearResult();
  closePicture(state.photo);
  state.photo = picture;
  history.reset();
  viewport.setImageSize(picture.width, picture.height);
  viewport.fit();
  ui.imageSize.textContent = `${picture.width} × ${picture.height}`;
  updateControls();
  requestRender();
}

async function run() {
  if (ui.run.disabled) return;
  const photo = state.photo;
  const request = new AbortController();
  state.request = request;
  updateControls();
  ui.busy.hidden = false;
  ui.busyText.textContent = 'Preparing the mask…';
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  const ticker = setInterval(() => { ui.busyText.textContent = `Filling… ${seconds()} s`; }, 1000);
  try {
    const mask = await rasteriseMask(history.strokes, photo.width, photo.height);
    if (!mask.painted) {
      showMessage('Nothing is painted: the eraser took it all back. Paint over what should go, then Fill.');
      return;
    }
    ui.busyText.textContent = 'Filling…';
    const blob = await inpaint({
      image: photo.blob, imageName: photo.name, mask: mask.blob,
      strategy: ui.strategy.value, format: ui.format.value,
    }, request.signal);
    const result = await loadPicture(blob, resultFileName(photo.name, blob.type));
    showResult(result);
    showMessage(`Filled in ${seconds()} s. Drag across the photo or use the slider to compare; ` +
      `Download saves ${result.name} (${result.width} × ${result.height}).`);
  } catch (error) {
    if (error.name === 'AbortError') showMessage('Cancelled.');
    else showError(describeFailure(error));
  } finally {
    clearInterval(ticker);
    state.request = null;
    ui.busy.hidden = true;
    updateControls();
  }
}

function describeFailure(error) {
  // fetch rejects with a TypeError when no answer came at all.
  if (error instanceof TypeError) return `The server could not be reached (${error.message}).`;
  if (!(error instanceof ApiError)) return `The fill failed: ${error.message}`;
  const sentence = error.message.charAt(0).toUpperCase() + error.message.slice(1).replace(/\.$/, '');
  if (error.status >= 500) return `The server failed (${error.message}); the photo is unchanged.`;
  if (error.status === 429 && error.retryAfterSeconds) return `${sentence} (retry in ${error.retryAfterSeconds} s).`;
  return `${sentence}.`;
}

function showResult(result) {
  clearResult();
  state.result = result;
  state.resultUrl = URL.createObjectURL(result.blob);
  ui.download.href = state.resultUrl;
  ui.download.download = result.name;
  setSplit(0.5);
  updateControls();
}

/** Takes the result off the page (download link, slider) and returns its picture. */
function detachResult() {
  const result = state.result;
  if (!result) return null;
  URL.revokeObjectURL(state.resultUrl);
  state.result = null;
  state.resultUrl = null;
  ui.download.removeAttribute('href');
  updateControls();
  requestRender();
  return result;
}

function clearResult() {
  closePicture(detachResult());
}

function continueOnResult() {
  setPhoto(detachResult());
  showMessage('The result is now the photo: paint again and press Fill for another round.');
}

function setSplit(fraction) {
  state.split = Math.min(1, Math.max(0, fraction));
  ui.compare.value = Math.round(state.split * 100);
  requestRender();
}

// ---- Pointer, wheel and keyboard ----

function stagePoint(event) {
  const box = ui.stage.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}

function paintTo(point) {
  const segment = history.extend(viewport.toImage(point.x, point.y));
  const overlay = ui.overlay.getContext('2d');
  viewport.applyTo(overlay, window.devicePixelRatio || 1);
  drawStrokes(overlay, [segment], MASK_COLOUR, null);
}

function onPointerDown(event) {
  // Only the photo itself: not the result bar's controls lying over it.
  if (!state.photo || state.request || event.target !== ui.view) return;
  ui.stage.focus({ preventScroll: true, focusVisible: false });
  const point = stagePoint(event);
  if (event.button === 1 || event.button === 2 || (event.button === 0 && spaceHeld)) pointer.mode = 'pan';
  else if (event.button === 0) pointer.mode = state.result ? 'compare' : 'paint';
  else return;
  event.preventDefault();
  ui.stage.setPointerCapture(event.pointerId);
  Object.assign(pointer, point);
  if (pointer.mode === 'paint') {
    history.begin(state.tool, state.brushSize / viewport.scale, viewport.toImage(point.x, point.y));
    requestRender();
    updateControls();
  } else if (pointer.mode === 'compare') {
    setSplit(viewport.toImage(point.x, point.y).x / state.photo.width);
  }
}

function onPointerMove(event) {
  const point = stagePoint(event);
  showCursor(point);
  if (pointer.mode === 'pan') {
    viewport.panBy(point.x - pointer.x, point.y - pointer.y);
    requestRender();
  } else if (pointer.mode === 'paint') {
    // Coalesced events keep fast strokes smooth; points closer than a screen pixel add nothing.
    for (const e of event.getCoalescedEvents?.() ?? [event]) {
      const p = stagePoint(e);
      if (Math.hypot(p.x - pointer.x, p.y - pointer.y) < 1) continue;
      paintTo(p);
      Object.assign(pointer, p);
    }
    return;
  } else if (pointer.mode === 'compare') {
    setSplit(viewport.toImage(point.x, point.y).x / state.photo.width);
  }
  Object.assign(pointer, point);
}

function onPointerUp() {
  if (pointer.mode === 'paint') {
    history.end();
    updateControls();
  }
  pointer.mode = null;
}

function showCursor(point) {
  const photo = state.photo;
  const painting = photo && !state.result && !state.request && !spaceHeld && pointer.mode !== 'pan';
  ui.cursor.hidden = !painting;
  ui.cursor.style.left = `${point.x}px`;
  ui.cursor.style.top = `${point.y}px`;
  if (!photo) return;
  const p = viewport.toImage(point.x, point.y);
  const inside = p.x >= 0 && p.y >= 0 && p.x < photo.width && p.y < photo.height;
  ui.position.textContent = inside ? `x ${Math.floor(p.x)}, y ${Math.floor(p.y)}` : '';
}

function onWheel(event) {
  if (!state.photo) return;
  event.preventDefault();
  const point = stagePoint(event);
  // Exponential in the wheel distance, so trackpads' small steps zoom smoothly.
  viewport.zoomAt(Math.exp(-event.deltaY * 0.0015), point.x, point.y);
  requestRender();
}

function zoom(action) {
  if (!state.photo) return;
  action();
  requestRender();
}

function undo() {
  if (!state.result && !state.request && history.undo()) {
    requestRender();
    updateControls();
  }
}

function redo() {
  if (!state.result && !state.request && history.redo()) {
    requestRender();
    updateControls();
  }
}

const KEYS = {
  b: () => setTool('paint'),
  e: () => setTool('erase'),
  '[': () => setBrushSize(state.brushSize / BRUSH_STEP),
  ']': () => setBrushSize(state.brushSize * BRUSH_STEP),
  '+': () => zoom(() => viewport.zoomAtCenter(ZOOM_STEP)),
  '=': () => zoom(() => viewport.zoomAtCenter(ZOOM_STEP)),
  '-': () => zoom(() => viewport.zoomAtCenter(1 / ZOOM_STEP)),
  0: () => zoom(() => viewport.fit()),
  1: () => zoom(() => viewport.actualPixels()),
};

function onKeyDown(event) {
  if (event.target.matches('select, input:not([type="range"])')) return;
  const key = event.key.toLowerCase();
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && key === 'z') event.shiftKey ? redo() : undo();
  else if (ctrl && key === 'y') redo();
  else if (ctrl && key === 'enter') run();
  else if (ctrl || event.altKey) return;
  else if (key === ' ' && !event.target.matches('button, a, input')) {
    spaceHeld = true;
    ui.stage.classList.add('panning');
    ui.cursor.hidden = true;
  } else if (KEYS[key]) KEYS[key]();
  else return;
  event.preventDefault();
}

function onKeyUp(event) {
  if (event.key !== ' ') return;
  spaceHeld = false;
  ui.stage.classList.remove('panning');
}

function onDragOver(event) {
  event.preventDefault();
  ui.stage.classList.add('dragging');
}

function onDragLeave(event) {
  if (!ui.stage.contains(event.relatedTarget)) ui.stage.classList.remove('dragging');
}

function onDrop(event) {
  event.preventDefault();
  ui.stage.classList.remove('dragging');
  openFile(event.dataTransfer.files[0]);
}

// ---- Server info ----

// Result formats the page can show as well as download.
const RESULT_FORMATS = { png: 'PNG (lossless)', jpeg: 'JPEG', webp: 'WebP', bmp: 'BMP' };

async function loadInfo() {
  let info;
  try {
    info = await fetchInfo();
  } catch {
    ui.serverInfo.textContent = 'Server not reachable';
    return;
  }
  const { maxPixels = null, maxUploadBytes = null } = info.limits ?? {};
  state.limits = { maxPixels, maxUploadBytes };
  ui.serverInfo.textContent = [info.model?.name && `Model: ${info.model.name}`, info.version && `hifill ${info.version}`]
    .filter(Boolean).join(' · ');
  ui.serverInfo.title = [info.model?.source, info.model?.data].filter(Boolean).join(': ');
  const limits = [];
  if (maxPixels) limits.push(`up to ${megapixels(maxPixels)}`);
  if (maxUploadBytes) limits.push(`${megabytes(maxUploadBytes)} per upload`);
  ui.limits.textContent = limits.length ? `This server takes photos ${limits.join(', ')}.` : '';
  if (info.writeFormats) {
    const formats = info.writeFormats.filter((id) => id in RESULT_FORMATS);
    ui.format.replaceChildren(ui.format.options[0], ...formats.map((id) => new Option(RESULT_FORMATS[id], id)));
  }
}

// ---- Wiring ----

ui.fileInput.addEventListener('change', () => {
  openFile(ui.fileInput.files[0]);
  ui.fileInput.value = ''; // The same file can be opened again.
});
ui.brush.addEventListener('click', () => setTool('paint'));
ui.eraser.addEventListener('click', () => setTool('erase'));
ui.brushSize.addEventListener('input', () => setBrushSize(Number(ui.brushSize.value)));
ui.undo.addEventListener('click', undo);
ui.redo.addEventListener('click', redo);
ui.zoomIn.addEventListener('click', KEYS['+']);
ui.zoomOut.addEventListener('click', KEYS['-']);
ui.zoomFit.addEventListener('click', KEYS[0]);
ui.zoomActual.addEventListener('click', KEYS[1]);
ui.run.addEventListener('click', run);
ui.cancel.addEventListener('click', () => state.request?.abort());
ui.compare.addEventListener('input', () => setSplit(Number(ui.compare.value) / 100));
ui.continueButton.addEventListener('click', continueOnResult);
ui.back.addEventListener('click', () => {
  clearResult();
  showMessage('Back to the painted mask: change it and press Fill again.');
});

ui.stage.addEventListener('pointerdown', onPointerDown);
ui.stage.addEventListener('pointermove', onPointerMove);
ui.stage.addEventListener('pointerup', onPointerUp);
ui.stage.addEventListener('pointercancel', onPointerUp);
ui.stage.addEventListener('pointerleave', () => { ui.cursor.hidden = true; ui.position.textContent = ''; });
ui.stage.addEventListener('wheel', onWheel, { passive: false });
ui.stage.addEventListener('contextmenu', (event) => event.preventDefault());
ui.stage.addEventListener('dragover', onDragOver);
ui.stage.addEventListener('dragleave', onDragLeave);
ui.stage.addEventListener('drop', onDrop);
// A photo dropped beside the stage must not make the browser navigate away from the page.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());
document.addEventListener('keydown', onKeyDown);
document.addEventListener('keyup', onKeyUp);
new ResizeObserver(resizeCanvases).observe(ui.stage);

setBrushSize(state.brushSize);
updateControls();
loadInfo();

// For scripts and tests: the mask exactly as Fill would send it.
window.hifill = {
  maskBlob: () => state.photo && rasteriseMask(history.strokes, state.photo.width, state.photo.height).then((m) => m.blob),
};
